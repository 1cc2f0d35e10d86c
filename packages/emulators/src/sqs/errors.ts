/**
 * Typed errors of the SQS emulator. Every class ends in `Error`, has a stable `name`, and keeps the
 * underlying failure in `cause`. Errors the HTTP API answers with are {@link SqsApiError}s: they
 * carry the error shape (`__type`), the legacy query code the SDK reads from `x-amzn-query-error`,
 * and the HTTP status, as listed in {@link SQS_ERRORS}.
 */

/** How SQS answers one kind of error in the AWS JSON protocol. */
export interface SqsErrorKind {
  /** The body's `__type`: the error shape id. */
  readonly type: string;
  /** The legacy (query protocol) code sent as `x-amzn-query-error: <code>;Sender`. */
  readonly queryCode: string;
  readonly statusCode: number;
}

const sqsShape = (name: string, queryCode: string, statusCode = 400): SqsErrorKind => ({ type: `com.amazonaws.sqs#${name}`, queryCode, statusCode });
const prefixed = (name: string, statusCode = 400): SqsErrorKind => sqsShape(name, `AWS.SimpleQueueService.${name}`, statusCode);

/**
 * The errors the emulator answers with. Shapes, query codes and statuses are those of the SQS
 * service model (`awsQueryError` traits, as `@aws-sdk/client-sqs` registers them) and of "Interpreting
 * Amazon SQS JSON API responses" (Amazon SQS Developer Guide); generic errors use the coral shapes
 * SQS sends (`com.amazon.coral.service#InvalidParameterValueException`, query code `InvalidParameterValue`).
 */
export const SQS_ERRORS = {
  QueueDoesNotExist: sqsShape('QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue'),
  QueueNameExists: sqsShape('QueueNameExists', 'QueueAlreadyExists'),
  InvalidAddress: sqsShape('InvalidAddress', 'InvalidAddress', 404),
  InvalidAttributeName: sqsShape('InvalidAttributeName', 'InvalidAttributeName'),
  InvalidAttributeValue: sqsShape('InvalidAttributeValue', 'InvalidAttributeValue'),
  InvalidMessageContents: sqsShape('InvalidMessageContents', 'InvalidMessageContents'),
  ReceiptHandleIsInvalid: sqsShape('ReceiptHandleIsInvalid', 'ReceiptHandleIsInvalid', 404),
  PurgeQueueInProgress: prefixed('PurgeQueueInProgress', 403),
  EmptyBatchRequest: prefixed('EmptyBatchRequest'),
  TooManyEntriesInBatchRequest: prefixed('TooManyEntriesInBatchRequest'),
  BatchEntryIdsNotDistinct: prefixed('BatchEntryIdsNotDistinct'),
  BatchRequestTooLong: prefixed('BatchRequestTooLong'),
  InvalidBatchEntryId: prefixed('InvalidBatchEntryId'),
  UnsupportedOperation: prefixed('UnsupportedOperation'),
  InvalidParameterValue: { type: 'com.amazon.coral.service#InvalidParameterValueException', queryCode: 'InvalidParameterValue', statusCode: 400 },
  MissingParameter: { type: 'com.amazon.coral.service#MissingRequiredParameterException', queryCode: 'MissingParameter', statusCode: 400 },
  SerializationException: { type: 'com.amazon.coral.service#SerializationException', queryCode: 'SerializationException', statusCode: 400 },
  UnknownOperation: { type: 'com.amazon.coral.service#UnknownOperationException', queryCode: 'UnknownOperation', statusCode: 400 },
  InternalFailure: { type: 'com.amazon.coral.service#InternalFailure', queryCode: 'InternalFailure', statusCode: 500 },
} as const satisfies Record<string, SqsErrorKind>;

/** A key of {@link SQS_ERRORS}. */
export type SqsErrorName = keyof typeof SQS_ERRORS;

/**
 * Base class of every error the SQS emulator throws.
 *
 * @example
 * ```ts
 * try {
 *   sqs.depth('missing');
 * } catch (error) {
 *   if (error instanceof SqsEmulatorError) console.error(error.name, error.message);
 * }
 * ```
 */
export class SqsEmulatorError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SqsEmulatorError';
  }
}

/**
 * An error the emulator's HTTP API answers with, as `{ "__type": kind.type, "message": … }` plus
 * `x-amzn-query-error: <kind.queryCode>;Sender`. Per-entry failures of batch actions reuse it for
 * their `Code` (the query code) and `Message`.
 *
 * @example
 * ```ts
 * throw new SqsApiError('QueueDoesNotExist', 'The specified queue does not exist.');
 * ```
 */
export class SqsApiError extends SqsEmulatorError {
  readonly kind: SqsErrorKind;

  constructor(
    /** Which error, a key of {@link SQS_ERRORS}. */
    readonly errorName: SqsErrorName,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SqsApiError';
    this.kind = SQS_ERRORS[errorName];
  }
}

/**
 * No queue has that name or URL (`AWS.SimpleQueueService.NonExistentQueue`).
 *
 * @example
 * ```ts
 * throw new QueueDoesNotExistError('rides-dlq');
 * ```
 */
export class QueueDoesNotExistError extends SqsApiError {
  constructor(readonly queue: string) {
    super('QueueDoesNotExist', 'The specified queue does not exist.');
    this.name = 'QueueDoesNotExistError';
  }
}

/**
 * A value of an API parameter SQS rejects (`InvalidParameterValue`).
 *
 * @example
 * ```ts
 * throw new InvalidParameterValueError('Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.');
 * ```
 */
export class InvalidParameterValueError extends SqsApiError {
  constructor(message: string) {
    super('InvalidParameterValue', message);
    this.name = 'InvalidParameterValueError';
  }
}

/**
 * An emulator option that can never work. The message names the option and the value given.
 *
 * @example
 * ```ts
 * throw new InvalidSqsOptionsError('maxMessageBytes must be an integer from 1024 to 1048576 (given 0)');
 * ```
 */
export class InvalidSqsOptionsError extends SqsEmulatorError {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidSqsOptionsError';
  }
}

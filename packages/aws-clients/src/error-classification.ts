/**
 * What a failed call means for what to do next.
 *
 * - `transient`: throttling, 5xx, timeouts, dropped connections: the same request may succeed
 *   moments later, so retry it with backoff.
 * - `invalid-request`: the service rejected the request's content (ValidationException and
 *   kin): the same input can never succeed. In a batch, one bad item causes it, so isolate it.
 * - `environment`: everything else (access denied, missing table or bucket, bad credentials,
 *   unknown errors): retrying now will not help, but the items are not at fault either, so they
 *   must go back to Lambda for a later retry, never to the quarantine.
 */
export type ErrorCategory = 'transient' | 'invalid-request' | 'environment';

/** The category of an error and a short, loggable reason (`Name: message`). */
export interface ErrorClassification {
  category: ErrorCategory;
  reason: string;
}

/** Throttling error names across DynamoDB, Kinesis, S3 and EventBridge (the SDK's own list). */
export const THROTTLING_ERROR_NAMES: ReadonlySet<string> = new Set([
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'LimitExceededException',
  'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ThrottledException',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'TransactionInProgressException',
  'KMSThrottlingException',
]);

/** Errors that say a call did not complete in time or was cut off. */
const TRANSIENT_ERROR_NAMES: ReadonlySet<string> = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  // Our deadline's AbortSignal fired: the items may well succeed on the next invocation.
  'AbortError',
  'InternalServerError',
  'InternalFailure',
  // EventBridge's name for a server-side failure.
  'InternalException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
]);

/** Node.js socket and DNS error codes that a new connection usually cures. */
const NETWORK_ERROR_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** Errors about the request's content: retrying the same input can never succeed. */
const INVALID_REQUEST_ERROR_NAMES: ReadonlySet<string> = new Set([
  'ValidationException',
  'SerializationException',
  'InvalidArgumentException',
  'InvalidParameterException',
  'InvalidParameterValueException',
  'InvalidArgument',
  // A PutEvents entry whose Detail is not a JSON object.
  'MalformedDetail',
  'EntityTooLarge',
  'KeyTooLongError',
]);

interface ErrorShape {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

const MAX_CAUSE_DEPTH = 5;

/**
 * Classifies an error thrown by `client.send` (or anything else) into an {@link ErrorCategory}.
 * Wrapped errors are classified by their `cause` when the outer error is not itself transient.
 *
 * @example
 * ```ts
 * try {
 *   await client.send(command);
 * } catch (error) {
 *   const { category, reason } = classifyError(error);
 *   if (category === 'transient') scheduleRetry(reason);
 * }
 * ```
 */
export function classifyError(error: unknown): ErrorClassification {
  return { category: categoryOf(error, 0), reason: describeError(error) };
}

/**
 * Classifies the error code a batch API reports for one entry (the `ErrorCode` and
 * `ErrorMessage` of a PutRecords or PutEvents result entry) exactly like an error of a whole call
 * with that name: `ProvisionedThroughputExceededException`, `InternalFailure`,
 * `KMSThrottlingException` and `ThrottlingException` are transient; `InvalidArgument` and
 * `MalformedDetail` are invalid requests; anything else (`AccessDeniedException`,
 * `KMSAccessDeniedException`, `KMSDisabledException`, `KMSNotFoundException`, codes this package
 * does not know) is an environment error.
 *
 * @example
 * ```ts
 * classifyErrorCode('ProvisionedThroughputExceededException', 'Rate exceeded for shard shardId-000000000000');
 * // { category: 'transient', reason: 'ProvisionedThroughputExceededException: Rate exceeded for shard shardId-000000000000' }
 * ```
 */
export function classifyErrorCode(code: string, message?: string): ErrorClassification {
  return classifyError({ name: code, message });
}

/**
 * True when the error is {@link ErrorCategory | transient}: worth retrying after a backoff.
 *
 * @example
 * ```ts
 * if (isRetryableError(error)) await sleepWithinDeadline(delayMs, deadline);
 * ```
 */
export function isRetryableError(error: unknown): boolean {
  return classifyError(error).category === 'transient';
}

/**
 * `Name: message` of an error, or its string form when it is not an object.
 *
 * @example
 * ```ts
 * describeError(new Error('boom')); // 'Error: boom'
 * ```
 */
export function describeError(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const { name, message } = error as ErrorShape;
  const label = typeof name === 'string' && name !== '' ? name : 'Error';
  return typeof message === 'string' && message !== '' ? `${label}: ${message}` : label;
}

function categoryOf(error: unknown, depth: number): ErrorCategory {
  if (typeof error !== 'object' || error === null) return 'environment';
  const shape = error as ErrorShape;
  const name = typeof shape.name === 'string' ? shape.name : '';
  const code = typeof shape.code === 'string' ? shape.code : '';
  const status = typeof shape.$metadata?.httpStatusCode === 'number' ? shape.$metadata.httpStatusCode : 0;
  if (
    shape.$retryable !== undefined ||
    THROTTLING_ERROR_NAMES.has(name) ||
    TRANSIENT_ERROR_NAMES.has(name) ||
    NETWORK_ERROR_CODES.has(code) ||
    status === 429 ||
    status >= 500
  ) {
    return 'transient';
  }
  if (INVALID_REQUEST_ERROR_NAMES.has(name) || status === 413) return 'invalid-request';
  if (shape.cause !== undefined && depth < MAX_CAUSE_DEPTH) {
    const causeCategory = categoryOf(shape.cause, depth + 1);
    if (causeCategory === 'transient') return causeCategory;
  }
  return 'environment';
}

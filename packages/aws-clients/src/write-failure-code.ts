import type { ErrorCategory } from './error-classification.js';

/**
 * Why a writer (`batchWriteItems`, `putRecords`, `putEvents`, `quarantineRecords`,
 * `callWithRetry`) did not write an input: the structured form of the prefix of its `reason`, for
 * callers to decide on. The `reason` stays the text for logs and the quarantine; never parse it.
 *
 * | code                      | retryable | reasons it stands for |
 * |---------------------------|-----------|-----------------------|
 * | `TooLarge`                | `false`   | `ItemTooLarge`, `RecordTooLarge`, `EntryTooLarge` (found before sending); the service refusing an input for its size (DynamoDB's `ValidationException: Item size has exceeded the maximum allowed size`, EventBridge's `ValidationException: Total size of the entries in the request is over the limit.`, S3's `EntityTooLarge`, HTTP 413) |
 * | `Invalid`                 | `false`   | `InvalidItem`, `MissingKeyAttribute`, `InvalidPartitionKey`, `InvalidExplicitHashKey`, `InvalidQuarantineRecord` (found before sending); the service refusing an input's content (`ValidationException`, `InvalidArgument`, `MalformedDetail`, ...) |
 * | `DeadlineReached`         | `true`    | `DeadlineReached: not attempted`, `DeadlineReached: <last error> after N attempt(s)`: transient failures until too little time was left |
 * | `MaxAttemptsReached`      | `true`    | `MaxAttemptsReached: <last error> after N attempt(s)`: transient failures on every attempt |
 * | `BlockedByEarlierFailure` | `true`    | `putRecords` and `batchWriteItems`: not sent, because an earlier input with the same partition key (table key) was not written |
 * | `Environment`             | `true`    | `<ErrorName>: <message>`: access denied, a missing table, stream, bus or bucket, KMS errors, unknown errors: not the input's fault, and retrying within this invocation would not help |
 * | `Unaccounted`             | `true`    | `Unaccounted: no outcome was recorded`: a writer bug, reported rather than losing the input |
 *
 * `retryable` is `false` exactly for `TooLarge` and `Invalid`: those inputs can never be written
 * and belong in the quarantine; all others go back to Lambda for a later retry.
 *
 * @example
 * ```ts
 * for (const failure of result.failed) {
 *   if (failure.code === 'TooLarge') quarantine(failure.ref, 'TOO_LARGE', failure.reason);
 *   else if (failure.code === 'Invalid') quarantine(failure.ref, 'REJECTED_BY_SINK', failure.reason);
 *   else batchItemFailures.push({ itemIdentifier: failure.ref });
 * }
 * ```
 */
export type WriteFailureCode =
  | 'TooLarge'
  | 'Invalid'
  | 'DeadlineReached'
  | 'MaxAttemptsReached'
  | 'BlockedByEarlierFailure'
  | 'Environment'
  | 'Unaccounted';

/** How an input finally failed; every writer's failure carries these. */
export interface FailureDetail {
  /** `false` exactly when `code` is `TooLarge` or `Invalid`. */
  retryable: boolean;
  code: WriteFailureCode;
  /** `Code: detail`, for logs and the quarantine. */
  reason: string;
  cause?: unknown;
}

/**
 * `ValidationException` messages that refuse an input for its size: DynamoDB's for an item over
 * 400 KB (put, or update), and EventBridge's whole-request answer to PutEvents entries over the
 * size limit ("Total size of the entries in the request is over the limit."), which a writer
 * isolating the bad entry ends up getting for that entry alone.
 */
const VALIDATION_TOO_LARGE = [/item size (to update )?has exceeded the maximum allowed size/i, /total size of the entries in the request is over the limit/i];

interface ErrorShape {
  name?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

/**
 * The code of a failure that retrying cannot cure, from the error's {@link ErrorCategory}:
 * `Environment` for an environment error; for an invalid request, `TooLarge` when the service
 * refused the input for its size (see {@link WriteFailureCode}), `Invalid` otherwise. A batch
 * API's entry error is passed as `{ name: ErrorCode, message: ErrorMessage }`.
 *
 * @example
 * ```ts
 * const { category, reason } = classifyError(error);
 * if (category !== 'transient') fail({ retryable: category === 'environment', code: finalFailureCode(error, category), reason });
 * ```
 */
export function finalFailureCode(error: unknown, category: Exclude<ErrorCategory, 'transient'>): 'TooLarge' | 'Invalid' | 'Environment' {
  if (category === 'environment') return 'Environment';
  return isTooLarge(error) ? 'TooLarge' : 'Invalid';
}

function isTooLarge(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, message, $metadata } = error as ErrorShape;
  return (
    name === 'EntityTooLarge' ||
    $metadata?.httpStatusCode === 413 ||
    (name === 'ValidationException' && typeof message === 'string' && VALIDATION_TOO_LARGE.some((pattern) => pattern.test(message)))
  );
}

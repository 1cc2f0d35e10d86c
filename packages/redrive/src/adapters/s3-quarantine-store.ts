import type { S3Client } from '@aws-sdk/client-s3';
import {
  InvalidQuarantinedObjectError,
  callWithRetry,
  deadlineAt,
  deleteQuarantined,
  describeError,
  listQuarantined,
  readQuarantined,
  type RetryOptions,
} from '@wildrydes/aws-clients';
import { SetupError } from '../errors.js';
import type { QuarantineStore, ReadOutcome } from '../ports.js';

/** How hard the store tries each object. */
export interface S3QuarantineStoreSettings {
  /**
   * Time for one object's read or delete, retries included.
   * @default 30000
   */
  readonly callTimeoutMs?: number;
  readonly retry?: RetryOptions;
  /** @default Date.now */
  readonly now?: () => number;
}

const DEFAULT_CALL_TIMEOUT_MS = 30_000;

/**
 * The quarantine bucket through `@wildrydes/aws-clients`: listing with `listQuarantined`,
 * reading with `readQuarantined`, deleting with `deleteQuarantined`. Reads and deletes retry
 * transient errors with backoff within `callTimeoutMs` and report every failure as a value.
 *
 * @example
 * ```ts
 * const store = s3QuarantineStore(createS3Client(), 'wildrydes-quarantine-abc123');
 * for await (const key of store.listKeys('kinesis-republisher/')) console.log(key);
 * ```
 */
export function s3QuarantineStore(client: S3Client, bucketName: string, settings: S3QuarantineStoreSettings = {}): QuarantineStore {
  const now = settings.now ?? Date.now;
  const retryOptions = () => ({
    deadline: deadlineAt(now() + (settings.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS), { now }),
    ...(settings.retry === undefined ? {} : { retry: settings.retry }),
  });
  return {
    async *listKeys(prefix) {
      try {
        yield* listQuarantined(client, { bucketName, prefix });
      } catch (error) {
        throw new SetupError(`cannot list s3://${bucketName}/${prefix}: ${describeError(error)}`, { cause: error });
      }
    },

    async read(key) {
      const outcome = await callWithRetry(async (): Promise<ReadOutcome> => {
        try {
          return { kind: 'record', record: await readQuarantined(client, { bucketName, key }) };
        } catch (error) {
          if (error instanceof InvalidQuarantinedObjectError) return { kind: 'invalid', detail: invalidDetail(error) };
          if ((error as { name?: unknown }).name === 'NoSuchKey') return { kind: 'gone' };
          throw error;
        }
      }, retryOptions());
      return outcome.ok ? outcome.value : { kind: 'error', reason: outcome.reason };
    },

    async delete(key) {
      const outcome = await callWithRetry(() => deleteQuarantined(client, { bucketName, key }), retryOptions());
      return outcome.ok ? { ok: true } : { ok: false, reason: outcome.reason };
    },
  };
}

/** The message, plus the first lines of the cause (the schema's issues), for the operator. */
function invalidDetail(error: InvalidQuarantinedObjectError): string {
  const cause = error.cause instanceof Error ? error.cause.message.split('\n').slice(0, 3).join(' ') : '';
  return cause === '' ? error.message : `${error.message}: ${cause}`;
}

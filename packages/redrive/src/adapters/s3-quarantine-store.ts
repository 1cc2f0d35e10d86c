import type { S3Client } from '@aws-sdk/client-s3';
import { InvalidQuarantinedObjectError, callWithRetry, deleteQuarantined, readQuarantined } from '@wildrydes/aws-clients';
import type { QuarantineStore, ReadOutcome } from '../ports.js';
import { listBucketKeys } from './list-bucket-keys.js';
import { retryOptionsOf, type CallSettings } from './retry-settings.js';

/** How hard the store tries each object: `callTimeoutMs` is the time for one read or delete, retries included. */
export type S3QuarantineStoreSettings = CallSettings;

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
  return {
    listKeys: (prefix) => listBucketKeys(client, bucketName, prefix),

    async read(key) {
      const outcome = await callWithRetry(async (): Promise<ReadOutcome> => {
        try {
          return { kind: 'record', record: await readQuarantined(client, { bucketName, key }) };
        } catch (error) {
          if (error instanceof InvalidQuarantinedObjectError) return { kind: 'invalid', detail: invalidDetail(error) };
          if ((error as { name?: unknown }).name === 'NoSuchKey') return { kind: 'gone' };
          throw error;
        }
      }, retryOptionsOf(settings));
      return outcome.ok ? outcome.value : { kind: 'error', reason: outcome.reason };
    },

    async delete(key) {
      const outcome = await callWithRetry(() => deleteQuarantined(client, { bucketName, key }), retryOptionsOf(settings));
      return outcome.ok ? { ok: true } : { ok: false, reason: outcome.reason };
    },
  };
}

/** The message, plus the first lines of the cause (the schema's issues), for the operator. */
function invalidDetail(error: InvalidQuarantinedObjectError): string {
  const cause = error.cause instanceof Error ? error.cause.message.split('\n').slice(0, 3).join(' ') : '';
  return cause === '' ? error.message : `${error.message}: ${cause}`;
}

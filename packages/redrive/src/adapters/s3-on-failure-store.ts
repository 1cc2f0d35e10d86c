import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { callWithRetry, deleteQuarantined } from '@wildrydes/aws-clients';
import { StreamOnFailureRecordSchema } from '@wildrydes/schemas';
import type { OnFailureReadOutcome, OnFailureStore } from '../ports.js';
import { listBucketKeys } from './list-bucket-keys.js';
import { retryOptionsOf, type CallSettings } from './retry-settings.js';

/**
 * The failure bucket (stream mappings' S3 on-failure destinations) through the S3 client: keys
 * listed page by page, each object read as an invocation record (`StreamOnFailureRecordSchema`)
 * and deleted, with transient errors retried within `callTimeoutMs`. Every failure of a read or
 * delete is a value.
 *
 * @example
 * ```ts
 * const store = s3OnFailureStore(createS3Client(), 'wildrydes-failures');
 * for await (const key of store.listKeys('aws/lambda/')) console.log(key);
 * ```
 */
export function s3OnFailureStore(client: S3Client, bucketName: string, settings: CallSettings = {}): OnFailureStore {
  return {
    listKeys: (prefix) => listBucketKeys(client, bucketName, prefix),

    async read(key) {
      const outcome = await callWithRetry(async (abortSignal): Promise<OnFailureReadOutcome> => {
        let body: string | undefined;
        try {
          const response = await client.send(new GetObjectCommand({ Bucket: bucketName, Key: key }), { abortSignal });
          body = await response.Body?.transformToString('utf-8');
        } catch (error) {
          if ((error as { name?: unknown }).name === 'NoSuchKey') return { kind: 'gone' };
          throw error;
        }
        return parseRecord(body ?? '');
      }, retryOptionsOf(settings));
      return outcome.ok ? outcome.value : { kind: 'error', reason: outcome.reason };
    },

    async delete(key) {
      const outcome = await callWithRetry(() => deleteQuarantined(client, { bucketName, key }), retryOptionsOf(settings));
      return outcome.ok ? { ok: true } : { ok: false, reason: outcome.reason };
    },
  };
}

function parseRecord(body: string): OnFailureReadOutcome {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return { kind: 'invalid', detail: `not JSON: ${(error as Error).message}` };
  }
  const record = StreamOnFailureRecordSchema.safeParse(json);
  if (!record.success) {
    return { kind: 'invalid', detail: `not a stream invocation record (requestContext, KinesisBatchInfo or DDBStreamBatchInfo, ...): ${record.error.message.split('\n').slice(0, 3).join(' ')}` };
  }
  return { kind: 'record', record: record.data };
}

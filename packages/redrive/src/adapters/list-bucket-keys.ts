import type { S3Client } from '@aws-sdk/client-s3';
import { describeError, listQuarantined } from '@wildrydes/aws-clients';
import { SetupError } from '../errors.js';

/**
 * Every key under `prefix` in the bucket, page by page (`listQuarantined`), for the stores'
 * `listKeys`. A listing that fails is a SetupError naming the bucket and prefix: a re-drive
 * cannot start without it, and nothing has been changed yet.
 *
 * @example
 * ```ts
 * for await (const key of listBucketKeys(s3, 'wildrydes-failures', 'aws/lambda/')) console.log(key);
 * ```
 */
export async function* listBucketKeys(client: S3Client, bucketName: string, prefix: string): AsyncIterable<string> {
  try {
    yield* listQuarantined(client, { bucketName, prefix });
  } catch (error) {
    throw new SetupError(`cannot list s3://${bucketName}/${prefix}: ${describeError(error)}`, { cause: error });
  }
}

import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { FunctionFailureLocations } from './failure-destinations.js';

/** What is in one function's on-failure destinations now. */
export interface FunctionFailureInventory {
  /** Invocation records under the function's mapping prefix in the failure bucket. */
  readonly onFailureObjects: number;
  /** Messages in the dead-letter and on-failure queues, visible or in flight. */
  readonly queuedMessages: number;
}

/**
 * Counts what is left in every function's on-failure destinations: the objects under its
 * mapping's prefix (`aws/lambda/<ESM-UUID>/`) in the failure bucket, and the messages of its
 * dead-letter and on-failure queues (`ApproximateNumberOfMessages` plus
 * `ApproximateNumberOfMessagesNotVisible`, per the SQS API Reference, GetQueueAttributes).
 *
 * @example
 * ```ts
 * const left = await failureInventory({ s3, sqs }, 'wildrydes-failures', destinations.locations);
 * totalLeft(left); // 0 once everything was re-driven
 * ```
 */
export async function failureInventory(
  clients: { readonly s3: S3Client; readonly sqs: SQSClient },
  failureBucket: string,
  locations: ReadonlyMap<string, FunctionFailureLocations>,
): Promise<Map<string, FunctionFailureInventory>> {
  const inventory = new Map<string, FunctionFailureInventory>();
  for (const [functionName, where] of locations) {
    const onFailureObjects = where.onFailurePrefix === undefined ? 0 : await countObjects(clients.s3, failureBucket, where.onFailurePrefix);
    let queuedMessages = 0;
    for (const queueUrl of [where.deadLetterQueueUrl, where.onFailureQueueUrl]) {
      if (queueUrl === undefined) continue;
      const { Attributes = {} } = await clients.sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
      );
      queuedMessages += Number(Attributes.ApproximateNumberOfMessages ?? 0) + Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0);
    }
    inventory.set(functionName, { onFailureObjects, queuedMessages });
  }
  return inventory;
}

/** Objects and messages left over all functions. */
export function totalLeft(inventory: ReadonlyMap<string, FunctionFailureInventory>): number {
  return [...inventory.values()].reduce((sum, { onFailureObjects, queuedMessages }) => sum + onFailureObjects + queuedMessages, 0);
}

async function countObjects(s3: S3Client, bucket: string, prefix: string): Promise<number> {
  let count = 0;
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    count += page.KeyCount ?? page.Contents?.length ?? 0;
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return count;
}

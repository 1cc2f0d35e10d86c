import type { SqsOperationContext } from './context';
import { batchEntries, perEntry, type BatchResultErrorEntry } from './batch';
import { requestBody, requiredString } from './request-fields';

/**
 * DeleteMessage: deletes the message the receipt handle came from. A handle from an earlier
 * receive of the same message deletes it too, and a handle whose message is gone succeeds
 * (both as SQS standard queues behave); a handle the queue never issued is `ReceiptHandleIsInvalid`.
 *
 * @example
 * ```ts
 * deleteMessage(context, { QueueUrl, ReceiptHandle });
 * ```
 */
export function deleteMessage(context: SqsOperationContext, input: unknown): Record<string, never> {
  const body = requestBody(input);
  const queue = context.registry.byUrl(requiredString(body, 'QueueUrl'));
  queue.delete(requiredString(body, 'ReceiptHandle'));
  return {};
}

/**
 * DeleteMessageBatch: up to 10 `{ Id, ReceiptHandle }`; each entry succeeds or fails on its own.
 *
 * @example
 * ```ts
 * deleteMessageBatch(context, { QueueUrl, Entries: [{ Id: 'a', ReceiptHandle }] }); // { Successful: [{ Id: 'a' }], Failed: [] }
 * ```
 */
export function deleteMessageBatch(context: SqsOperationContext, input: unknown): { Successful: Array<{ Id: string }>; Failed: BatchResultErrorEntry[] } {
  const body = requestBody(input);
  const queue = context.registry.byUrl(requiredString(body, 'QueueUrl'));
  const entries = batchEntries(body, 'DeleteMessageBatchRequestEntry');
  return perEntry(entries, (entry) => {
    queue.delete(requiredString(entry, 'ReceiptHandle'));
    return { Id: entry.Id };
  });
}

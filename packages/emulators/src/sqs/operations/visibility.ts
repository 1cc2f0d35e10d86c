import { SqsApiError } from '../errors';
import type { SqsOperationContext } from './context';
import { batchEntries, perEntry, type BatchResultErrorEntry } from './batch';
import { optionalInteger, requestBody, requiredString, type RequestBody } from './request-fields';

/**
 * ChangeMessageVisibility: the message stays hidden for `VisibilityTimeout` (0..43200) seconds
 * from now; 0 makes it visible at once. A message whose visibility already ran out is left as it
 * is (SQS answers 200); a deleted one is `InvalidParameterValue`.
 *
 * @example
 * ```ts
 * changeMessageVisibility(context, { QueueUrl, ReceiptHandle, VisibilityTimeout: 0 });
 * ```
 */
export function changeMessageVisibility(context: SqsOperationContext, input: unknown): Record<string, never> {
  const body = requestBody(input);
  const queue = context.registry.byUrl(requiredString(body, 'QueueUrl'));
  queue.changeVisibility(requiredString(body, 'ReceiptHandle'), requiredTimeout(body));
  return {};
}

/**
 * ChangeMessageVisibilityBatch: up to 10 `{ Id, ReceiptHandle, VisibilityTimeout }`; each entry
 * succeeds or fails on its own.
 *
 * @example
 * ```ts
 * changeMessageVisibilityBatch(context, { QueueUrl, Entries: [{ Id: 'a', ReceiptHandle, VisibilityTimeout: 30 }] });
 * ```
 */
export function changeMessageVisibilityBatch(context: SqsOperationContext, input: unknown): { Successful: Array<{ Id: string }>; Failed: BatchResultErrorEntry[] } {
  const body = requestBody(input);
  const queue = context.registry.byUrl(requiredString(body, 'QueueUrl'));
  const entries = batchEntries(body, 'ChangeMessageVisibilityBatchRequestEntry');
  return perEntry(entries, (entry) => {
    queue.changeVisibility(requiredString(entry, 'ReceiptHandle'), requiredTimeout(entry));
    return { Id: entry.Id };
  });
}

function requiredTimeout(body: RequestBody): number {
  const timeout = optionalInteger(body, 'VisibilityTimeout', 0, 43_200);
  if (timeout === undefined) throw new SqsApiError('MissingParameter', 'The request must contain the parameter VisibilityTimeout.');
  return timeout;
}

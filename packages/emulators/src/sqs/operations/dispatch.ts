import { changeMessageVisibility, changeMessageVisibilityBatch } from './visibility';
import type { SqsOperationContext } from './context';
import { deleteMessage, deleteMessageBatch } from './delete';
import { getQueueAttributes, setQueueAttributes } from './attributes';
import { createQueue, deleteQueue, getQueueUrl, listQueues, purgeQueue } from './queues';
import { receiveMessage } from './receive';
import { sendMessage, sendMessageBatch } from './send';

/** Handles one API operation's parsed request body and returns its response body. */
export type OperationHandler = (input: unknown, signal: AbortSignal) => unknown;

/**
 * The operations the emulator answers, by name (the part after `AmazonSQS.` in `X-Amz-Target`).
 *
 * @example
 * ```ts
 * const operations = createOperationTable(context);
 * await operations.get('ListQueues')?.({}, signal);
 * ```
 */
export function createOperationTable(context: SqsOperationContext): ReadonlyMap<string, OperationHandler> {
  return new Map<string, OperationHandler>([
    ['CreateQueue', (input) => createQueue(context, input)],
    ['GetQueueUrl', (input) => getQueueUrl(context, input)],
    ['ListQueues', (input) => listQueues(context, input)],
    ['DeleteQueue', (input) => deleteQueue(context, input)],
    ['PurgeQueue', (input) => purgeQueue(context, input)],
    ['GetQueueAttributes', (input) => getQueueAttributes(context, input)],
    ['SetQueueAttributes', (input) => setQueueAttributes(context, input)],
    ['SendMessage', (input) => sendMessage(context, input)],
    ['SendMessageBatch', (input) => sendMessageBatch(context, input)],
    ['ReceiveMessage', (input, signal) => receiveMessage(context, input, signal)],
    ['DeleteMessage', (input) => deleteMessage(context, input)],
    ['DeleteMessageBatch', (input) => deleteMessageBatch(context, input)],
    ['ChangeMessageVisibility', (input) => changeMessageVisibility(context, input)],
    ['ChangeMessageVisibilityBatch', (input) => changeMessageVisibilityBatch(context, input)],
  ]);
}

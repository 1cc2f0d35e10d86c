import { changeMessageVisibility, changeMessageVisibilityBatch } from './visibility';
import type { SqsOperationContext } from './context';
import { deleteMessage, deleteMessageBatch } from './delete';
import { getQueueAttributes, setQueueAttributes } from './attributes';
import { createQueue, deleteQueue, getQueueUrl, listQueues, purgeQueue } from './queues';
import { receiveMessage } from './receive';
import { sendMessage, sendMessageBatch } from './send';

/** Handles one API operation's parsed request body and returns its response body. */
export type OperationHandler = (input: unknown, signal: AbortSignal) => unknown;

/** The actions the emulator answers, by name (the part after `AmazonSQS.` in `X-Amz-Target`). */
const SQS_ACTIONS = {
  CreateQueue: createQueue,
  GetQueueUrl: getQueueUrl,
  ListQueues: listQueues,
  DeleteQueue: deleteQueue,
  PurgeQueue: purgeQueue,
  GetQueueAttributes: getQueueAttributes,
  SetQueueAttributes: setQueueAttributes,
  SendMessage: sendMessage,
  SendMessageBatch: sendMessageBatch,
  ReceiveMessage: receiveMessage,
  DeleteMessage: deleteMessage,
  DeleteMessageBatch: deleteMessageBatch,
  ChangeMessageVisibility: changeMessageVisibility,
  ChangeMessageVisibilityBatch: changeMessageVisibilityBatch,
} satisfies Record<string, (context: SqsOperationContext, input: unknown, signal: AbortSignal) => unknown>;

/**
 * The operations the emulator answers, by name, bound to `context`.
 *
 * @example
 * ```ts
 * const operations = createOperationTable(context);
 * await operations.get('ListQueues')?.({}, signal);
 * ```
 */
export function createOperationTable(context: SqsOperationContext): ReadonlyMap<string, OperationHandler> {
  return new Map(Object.entries(SQS_ACTIONS).map(([name, action]): [string, OperationHandler] => [name, (input, signal) => action(context, input, signal)]));
}

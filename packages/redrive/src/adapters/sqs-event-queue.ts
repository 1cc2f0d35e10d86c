import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  type BatchResultErrorEntry,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { callWithRetry } from '@wildrydes/aws-clients';
import type { EventQueue, QueueFailure, QueueMessage } from '../ports.js';
import { retryOptionsOf, type CallSettings } from './retry-settings.js';

/** How the queue is read. */
export interface SqsEventQueueSettings extends CallSettings {
  /**
   * How long received messages stay hidden: long enough to put their events back and delete
   * them, and to hold the ones kept until the run ends and makes them visible again.
   * @default 300
   */
  readonly visibilityTimeoutSeconds?: number;
  /**
   * Long polling: an empty answer after this wait means the queue is drained (a short poll may
   * answer empty while messages exist, per "Amazon SQS short and long polling").
   * @default 2
   */
  readonly waitTimeSeconds?: number;
}

/** DeleteMessageBatch and ChangeMessageVisibilityBatch take at most 10 entries. */
const MAX_BATCH_ENTRIES = 10;

/**
 * An SQS queue of failed events through the SDK's SQS client (JSON protocol): ReceiveMessage
 * with every message attribute and `SentTimestamp`, DeleteMessageBatch and
 * ChangeMessageVisibilityBatch (visibility 0 makes a message visible at once), 10 entries per
 * call. A batch call's `Failed` entries are reported per message; a whole call that fails after
 * retries fails each of its messages.
 *
 * @example
 * ```ts
 * const queue = sqsEventQueue(new SQSClient({}), 'https://sqs.us-east-1.amazonaws.com/123456789012/consumer-dlq');
 * const messages = await queue.receive();
 * ```
 */
export function sqsEventQueue(client: SQSClient, queueUrl: string, settings: SqsEventQueueSettings = {}): EventQueue {
  const visibilityTimeout = settings.visibilityTimeoutSeconds ?? 300;
  const waitTime = settings.waitTimeSeconds ?? 2;
  const inBatches = async (
    messages: readonly QueueMessage[],
    send: (entries: Array<{ Id: string; ReceiptHandle: string }>, abortSignal: AbortSignal | undefined) => Promise<{ Failed?: BatchResultErrorEntry[] }>,
  ): Promise<QueueFailure[]> => {
    const failures: QueueFailure[] = [];
    for (let start = 0; start < messages.length; start += MAX_BATCH_ENTRIES) {
      const batch = messages.slice(start, start + MAX_BATCH_ENTRIES);
      const entries = batch.map((message, index) => ({ Id: String(index), ReceiptHandle: message.receiptHandle }));
      const outcome = await callWithRetry((abortSignal) => send(entries, abortSignal), retryOptionsOf(settings));
      if (!outcome.ok) {
        failures.push(...batch.map(({ messageId }) => ({ messageId, reason: outcome.reason })));
        continue;
      }
      for (const failed of outcome.value.Failed ?? []) {
        const message = batch[Number(failed.Id)];
        if (message !== undefined) failures.push({ messageId: message.messageId, reason: `${failed.Code ?? 'Failed'}: ${failed.Message ?? ''}`.trim() });
      }
    }
    return failures;
  };

  return {
    async receive() {
      const outcome = await callWithRetry(
        (abortSignal) =>
          client.send(
            new ReceiveMessageCommand({
              QueueUrl: queueUrl,
              MaxNumberOfMessages: MAX_BATCH_ENTRIES,
              VisibilityTimeout: visibilityTimeout,
              WaitTimeSeconds: waitTime,
              MessageAttributeNames: ['All'],
              MessageSystemAttributeNames: ['SentTimestamp'],
            }),
            { abortSignal },
          ),
        retryOptionsOf(settings),
      );
      if (!outcome.ok) throw new Error(outcome.reason, { cause: outcome.cause });
      return (outcome.value.Messages ?? []).flatMap((message): QueueMessage[] => {
        if (message.MessageId === undefined || message.ReceiptHandle === undefined) return [];
        const attributes: Record<string, string> = {};
        for (const [name, value] of Object.entries(message.MessageAttributes ?? {})) if (value.StringValue !== undefined) attributes[name] = value.StringValue;
        const sent = Number(message.Attributes?.SentTimestamp);
        return [{ messageId: message.MessageId, receiptHandle: message.ReceiptHandle, body: message.Body ?? '', attributes, sentAtMs: Number.isFinite(sent) ? sent : undefined }];
      });
    },

    delete: (messages) => inBatches(messages, (Entries, abortSignal) => client.send(new DeleteMessageBatchCommand({ QueueUrl: queueUrl, Entries }), { abortSignal })),

    release: (messages) =>
      inBatches(messages, (entries, abortSignal) =>
        client.send(new ChangeMessageVisibilityBatchCommand({ QueueUrl: queueUrl, Entries: entries.map((entry) => ({ ...entry, VisibilityTimeout: 0 })) }), { abortSignal }),
      ),
  };
}

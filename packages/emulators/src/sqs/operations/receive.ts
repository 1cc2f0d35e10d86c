import { MAX_RECEIVE_MESSAGES, MAX_WAIT_TIME_SECONDS } from '../constants';
import type { ReceivedMessage } from '../local-queue';
import { waitForVisibleMessage } from '../long-poll';
import { md5OfMessageAttributes, type MessageAttributeValue } from '../md5';
import { selectMessageAttributes } from '../message-content';
import { redrivePolicyOf } from '../queue-attributes';
import type { SqsOperationContext } from './context';
import { optionalInteger, requestBody, requiredString, stringList } from './request-fields';

/** One message of a ReceiveMessage answer. */
export interface ReceiveMessageEntry {
  MessageId: string;
  ReceiptHandle: string;
  Body: string;
  MD5OfBody: string;
  Attributes?: Record<string, string>;
  MessageAttributes?: Record<string, MessageAttributeValue>;
  MD5OfMessageAttributes?: string;
}

/**
 * ReceiveMessage: up to `MaxNumberOfMessages` (1..10) visible messages, hidden for
 * `VisibilityTimeout` (0..43200 s, the queue's by default). With `WaitTimeSeconds` (0..20, the
 * queue's `ReceiveMessageWaitTimeSeconds` by default) it long-polls: it answers as soon as a
 * message is visible, or empty when the wait ends (or the client goes away). System attributes
 * come from `MessageSystemAttributeNames` and the older `AttributeNames` (`All`, `SenderId`,
 * `SentTimestamp`, `ApproximateReceiveCount`, `ApproximateFirstReceiveTimestamp`, `AWSTraceHeader`,
 * `DeadLetterQueueSourceArn`; timestamps in epoch ms); message attributes from
 * `MessageAttributeNames`, with `MD5OfMessageAttributes` over the ones returned, as SQS does.
 *
 * @example
 * ```ts
 * await receiveMessage(context, { QueueUrl, WaitTimeSeconds: 20, MessageSystemAttributeNames: ['All'] }, signal);
 * ```
 */
export async function receiveMessage(context: SqsOperationContext, input: unknown, signal: AbortSignal): Promise<{ Messages?: ReceiveMessageEntry[] }> {
  const body = requestBody(input);
  const queue = context.registry.byUrl(requiredString(body, 'QueueUrl'));
  const maxNumberOfMessages = optionalInteger(body, 'MaxNumberOfMessages', 1, MAX_RECEIVE_MESSAGES) ?? 1;
  const visibilityTimeoutSeconds = optionalInteger(body, 'VisibilityTimeout', 0, 43_200, 'Must be >= 0 and <= 43200, if provided.');
  const waitTimeSeconds = optionalInteger(body, 'WaitTimeSeconds', 0, MAX_WAIT_TIME_SECONDS, `Must be >= 0 and <= ${MAX_WAIT_TIME_SECONDS}, if provided.`) ?? Number(queue.attributes['ReceiveMessageWaitTimeSeconds'] ?? 0);
  const systemNames = [...stringList(body, 'AttributeNames'), ...stringList(body, 'MessageSystemAttributeNames')];
  const attributeNames = stringList(body, 'MessageAttributeNames');

  const deadline = context.now() + waitTimeSeconds * 1000;
  for (;;) {
    const policy = redrivePolicyOf(queue.attributes);
    const deadLetterQueue = policy === undefined ? undefined : context.registry.findByArn(policy.deadLetterTargetArn);
    const received = queue.receive({ maxNumberOfMessages, visibilityTimeoutSeconds, deadLetterQueue });
    if (received.length > 0) return { Messages: received.map((message) => toEntry(message, systemNames, attributeNames)) };
    if (signal.aborted || context.now() >= deadline) return {};
    await waitForVisibleMessage(queue, deadline, context.now, signal);
  }
}

function toEntry({ message, receiptHandle }: ReceivedMessage, systemNames: readonly string[], attributeNames: readonly string[]): ReceiveMessageEntry {
  const system: Record<string, string> = {
    SenderId: message.senderId,
    SentTimestamp: String(message.sentTimestamp),
    ApproximateReceiveCount: String(message.receiveCount),
    ApproximateFirstReceiveTimestamp: String(message.firstReceiveTimestamp ?? message.sentTimestamp),
  };
  const traceHeader = message.systemAttributes['AWSTraceHeader']?.StringValue;
  if (traceHeader !== undefined) system['AWSTraceHeader'] = traceHeader;
  if (message.deadLetterQueueSourceArn !== undefined) system['DeadLetterQueueSourceArn'] = message.deadLetterQueueSourceArn;
  const attributes = systemNames.includes('All') ? system : Object.fromEntries(Object.entries(system).filter(([name]) => systemNames.includes(name)));
  const messageAttributes = selectMessageAttributes(message.messageAttributes, attributeNames);
  const md5 = md5OfMessageAttributes(messageAttributes);
  return {
    MessageId: message.messageId,
    ReceiptHandle: receiptHandle,
    Body: message.body,
    MD5OfBody: message.md5OfBody,
    ...(Object.keys(attributes).length > 0 ? { Attributes: attributes } : {}),
    ...(md5 === undefined ? {} : { MessageAttributes: messageAttributes, MD5OfMessageAttributes: md5 }),
  };
}

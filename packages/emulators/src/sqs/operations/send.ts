import { InvalidParameterValueError, SqsApiError } from '../errors';
import type { LocalQueue } from '../local-queue';
import { messageSizeBytes, validateMessageAttributes, validateMessageBody, validateMessageSystemAttributes } from '../message-content';
import type { SqsOperationContext } from './context';
import { batchEntries, perEntry, type BatchResultErrorEntry } from './batch';
import { requestBody, requiredString, type RequestBody } from './request-fields';

/** What SendMessage answers, and each `Successful` entry of SendMessageBatch (with its `Id`). */
export interface SendMessageResult {
  MessageId: string;
  MD5OfMessageBody: string;
  MD5OfMessageAttributes?: string;
  MD5OfMessageSystemAttributes?: string;
}

/**
 * SendMessage: validates the body (allowed characters, non-empty), the message attributes, the
 * delay (0..900 s) and the size (body plus attributes within the queue's `MaximumMessageSize`),
 * then stores the message. `MessageDeduplicationId` belongs to FIFO queues and is refused;
 * `MessageGroupId` (fair queues) is accepted and ignored.
 *
 * @example
 * ```ts
 * sendMessage(context, { QueueUrl, MessageBody: 'hello' }); // { MessageId: '…', MD5OfMessageBody: '5d41402abc4b2a76b9719d911017c592' }
 * ```
 */
export function sendMessage(context: SqsOperationContext, input: unknown): SendMessageResult {
  const body = requestBody(input);
  const queue = context.registry.byUrl(requiredString(body, 'QueueUrl'));
  return sendOne(context, queue, body);
}

/**
 * SendMessageBatch: up to 10 entries; the request fails as a whole for an empty, too long or
 * malformed batch, or when the messages add up to more than the largest message
 * (`BatchRequestTooLong`); otherwise each entry succeeds or fails on its own (`Failed` with
 * `SenderFault: true`).
 *
 * @example
 * ```ts
 * sendMessageBatch(context, { QueueUrl, Entries: [{ Id: 'a', MessageBody: 'hello' }] });
 * ```
 */
export function sendMessageBatch(
  context: SqsOperationContext,
  input: unknown,
): { Successful: Array<SendMessageResult & { Id: string }>; Failed: BatchResultErrorEntry[] } {
  const body = requestBody(input);
  const queue = context.registry.byUrl(requiredString(body, 'QueueUrl'));
  const entries = batchEntries(body, 'SendMessageBatchRequestEntry');
  const totalBytes = entries.reduce((total, entry) => total + rawSizeBytes(entry), 0);
  if (totalBytes > context.maxMessageBytes) {
    throw new SqsApiError('BatchRequestTooLong', `Batch requests cannot be longer than ${context.maxMessageBytes} bytes. You have sent ${totalBytes} bytes.`);
  }
  return perEntry(entries, (entry) => ({ Id: entry.Id, ...sendOne(context, queue, entry) }));
}

function sendOne(context: SqsOperationContext, queue: LocalQueue, body: RequestBody): SendMessageResult {
  const messageBody = validateMessageBody(body['MessageBody']);
  const delaySeconds = optionalDelay(body);
  const messageAttributes = validateMessageAttributes(body['MessageAttributes']);
  const systemAttributes = validateMessageSystemAttributes(body['MessageSystemAttributes']);
  const deduplicationId = body['MessageDeduplicationId'];
  if (deduplicationId !== undefined && deduplicationId !== null) {
    throw new InvalidParameterValueError(
      `Value ${String(deduplicationId)} for parameter MessageDeduplicationId is invalid. Reason: The request include parameter that is not valid for this queue type.`,
    );
  }
  const maximumMessageSize = Number(queue.attributes['MaximumMessageSize']);
  if (messageSizeBytes(messageBody, messageAttributes) > maximumMessageSize) {
    throw new InvalidParameterValueError(`One or more parameters are invalid. Reason: Message must be shorter than ${maximumMessageSize} bytes.`);
  }
  const stored = queue.send({ body: messageBody, messageAttributes, systemAttributes, senderId: context.accountId, delaySeconds });
  return {
    MessageId: stored.messageId,
    MD5OfMessageBody: stored.md5OfBody,
    ...(stored.md5OfMessageAttributes === undefined ? {} : { MD5OfMessageAttributes: stored.md5OfMessageAttributes }),
    ...(stored.md5OfMessageSystemAttributes === undefined ? {} : { MD5OfMessageSystemAttributes: stored.md5OfMessageSystemAttributes }),
  };
}

function optionalDelay(body: RequestBody): number | undefined {
  const value = body['DelaySeconds'];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 900) {
    throw new InvalidParameterValueError(`Value ${String(value)} for parameter DelaySeconds is invalid. Reason: DelaySeconds must be >= 0 and <= 900.`);
  }
  return value;
}

/** An entry's size before validation (body plus attributes), for the batch total. */
function rawSizeBytes(entry: RequestBody): number {
  const body = typeof entry['MessageBody'] === 'string' ? entry['MessageBody'] : '';
  try {
    return messageSizeBytes(body, validateMessageAttributes(entry['MessageAttributes']));
  } catch {
    return Buffer.byteLength(body, 'utf8');
  }
}

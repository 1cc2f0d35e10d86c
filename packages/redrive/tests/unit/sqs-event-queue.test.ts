import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { ChangeMessageVisibilityBatchCommand, DeleteMessageBatchCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { sqsEventQueue } from '../../src/adapters/sqs-event-queue.js';
import type { QueueMessage } from '../../src/ports.js';

const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/consumer-dlq';
const sqs = mockClient(SQSClient);
afterEach(() => sqs.reset());

const received = (count: number): QueueMessage[] =>
  Array.from({ length: count }, (_, n) => ({ messageId: `m-${n}`, receiptHandle: `h-${n}`, body: '{}', attributes: {}, sentAtMs: undefined }));

describe('sqsEventQueue', () => {
  it('receives with every attribute, a visibility timeout and a long poll, and reads string attributes and SentTimestamp', async () => {
    // Prepare
    sqs.on(ReceiveMessageCommand).resolves({
      Messages: [{ MessageId: 'm-1', ReceiptHandle: 'h-1', Body: '{"a":1}', Attributes: { SentTimestamp: '1796637600000' }, MessageAttributes: { RULE_ARN: { DataType: 'String', StringValue: 'arn:x' } } }],
    });

    // Act
    const messages = await sqsEventQueue(new SQSClient({ region: 'us-east-1' }), QUEUE_URL).receive();

    // Assess
    expect(messages).toEqual([{ messageId: 'm-1', receiptHandle: 'h-1', body: '{"a":1}', attributes: { RULE_ARN: 'arn:x' }, sentAtMs: 1796637600000 }]);
    expect(sqs.commandCalls(ReceiveMessageCommand)[0]?.args[0].input).toEqual({
      QueueUrl: QUEUE_URL,
      MaxNumberOfMessages: 10,
      VisibilityTimeout: 300,
      WaitTimeSeconds: 2,
      MessageAttributeNames: ['All'],
      MessageSystemAttributeNames: ['SentTimestamp'],
    });
  });

  it('deletes in batches of 10 and reports the entries DeleteMessageBatch lists in Failed', async () => {
    // Prepare
    sqs.on(DeleteMessageBatchCommand).resolvesOnce({ Successful: [], Failed: [{ Id: '3', Code: 'ReceiptHandleIsInvalid', Message: 'The receipt handle has expired.', SenderFault: true }] }).resolves({ Successful: [] });

    // Act
    const failures = await sqsEventQueue(new SQSClient({ region: 'us-east-1' }), QUEUE_URL).delete(received(12));

    // Assess
    expect(failures).toEqual([{ messageId: 'm-3', reason: 'ReceiptHandleIsInvalid: The receipt handle has expired.' }]);
    expect(sqs.commandCalls(DeleteMessageBatchCommand).map((call) => call.args[0].input.Entries?.length)).toEqual([10, 2]);
  });

  it('releases by setting each message\'s visibility timeout to 0', async () => {
    // Prepare
    sqs.on(ChangeMessageVisibilityBatchCommand).resolves({ Successful: [] });

    // Act
    await sqsEventQueue(new SQSClient({ region: 'us-east-1' }), QUEUE_URL).release(received(1));

    // Assess
    expect(sqs.commandCalls(ChangeMessageVisibilityBatchCommand)[0]?.args[0].input).toEqual({
      QueueUrl: QUEUE_URL,
      Entries: [{ Id: '0', ReceiptHandle: 'h-0', VisibilityTimeout: 0 }],
    });
  });
});

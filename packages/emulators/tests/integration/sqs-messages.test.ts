import {
  BatchEntryIdsNotDistinct,
  BatchRequestTooLong,
  ChangeMessageVisibilityBatchCommand,
  ChangeMessageVisibilityCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  EmptyBatchRequest,
  InvalidBatchEntryId,
  InvalidMessageContents,
  ReceiptHandleIsInvalid,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSServiceException,
  TooManyEntriesInBatchRequest,
  type Message,
  type QueueAttributeName,
} from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { md5OfBody } from '../../src/index';
import { sqsForEachTest } from './sqs-helpers';

describe('SQS emulator: messages, over HTTP with @aws-sdk/client-sqs', () => {
  const local = sqsForEachTest();
  const { createQueue } = local;

  const receiveOne = async (QueueUrl: string, options: { WaitTimeSeconds?: number; VisibilityTimeout?: number } = {}): Promise<Message> => {
    const { Messages } = await local.client.send(new ReceiveMessageCommand({ QueueUrl, MessageSystemAttributeNames: ['All'], MessageAttributeNames: ['All'], ...options }));
    expect(Messages).toHaveLength(1);
    return Messages![0]!;
  };

  it("SendMessage answers SQS's MD5s, which the SDK's md5 middleware checks, and ReceiveMessage returns the message with them (API_SendMessage, API_ReceiveMessage)", async () => {
    // Prepare
    const QueueUrl = await createQueue('rides-dlq');
    const MessageAttributes = {
      'Help.Me': { DataType: 'String', StringValue: 'Me' },
      Hello: { DataType: 'String', StringValue: 'There' },
      General: { DataType: 'String', StringValue: 'Kenobi' },
    };

    // Act
    const sent = await local.client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'msg', MessageAttributes }));
    const received = await receiveOne(QueueUrl);

    // Assess: digests recorded from SQS for this very message ("Calculating the MD5 message digest for message attributes")
    expect(sent).toMatchObject({ MD5OfMessageBody: '6e2baaf3b97dbeef01c0043275f9a0e7', MD5OfMessageAttributes: '4c360f3fdafd970e05fae2f149d997f5' });
    expect(received).toMatchObject({
      MessageId: sent.MessageId,
      Body: 'msg',
      MD5OfBody: '6e2baaf3b97dbeef01c0043275f9a0e7',
      MD5OfMessageAttributes: '4c360f3fdafd970e05fae2f149d997f5',
      MessageAttributes,
    });
  });

  it('ReceiveMessage returns the message attributes MessageAttributeNames asks for, with the MD5 of those (API_ReceiveMessage)', async () => {
    // Prepare
    const QueueUrl = await createQueue('filters', { VisibilityTimeout: '0' });
    await local.client.send(
      new SendMessageCommand({
        QueueUrl,
        MessageBody: 'msg',
        MessageAttributes: {
          'Help.Me': { DataType: 'String', StringValue: 'Me' },
          Hello: { DataType: 'String', StringValue: 'There' },
          General: { DataType: 'String', StringValue: 'Kenobi' },
        },
      }),
    );
    const receive = async (MessageAttributeNames: string[]): Promise<Message> =>
      (await local.client.send(new ReceiveMessageCommand({ QueueUrl, MessageAttributeNames }))).Messages![0]!;

    // Act
    const none = await receive([]);
    const prefix = await receive(['Hel.*']);
    const named = await receive(['Foo', 'Hello']);

    // Assess
    expect(none.MessageAttributes).toBeUndefined();
    expect(none.MD5OfMessageAttributes).toBeUndefined();
    expect(Object.keys(prefix.MessageAttributes!).sort()).toEqual(['Hello', 'Help.Me']);
    expect(prefix.MD5OfMessageAttributes).toBe('83fee93c1bcd8b9a5a923ffacdc636c7');
    expect(Object.keys(named.MessageAttributes!)).toEqual(['Hello']);
    expect(named.MD5OfMessageAttributes).toBe('a311262e065454b75da111d535b8dacd');
  });

  it('ReceiveMessage answers the system attributes asked for: SenderId, SentTimestamp, ApproximateReceiveCount, ApproximateFirstReceiveTimestamp, AWSTraceHeader', async () => {
    // Prepare
    const QueueUrl = await createQueue('rides-dlq');
    await local.client.send(
      new SendMessageCommand({
        QueueUrl,
        MessageBody: 'x',
        MessageSystemAttributes: { AWSTraceHeader: { DataType: 'String', StringValue: 'Root=1-5759e988-bd862e3fe1be46a994272793' } },
      }),
    );

    // Act
    const all = await receiveOne(QueueUrl, { VisibilityTimeout: 0 });
    // AttributeNames, the older parameter, is typed as queue attribute names but SQS reads message system attribute names from it
    const { Messages } = await local.client.send(new ReceiveMessageCommand({ QueueUrl, AttributeNames: ['ApproximateReceiveCount' as QueueAttributeName] }));

    // Assess
    expect(all.Attributes).toEqual({
      SenderId: '000000000000',
      SentTimestamp: expect.stringMatching(/^\d{13}$/),
      ApproximateReceiveCount: '1',
      ApproximateFirstReceiveTimestamp: expect.stringMatching(/^\d{13}$/),
      AWSTraceHeader: 'Root=1-5759e988-bd862e3fe1be46a994272793',
    });
    expect(Messages![0]!.Attributes).toEqual({ ApproximateReceiveCount: '2' });
  });

  it('refuses a body with characters SQS does not allow (InvalidMessageContents) and a message over MaximumMessageSize (API_SendMessage)', async () => {
    // Prepare
    const QueueUrl = await createQueue('small', { MaximumMessageSize: '1024' });

    // Act
    const badCharacters = await local.client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'a\u0000b' })).catch((e: unknown) => e);
    const tooLarge = await local.client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x'.repeat(1000), MessageAttributes: { a: { DataType: 'String', StringValue: 'y'.repeat(20) } } })).catch((e: unknown) => e);
    const fits = await local.client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x'.repeat(1024) }));

    // Assess
    expect(badCharacters).toBeInstanceOf(InvalidMessageContents);
    expect(tooLarge).toBeInstanceOf(SQSServiceException);
    expect(tooLarge).toMatchObject({ name: 'InvalidParameterValue', message: 'One or more parameters are invalid. Reason: Message must be shorter than 1024 bytes.' });
    expect(fits.MD5OfMessageBody).toBe(md5OfBody('x'.repeat(1024)));
  });

  it('SendMessageBatch answers per entry: the valid ones Successful, an invalid one Failed with SenderFault (API_SendMessageBatch)', async () => {
    // Prepare
    const QueueUrl = await createQueue('rides-dlq');

    // Act
    const result = await local.client.send(
      new SendMessageBatchCommand({
        QueueUrl,
        Entries: [
          { Id: 'ok-1', MessageBody: 'one' },
          { Id: 'bad', MessageBody: 'two', DelaySeconds: 901 },
          { Id: 'ok-2', MessageBody: 'three', MessageAttributes: { MyAttribute: { DataType: 'String', StringValue: 'foobar' } } },
        ],
      }),
    );

    // Assess
    expect(result.Successful).toEqual([
      { Id: 'ok-1', MessageId: expect.any(String), MD5OfMessageBody: md5OfBody('one') },
      { Id: 'ok-2', MessageId: expect.any(String), MD5OfMessageBody: md5OfBody('three'), MD5OfMessageAttributes: 'adb59cd4678ea5a855436b949cd07ab6' },
    ]);
    expect(result.Failed).toEqual([
      { Id: 'bad', SenderFault: true, Code: 'InvalidParameterValue', Message: 'Value 901 for parameter DelaySeconds is invalid. Reason: DelaySeconds must be >= 0 and <= 900.' },
    ]);
    expect(local.sqs.depth('rides-dlq')).toEqual({ visible: 2, inFlight: 0, delayed: 0 });
  });

  it('refuses a batch as a whole when it is empty, has more than 10 entries, a bad or repeated id, or is over 1 MiB in total', async () => {
    // Prepare
    const QueueUrl = await createQueue('rides-dlq');
    const send = (Entries: Array<{ Id: string; MessageBody: string }>): Promise<unknown> => local.client.send(new SendMessageBatchCommand({ QueueUrl, Entries })).catch((e: unknown) => e);
    const entry = (Id: string, MessageBody = 'x'): { Id: string; MessageBody: string } => ({ Id, MessageBody });

    // Act
    const empty = await send([]);
    const eleven = await send(Array.from({ length: 11 }, (_, index) => entry(`e${index}`)));
    const badId = await send([entry('not ok!')]);
    const repeated = await send([entry('a'), entry('a')]);
    const tooLong = await send([entry('a', 'x'.repeat(600_000)), entry('b', 'y'.repeat(600_000))]);

    // Assess
    expect(empty).toBeInstanceOf(EmptyBatchRequest);
    expect(eleven).toBeInstanceOf(TooManyEntriesInBatchRequest);
    expect(eleven).toMatchObject({ message: 'Maximum number of entries per request are 10. You have sent 11.' });
    expect(badId).toBeInstanceOf(InvalidBatchEntryId);
    expect(repeated).toBeInstanceOf(BatchEntryIdsNotDistinct);
    expect(tooLong).toBeInstanceOf(BatchRequestTooLong);
    expect(tooLong).toMatchObject({ message: 'Batch requests cannot be longer than 1048576 bytes. You have sent 1200000 bytes.' });
    expect(local.sqs.depth('rides-dlq')).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
  });

  it('a long poll answers as soon as a message is sent, not at the end of WaitTimeSeconds (API_ReceiveMessage)', { timeout: 10_000 }, async () => {
    // Prepare
    const QueueUrl = await createQueue('rides-dlq');
    const polling = local.client.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 20 }));

    // Act
    await local.client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'wake up' }));

    // Assess
    expect((await polling).Messages?.map((message) => message.Body)).toEqual(['wake up']);
  });

  it('a long poll answers when a delayed message becomes visible; DelaySeconds per message and per queue (API_SendMessage)', { timeout: 10_000 }, async () => {
    // Prepare
    const QueueUrl = await createQueue('delayed', { DelaySeconds: '1' });
    await local.client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'queue delay' }));
    await local.client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'no delay', DelaySeconds: 0 }));
    const delayed = local.sqs.depth('delayed');

    // Act
    const first = await receiveOne(QueueUrl);
    const second = await receiveOne(QueueUrl, { WaitTimeSeconds: 20 });

    // Assess
    expect(delayed).toEqual({ visible: 1, inFlight: 0, delayed: 1 });
    expect(first.Body).toBe('no delay');
    expect(second.Body).toBe('queue delay');
  });

  it('a message whose visibility timeout ran out is received again, with ApproximateReceiveCount 2 and a new receipt handle (sqs-visibility-timeout)', { timeout: 10_000 }, async () => {
    // Prepare
    const QueueUrl = await createQueue('visibility', { VisibilityTimeout: '1' });
    await local.client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'again' }));
    const first = await receiveOne(QueueUrl);
    const hidden = local.sqs.depth('visibility');

    // Act
    const second = await receiveOne(QueueUrl, { WaitTimeSeconds: 20 });

    // Assess
    expect(hidden).toEqual({ visible: 0, inFlight: 1, delayed: 0 });
    expect(second.MessageId).toBe(first.MessageId);
    expect(second.Attributes?.['ApproximateReceiveCount']).toBe('2');
    expect(second.Attributes?.['ApproximateFirstReceiveTimestamp']).toBe(first.Attributes?.['ApproximateFirstReceiveTimestamp']);
    expect(second.ReceiptHandle).not.toBe(first.ReceiptHandle);
  });

  it('DeleteMessage deletes with the latest or an earlier handle of the message, repeats succeed, and an unknown handle is ReceiptHandleIsInvalid (API_DeleteMessage)', async () => {
    // Prepare
    const QueueUrl = await createQueue('rides-dlq');
    await local.client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' }));
    const first = await receiveOne(QueueUrl, { VisibilityTimeout: 0 });
    await receiveOne(QueueUrl);

    // Act
    await local.client.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: first.ReceiptHandle }));
    await local.client.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: first.ReceiptHandle }));
    const garbage = await local.client.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: 'garbage' })).catch((e: unknown) => e);

    // Assess
    expect(local.sqs.depth('rides-dlq')).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
    expect(garbage).toBeInstanceOf(ReceiptHandleIsInvalid);
    expect(garbage).toMatchObject({ message: 'The input receipt handle "garbage" is not a valid receipt handle.', $metadata: { httpStatusCode: 404 } });
  });

  it('DeleteMessageBatch deletes the good entries and answers a bad receipt handle in Failed (API_DeleteMessageBatch)', async () => {
    // Prepare
    const QueueUrl = await createQueue('rides-dlq');
    await local.client.send(new SendMessageBatchCommand({ QueueUrl, Entries: [{ Id: 'a', MessageBody: 'a' }, { Id: 'b', MessageBody: 'b' }] }));
    const { Messages } = await local.client.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }));

    // Act
    const result = await local.client.send(
      new DeleteMessageBatchCommand({
        QueueUrl,
        Entries: [
          { Id: 'first', ReceiptHandle: Messages![0]!.ReceiptHandle },
          { Id: 'fake', ReceiptHandle: 'fake-receipt-handle' },
          { Id: 'second', ReceiptHandle: Messages![1]!.ReceiptHandle },
        ],
      }),
    );

    // Assess
    expect(Messages).toHaveLength(2);
    expect(result.Successful).toEqual([{ Id: 'first' }, { Id: 'second' }]);
    expect(result.Failed).toEqual([
      { Id: 'fake', SenderFault: true, Code: 'ReceiptHandleIsInvalid', Message: 'The input receipt handle "fake-receipt-handle" is not a valid receipt handle.' },
    ]);
    expect(local.sqs.depth('rides-dlq')).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
  });

  it('ChangeMessageVisibility 0 makes a message visible at once; on a deleted message it is InvalidParameterValue (API_ChangeMessageVisibility)', async () => {
    // Prepare
    const QueueUrl = await createQueue('rides-dlq');
    await local.client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' }));
    const received = await receiveOne(QueueUrl);

    // Act
    await local.client.send(new ChangeMessageVisibilityCommand({ QueueUrl, ReceiptHandle: received.ReceiptHandle, VisibilityTimeout: 0 }));
    const visible = local.sqs.depth('rides-dlq');
    const again = await receiveOne(QueueUrl);
    await local.client.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: again.ReceiptHandle }));
    const deleted = await local.client
      .send(new ChangeMessageVisibilityCommand({ QueueUrl, ReceiptHandle: again.ReceiptHandle, VisibilityTimeout: 10 }))
      .catch((e: unknown) => e);

    // Assess
    expect(visible).toEqual({ visible: 1, inFlight: 0, delayed: 0 });
    expect(deleted).toBeInstanceOf(SQSServiceException);
    expect(deleted).toMatchObject({ name: 'InvalidParameterValue', message: expect.stringContaining('Message does not exist or is not available for visibility timeout change.') });
  });

  it('ChangeMessageVisibilityBatch applies each entry and answers a bad handle in Failed (API_ChangeMessageVisibilityBatch)', async () => {
    // Prepare
    const QueueUrl = await createQueue('rides-dlq');
    await local.client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' }));
    const received = await receiveOne(QueueUrl);

    // Act
    const result = await local.client.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl,
        Entries: [
          { Id: 'good', ReceiptHandle: received.ReceiptHandle, VisibilityTimeout: 0 },
          { Id: 'bad', ReceiptHandle: 'nope', VisibilityTimeout: 0 },
        ],
      }),
    );

    // Assess
    expect(result.Successful).toEqual([{ Id: 'good' }]);
    expect(result.Failed).toEqual([{ Id: 'bad', SenderFault: true, Code: 'ReceiptHandleIsInvalid', Message: 'The input receipt handle "nope" is not a valid receipt handle.' }]);
    expect(local.sqs.depth('rides-dlq')).toEqual({ visible: 1, inFlight: 0, delayed: 0 });
  });

  it('ReceiveMessage refuses MaxNumberOfMessages outside 1..10 and WaitTimeSeconds over 20 (API_ReceiveMessage)', async () => {
    // Prepare
    const QueueUrl = await createQueue('rides-dlq');

    // Act
    const tooMany = await local.client.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 11 })).catch((e: unknown) => e);
    const tooLong = await local.client.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 21 })).catch((e: unknown) => e);

    // Assess
    expect(tooMany).toMatchObject({ name: 'InvalidParameterValue', message: 'Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.' });
    expect(tooLong).toMatchObject({ name: 'InvalidParameterValue', message: 'Value 21 for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.' });
  });
});

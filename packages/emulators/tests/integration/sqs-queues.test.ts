import {
  CreateQueueCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  InvalidAddress,
  InvalidAttributeName,
  InvalidAttributeValue,
  ListQueuesCommand,
  PurgeQueueCommand,
  PurgeQueueInProgress,
  QueueDoesNotExist,
  QueueNameExists,
  SendMessageCommand,
  SetQueueAttributesCommand,
  SQSClient,
  SQSServiceException,
  UnsupportedOperation,
} from '@aws-sdk/client-sqs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSqs, type RunningSqs } from '../../src/index';
import { clientConfig } from './helpers';

describe('SQS emulator: queues, over HTTP with @aws-sdk/client-sqs', () => {
  let sqs: RunningSqs;
  let client: SQSClient;

  beforeEach(async () => {
    sqs = await startSqs();
    client = new SQSClient({ ...clientConfig, endpoint: sqs.endpoint });
  });

  afterEach(async () => {
    client.destroy();
    await sqs.stop();
  });

  const create = async (QueueName: string, Attributes?: Record<string, string>): Promise<string> =>
    (await client.send(new CreateQueueCommand({ QueueName, ...(Attributes ? { Attributes } : {}) }))).QueueUrl!;

  it('CreateQueue answers the queue URL http://127.0.0.1:<port>/<account>/<name>, and GetQueueUrl finds it (API_CreateQueue, API_GetQueueUrl)', async () => {
    // Act
    const queueUrl = await create('rides-dlq');
    const found = await client.send(new GetQueueUrlCommand({ QueueName: 'rides-dlq' }));

    // Assess
    expect(queueUrl).toBe(`${sqs.endpoint}/000000000000/rides-dlq`);
    expect(found.QueueUrl).toBe(queueUrl);
    expect(sqs.queueNames()).toEqual(['rides-dlq']);
  });

  it('CreateQueue with the same attributes returns the existing queue; a different value is QueueAlreadyExists (API_CreateQueue)', async () => {
    // Prepare
    const queueUrl = await create('rides-dlq', { VisibilityTimeout: '60' });

    // Act
    const again = await create('rides-dlq', { VisibilityTimeout: '60' });
    const withoutAttributes = await create('rides-dlq');
    const error = await create('rides-dlq', { VisibilityTimeout: '61' }).catch((e: unknown) => e);

    // Assess
    expect(again).toBe(queueUrl);
    expect(withoutAttributes).toBe(queueUrl);
    expect(error).toBeInstanceOf(QueueNameExists);
    expect(error).toMatchObject({
      Code: 'QueueAlreadyExists',
      message: 'A queue already exists with the same name and a different value for attribute VisibilityTimeout',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('refuses FIFO queues, by name or by attribute, with UnsupportedOperation naming FIFO', async () => {
    // Act
    const byName = await create('rides.fifo').catch((e: unknown) => e);
    const byAttribute = await create('rides', { FifoQueue: 'true' }).catch((e: unknown) => e);

    // Assess
    expect(byName).toBeInstanceOf(UnsupportedOperation);
    expect((byName as Error).message).toContain('FIFO queues are not supported');
    expect(byAttribute).toBeInstanceOf(UnsupportedOperation);
    expect(sqs.queueNames()).toEqual([]);
  });

  it('refuses a queue name SQS refuses with InvalidParameterValue (API_CreateQueue: 1 to 80 alphanumerics, hyphens, underscores)', async () => {
    // Act
    const error = await create('rides dlq').catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(SQSServiceException);
    expect(error).toMatchObject({ name: 'InvalidParameterValue', message: expect.stringContaining('1 to 80 in length') });
  });

  it('answers QueueDoesNotExist for an unknown name or URL, and InvalidAddress for a URL that is no queue URL', async () => {
    // Act
    const byName = await client.send(new GetQueueUrlCommand({ QueueName: 'missing' })).catch((e: unknown) => e);
    const byUrl = await client.send(new SendMessageCommand({ QueueUrl: `${sqs.endpoint}/000000000000/missing`, MessageBody: 'x' })).catch((e: unknown) => e);
    const badUrl = await client.send(new SendMessageCommand({ QueueUrl: `${sqs.endpoint}/not-a-queue`, MessageBody: 'x' })).catch((e: unknown) => e);

    // Assess
    expect(byName).toBeInstanceOf(QueueDoesNotExist);
    expect(byName).toMatchObject({ Code: 'AWS.SimpleQueueService.NonExistentQueue', message: 'The specified queue does not exist.' });
    expect(byUrl).toBeInstanceOf(QueueDoesNotExist);
    expect(badUrl).toBeInstanceOf(InvalidAddress);
  });

  it('ListQueues filters by prefix and pages with MaxResults and NextToken; no queues is an empty answer (API_ListQueues)', async () => {
    // Prepare
    const empty = await client.send(new ListQueuesCommand({}));
    const urls = [await create('rides-a'), await create('rides-b'), await create('rides-c'), await create('other')];

    // Act
    const first = await client.send(new ListQueuesCommand({ QueueNamePrefix: 'rides', MaxResults: 2 }));
    const second = await client.send(new ListQueuesCommand({ QueueNamePrefix: 'rides', MaxResults: 2, NextToken: first.NextToken }));
    const all = await client.send(new ListQueuesCommand({}));

    // Assess
    expect(empty.QueueUrls).toBeUndefined();
    expect(first.QueueUrls).toEqual(urls.slice(0, 2));
    expect(first.NextToken).toBeTruthy();
    expect(second.QueueUrls).toEqual([urls[2]]);
    expect(second.NextToken).toBeUndefined();
    expect(all.QueueUrls).toEqual([urls[3], ...urls.slice(0, 3)]);
  });

  it('DeleteQueue removes the queue and its messages (API_DeleteQueue)', async () => {
    // Prepare
    const QueueUrl = await create('rides-dlq');
    await client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' }));

    // Act
    await client.send(new DeleteQueueCommand({ QueueUrl }));

    // Assess
    expect(sqs.queueNames()).toEqual([]);
    await expect(client.send(new DeleteQueueCommand({ QueueUrl }))).rejects.toBeInstanceOf(QueueDoesNotExist);
    expect(await create('rides-dlq')).toBe(QueueUrl);
    expect(sqs.depth('rides-dlq')).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
  });

  it("GetQueueAttributes answers All and named attributes with SQS's defaults (API_GetQueueAttributes)", async () => {
    // Prepare
    const QueueUrl = await create('rides-dlq');
    await client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'now' }));
    await client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'later', DelaySeconds: 900 }));

    // Act
    const all = await client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }));
    const named = await client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn', 'ApproximateNumberOfMessagesDelayed'] }));
    const none = await client.send(new GetQueueAttributesCommand({ QueueUrl }));

    // Assess
    expect(all.Attributes).toEqual({
      QueueArn: 'arn:aws:sqs:us-east-1:000000000000:rides-dlq',
      ApproximateNumberOfMessages: '1',
      ApproximateNumberOfMessagesNotVisible: '0',
      ApproximateNumberOfMessagesDelayed: '1',
      CreatedTimestamp: expect.stringMatching(/^\d{10}$/),
      LastModifiedTimestamp: expect.stringMatching(/^\d{10}$/),
      DelaySeconds: '0',
      MaximumMessageSize: '1048576',
      MessageRetentionPeriod: '345600',
      ReceiveMessageWaitTimeSeconds: '0',
      VisibilityTimeout: '30',
      SqsManagedSseEnabled: 'true',
    });
    expect(named.Attributes).toEqual({ QueueArn: 'arn:aws:sqs:us-east-1:000000000000:rides-dlq', ApproximateNumberOfMessagesDelayed: '1' });
    expect(none.Attributes).toBeUndefined();
  });

  it('SetQueueAttributes changes settable attributes and refuses unknown names and values out of range (API_SetQueueAttributes)', async () => {
    // Prepare
    const QueueUrl = await create('rides-dlq');

    // Act
    await client.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { VisibilityTimeout: '120', MessageRetentionPeriod: '1209600' } }));
    const unknown = await client.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { Colour: 'blue' } as Record<string, string> })).catch((e: unknown) => e);
    const readOnly = await client.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { QueueArn: 'arn' } })).catch((e: unknown) => e);
    const outOfRange = await client.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { VisibilityTimeout: '43201' } })).catch((e: unknown) => e);
    const unknownRead = await client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['Colour' as 'All'] })).catch((e: unknown) => e);
    const { Attributes } = await client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['VisibilityTimeout', 'MessageRetentionPeriod'] }));

    // Assess
    expect(Attributes).toEqual({ VisibilityTimeout: '120', MessageRetentionPeriod: '1209600' });
    expect(unknown).toBeInstanceOf(InvalidAttributeName);
    expect(unknown).toMatchObject({ message: 'Unknown Attribute Colour.' });
    expect(readOnly).toBeInstanceOf(InvalidAttributeName);
    expect(outOfRange).toBeInstanceOf(InvalidAttributeValue);
    expect(outOfRange).toMatchObject({ message: 'Invalid value for the parameter VisibilityTimeout.' });
    expect(unknownRead).toBeInstanceOf(InvalidAttributeName);
  });

  it('PurgeQueue deletes every message, and a second purge within 60 s is PurgeQueueInProgress (API_PurgeQueue)', async () => {
    // Prepare
    const QueueUrl = await create('rides-dlq');
    await client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'a' }));
    await client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'b', DelaySeconds: 60 }));

    // Act
    await client.send(new PurgeQueueCommand({ QueueUrl }));
    const again = await client.send(new PurgeQueueCommand({ QueueUrl })).catch((e: unknown) => e);

    // Assess
    expect(sqs.depth('rides-dlq')).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
    expect(again).toBeInstanceOf(PurgeQueueInProgress);
    expect(again).toMatchObject({ $metadata: { httpStatusCode: 403 }, message: 'Only one PurgeQueue operation on rides-dlq is allowed every 60 seconds.' });
  });
});

import {
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
  SQSServiceException,
  UnsupportedOperation,
} from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { sqsForEachTest } from './sqs-helpers';

describe('SQS emulator: queues, over HTTP with @aws-sdk/client-sqs', () => {
  const local = sqsForEachTest();
  const { createQueue } = local;


  it('CreateQueue answers the queue URL http://127.0.0.1:<port>/<account>/<name>, and GetQueueUrl finds it (API_CreateQueue, API_GetQueueUrl)', async () => {
    // Act
    const queueUrl = await createQueue('rides-dlq');
    const found = await local.client.send(new GetQueueUrlCommand({ QueueName: 'rides-dlq' }));

    // Assess
    expect(queueUrl).toBe(`${local.sqs.endpoint}/000000000000/rides-dlq`);
    expect(found.QueueUrl).toBe(queueUrl);
    expect(local.sqs.queueNames()).toEqual(['rides-dlq']);
  });

  it('CreateQueue with the same attributes returns the existing queue; a different value is QueueAlreadyExists (API_CreateQueue)', async () => {
    // Prepare
    const queueUrl = await createQueue('rides-dlq', { VisibilityTimeout: '60' });

    // Act
    const again = await createQueue('rides-dlq', { VisibilityTimeout: '60' });
    const withoutAttributes = await createQueue('rides-dlq');
    const error = await createQueue('rides-dlq', { VisibilityTimeout: '61' }).catch((e: unknown) => e);

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
    const byName = await createQueue('rides.fifo').catch((e: unknown) => e);
    const byAttribute = await createQueue('rides', { FifoQueue: 'true' }).catch((e: unknown) => e);

    // Assess
    expect(byName).toBeInstanceOf(UnsupportedOperation);
    expect((byName as Error).message).toContain('FIFO queues are not supported');
    expect(byAttribute).toBeInstanceOf(UnsupportedOperation);
    expect(local.sqs.queueNames()).toEqual([]);
  });

  it('refuses a queue name SQS refuses with InvalidParameterValue (API_CreateQueue: 1 to 80 alphanumerics, hyphens, underscores)', async () => {
    // Act
    const error = await createQueue('rides dlq').catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(SQSServiceException);
    expect(error).toMatchObject({ name: 'InvalidParameterValue', message: expect.stringContaining('1 to 80 in length') });
  });

  it('answers QueueDoesNotExist for an unknown name or URL, and InvalidAddress for a URL that is no queue URL', async () => {
    // Act
    const byName = await local.client.send(new GetQueueUrlCommand({ QueueName: 'missing' })).catch((e: unknown) => e);
    const byUrl = await local.client.send(new SendMessageCommand({ QueueUrl: `${local.sqs.endpoint}/000000000000/missing`, MessageBody: 'x' })).catch((e: unknown) => e);
    const badUrl = await local.client.send(new SendMessageCommand({ QueueUrl: `${local.sqs.endpoint}/not-a-queue`, MessageBody: 'x' })).catch((e: unknown) => e);

    // Assess
    expect(byName).toBeInstanceOf(QueueDoesNotExist);
    expect(byName).toMatchObject({ Code: 'AWS.SimpleQueueService.NonExistentQueue', message: 'The specified queue does not exist.' });
    expect(byUrl).toBeInstanceOf(QueueDoesNotExist);
    expect(badUrl).toBeInstanceOf(InvalidAddress);
  });

  it('ListQueues filters by prefix and pages with MaxResults and NextToken; no queues is an empty answer (API_ListQueues)', async () => {
    // Prepare
    const empty = await local.client.send(new ListQueuesCommand({}));
    const urls = [await createQueue('rides-a'), await createQueue('rides-b'), await createQueue('rides-c'), await createQueue('other')];

    // Act
    const first = await local.client.send(new ListQueuesCommand({ QueueNamePrefix: 'rides', MaxResults: 2 }));
    const second = await local.client.send(new ListQueuesCommand({ QueueNamePrefix: 'rides', MaxResults: 2, NextToken: first.NextToken }));
    const all = await local.client.send(new ListQueuesCommand({}));

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
    const QueueUrl = await createQueue('rides-dlq');
    await local.client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' }));

    // Act
    await local.client.send(new DeleteQueueCommand({ QueueUrl }));

    // Assess
    expect(local.sqs.queueNames()).toEqual([]);
    await expect(local.client.send(new DeleteQueueCommand({ QueueUrl }))).rejects.toBeInstanceOf(QueueDoesNotExist);
    expect(await createQueue('rides-dlq')).toBe(QueueUrl);
    expect(local.sqs.depth('rides-dlq')).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
  });

  it("GetQueueAttributes answers All and named attributes with SQS's defaults (API_GetQueueAttributes)", async () => {
    // Prepare
    const QueueUrl = await createQueue('rides-dlq');
    await local.client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'now' }));
    await local.client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'later', DelaySeconds: 900 }));

    // Act
    const all = await local.client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }));
    const named = await local.client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn', 'ApproximateNumberOfMessagesDelayed'] }));
    const none = await local.client.send(new GetQueueAttributesCommand({ QueueUrl }));

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
    const QueueUrl = await createQueue('rides-dlq');

    // Act
    await local.client.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { VisibilityTimeout: '120', MessageRetentionPeriod: '1209600' } }));
    const unknown = await local.client.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { Colour: 'blue' } as Record<string, string> })).catch((e: unknown) => e);
    const readOnly = await local.client.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { QueueArn: 'arn' } })).catch((e: unknown) => e);
    const outOfRange = await local.client.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { VisibilityTimeout: '43201' } })).catch((e: unknown) => e);
    const unknownRead = await local.client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['Colour' as 'All'] })).catch((e: unknown) => e);
    const { Attributes } = await local.client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['VisibilityTimeout', 'MessageRetentionPeriod'] }));

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
    const QueueUrl = await createQueue('rides-dlq');
    await local.client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'a' }));
    await local.client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'b', DelaySeconds: 60 }));

    // Act
    await local.client.send(new PurgeQueueCommand({ QueueUrl }));
    const again = await local.client.send(new PurgeQueueCommand({ QueueUrl })).catch((e: unknown) => e);

    // Assess
    expect(local.sqs.depth('rides-dlq')).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
    expect(again).toBeInstanceOf(PurgeQueueInProgress);
    expect(again).toMatchObject({ $metadata: { httpStatusCode: 403 }, message: 'Only one PurgeQueue operation on rides-dlq is allowed every 60 seconds.' });
  });
});

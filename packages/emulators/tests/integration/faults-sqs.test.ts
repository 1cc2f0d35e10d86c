import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  GetQueueUrlCommand,
  ListQueuesCommand,
  ReceiveMessageCommand,
  SQSClient,
  SendMessageBatchCommand,
  SendMessageCommand,
  type Message,
} from '@aws-sdk/client-sqs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFaultProxy, startSqs, type RunningFaultProxy, type RunningSqs } from '../../src/index';
import { clientConfig } from './helpers';
import { sqsClient } from './sqs-helpers';

describe('fault proxy in front of the SQS emulator, with the SDK v3 SQS client', () => {
  let sqs: RunningSqs;
  let proxy: RunningFaultProxy;
  let direct: SQSClient;
  let client: SQSClient;
  let queueUrl: string;

  beforeEach(async () => {
    sqs = await startSqs();
    proxy = await startFaultProxy({ service: 'sqs', target: sqs.endpoint, seed: 21 });
    direct = sqsClient(sqs.endpoint);
    client = sqsClient(proxy.endpoint);
    ({ QueueUrl: queueUrl = '' } = await direct.send(new CreateQueueCommand({ QueueName: 'consumer-dlq' })));
  });

  afterEach(async () => {
    client.destroy();
    direct.destroy();
    await proxy.stop();
    await sqs.stop();
  });

  const receiveAll = async (): Promise<Message[]> => {
    const messages: Message[] = [];
    for (;;) {
      const { Messages = [] } = await direct.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 60 }));
      if (Messages.length === 0) return messages;
      messages.push(...Messages);
    }
  };

  it('throttles with RequestThrottled or ThrottlingException named in x-amzn-query-error, which the SDK retries', async () => {
    // Prepare
    proxy.failNext('throttle', 3);
    const once = sqsClient(proxy.endpoint, { maxAttempts: 1 });

    // Act
    const error = await once.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'not retried' })).catch((caught: unknown) => caught);
    const retried = await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'retried' }));
    once.destroy();

    // Assess
    expect((error as Error).name).toMatch(/^(RequestThrottled|ThrottlingException)$/);
    expect(retried.$metadata.attempts).toBe(3);
    expect((await receiveAll()).map((message) => message.Body)).toEqual(['retried']);
  });

  it('fails with InternalError or ServiceUnavailable, which the SDK retries', async () => {
    // Prepare
    proxy.failNext('serverError');

    // Act
    const result = await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'after a 5xx' }));

    // Assess
    expect(result.$metadata.attempts).toBe(2);
    expect((await receiveAll()).map((message) => message.Body)).toEqual(['after a 5xx']);
  });

  it('fails part of a SendMessageBatch: Failed entries with SenderFault false and InternalError, withheld messages really not sent', async () => {
    // Prepare
    const entries = Array.from({ length: 10 }, (_, index) => ({ Id: `m${index}`, MessageBody: `body ${index}` }));
    proxy.failNext('partialBatch');

    // Act
    const result = await client.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));

    // Assess
    const failedIds = (result.Failed ?? []).map((failure) => failure.Id);
    expect(failedIds.length).toBeGreaterThan(0);
    expect(result.Failed?.every((failure) => failure.SenderFault === false && failure.Code === 'InternalError')).toBe(true);
    expect((result.Successful ?? []).map((success) => success.Id).sort()).toEqual(entries.map((entry) => entry.Id).filter((id) => !failedIds.includes(id)).sort());
    expect(proxy.counts()).toMatchObject({ partialBatch: 1, partialEntries: failedIds.length });
    const bodies = (await receiveAll()).map((message) => message.Body).sort();
    expect(bodies).toEqual(entries.filter((entry) => !failedIds.includes(entry.Id)).map((entry) => entry.MessageBody).sort());
  });

  it('fails part of a DeleteMessageBatch: the withheld messages are really still in the queue', async () => {
    // Prepare
    await direct.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: Array.from({ length: 6 }, (_, index) => ({ Id: `m${index}`, MessageBody: `body ${index}` })) }));
    const received = await receiveAll();
    proxy.failNext('partialBatch');

    // Act
    const result = await client.send(
      new DeleteMessageBatchCommand({ QueueUrl: queueUrl, Entries: received.map((message, index) => ({ Id: `d${index}`, ReceiptHandle: message.ReceiptHandle ?? '' })) }),
    );

    // Assess
    const failed = result.Failed ?? [];
    expect(failed.length).toBeGreaterThan(0);
    expect((result.Successful ?? []).length + failed.length).toBe(6);
    expect(sqs.depth('consumer-dlq')).toMatchObject({ inFlight: failed.length });
  });

  it('hands out queue URLs on the proxy, so a client configured through AWS_ENDPOINT_URL_SQS (which follows QueueUrl) stays behind it', async () => {
    // Prepare
    const previous = process.env['AWS_ENDPOINT_URL_SQS'];
    process.env['AWS_ENDPOINT_URL_SQS'] = proxy.endpoint;
    const fromEnv = new SQSClient({ ...clientConfig, maxAttempts: 1 });
    const { QueueUrl: proxiedUrl = '' } = await client.send(new GetQueueUrlCommand({ QueueName: 'consumer-dlq' }));
    const listed = await client.send(new ListQueuesCommand({}));
    proxy.failNext('throttle');

    // Act
    const error = await fromEnv.send(new SendMessageCommand({ QueueUrl: proxiedUrl, MessageBody: 'via env' })).catch((caught: unknown) => caught);
    const sent = await fromEnv.send(new SendMessageCommand({ QueueUrl: proxiedUrl, MessageBody: 'via env, again' }));
    fromEnv.destroy();
    if (previous === undefined) delete process.env['AWS_ENDPOINT_URL_SQS'];
    else process.env['AWS_ENDPOINT_URL_SQS'] = previous;

    // Assess
    expect(proxiedUrl).toBe(`${proxy.endpoint}/000000000000/consumer-dlq`);
    expect(listed.QueueUrls).toEqual([proxiedUrl]);
    expect(proxy.counts().throttle).toBe(1);
    expect((error as Error).name).toMatch(/^(RequestThrottled|ThrottlingException)$/);
    expect(sent.MessageId).toEqual(expect.any(String));
    expect((await receiveAll()).map((message) => message.Body)).toEqual(['via env, again']);
  });
});

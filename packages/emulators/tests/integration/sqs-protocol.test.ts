import { CreateQueueCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidSqsOptionsError, isPortFree, PortInUseError, startSqs, type RunningSqs } from '../../src/index';
import { occupyPort } from './helpers';
import { sqsClient } from './sqs-helpers';

async function post(endpoint: string, body: string, target?: string): Promise<{ status: number; json: unknown; queryError: string | null; contentType: string | null }> {
  const response = await fetch(endpoint, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/x-amz-json-1.0', ...(target === undefined ? {} : { 'X-Amz-Target': target }) },
  });
  return { status: response.status, json: await response.json(), queryError: response.headers.get('x-amzn-query-error'), contentType: response.headers.get('content-type') };
}

describe('SQS emulator: AWS JSON 1.0 protocol ("Interpreting Amazon SQS JSON API responses")', () => {
  let sqs: RunningSqs;

  beforeEach(async () => {
    sqs = await startSqs();
  });

  afterEach(async () => {
    await sqs.stop();
  });

  it('answers an action named in X-Amz-Target: AmazonSQS.<Action> with a JSON 1.0 body and a request id', async () => {
    // Act
    const response = await fetch(sqs.endpoint, {
      method: 'POST',
      body: '{"QueueName":"rides-dlq"}',
      headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'AmazonSQS.CreateQueue' },
    });

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.0');
    expect(response.headers.get('x-amzn-requestid')).toBeTruthy();
    expect(await response.json()).toEqual({ QueueUrl: `${sqs.endpoint}/000000000000/rides-dlq` });
  });

  it('answers errors with the shape in __type, a message, and x-amzn-query-error: <legacy code>;Sender', async () => {
    // Act
    const missing = await post(sqs.endpoint, '{"QueueName":"missing"}', 'AmazonSQS.GetQueueUrl');
    const unknown = await post(sqs.endpoint, '{}', 'AmazonSQS.AddPermission');
    const noTarget = await post(sqs.endpoint, '{}');
    const badJson = await post(sqs.endpoint, '{"QueueName":', 'AmazonSQS.CreateQueue');
    const noQueueName = await post(sqs.endpoint, '{}', 'AmazonSQS.CreateQueue');

    // Assess
    expect(missing).toEqual({
      status: 400,
      contentType: 'application/x-amz-json-1.0',
      queryError: 'AWS.SimpleQueueService.NonExistentQueue;Sender',
      json: { __type: 'com.amazonaws.sqs#QueueDoesNotExist', message: 'The specified queue does not exist.' },
    });
    expect(unknown).toMatchObject({ status: 400, json: { __type: 'com.amazon.coral.service#UnknownOperationException' } });
    expect(noTarget).toMatchObject({ status: 400, json: { __type: 'com.amazon.coral.service#UnknownOperationException' } });
    expect(badJson).toMatchObject({ status: 400, json: { __type: 'com.amazon.coral.service#SerializationException' } });
    expect(noQueueName).toMatchObject({
      status: 400,
      queryError: 'MissingParameter;Sender',
      json: { __type: 'com.amazon.coral.service#MissingRequiredParameterException', message: 'The request must contain the parameter QueueName.' },
    });
  });

  it('stop() frees the port while a long poll is waiting, and the poll ends', { timeout: 10_000 }, async () => {
    // Prepare
    const client = sqsClient(sqs.endpoint, { maxAttempts: 1 });
    const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: 'idle' }));
    const polling = client.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 20 })).then(
      () => 'answered',
      () => 'connection closed',
    );

    // Act
    await sqs.stop();

    // Assess
    expect(['answered', 'connection closed']).toContain(await polling);
    expect(await isPortFree(sqs.port)).toBe(true);
    client.destroy();
  });

  it('reports a taken port with PortInUseError and invalid options with InvalidSqsOptionsError', async () => {
    // Prepare
    const taken = await occupyPort();

    // Act
    const portError = await startSqs({ port: taken.port }).catch((e: unknown) => e);
    const optionsError = await startSqs({ maxMessageBytes: 100 }).catch((e: unknown) => e);
    await taken.release();

    // Assess
    expect(portError).toBeInstanceOf(PortInUseError);
    expect(optionsError).toBeInstanceOf(InvalidSqsOptionsError);
    expect((optionsError as Error).message).toBe('maxMessageBytes must be an integer from 1024 to 1048576 (given 100)');
  });
});

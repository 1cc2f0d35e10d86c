import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { KinesisClient, ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  EmulatorStopError,
  JavaNotFoundError,
  findFreePort,
  isPortFree,
  startEmulators,
} from '../../src/index';

describe('startEmulators', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('starts all three in parallel and exposes env that SDK v3 clients pick up on their own', async () => {
    const emulators = await startEmulators({ kinesis: true, dynamodb: true, s3: true });
    try {
      const { kinesis, dynamodb, s3, env } = emulators;
      expect(env).toMatchObject({
        AWS_ENDPOINT_URL_KINESIS: kinesis!.endpoint,
        AWS_ENDPOINT_URL_DYNAMODB: dynamodb!.endpoint,
        AWS_ENDPOINT_URL_DYNAMODB_STREAMS: dynamodb!.endpoint,
        AWS_ENDPOINT_URL_S3: s3!.endpoint,
      });
      expect(env['AWS_REGION']).toBeTruthy();
      expect(env['AWS_ACCESS_KEY_ID']).toBeTruthy();
      expect(env['AWS_SECRET_ACCESS_KEY']).toBeTruthy();

      for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
      const kinesisClient = new KinesisClient({ requestHandler: new NodeHttpHandler() });
      const dynamoClient = new DynamoDBClient({});
      const s3Client = new S3Client({});
      try {
        await expect(kinesisClient.send(new ListStreamsCommand({}))).resolves.toMatchObject({ StreamNames: [] });
        await expect(dynamoClient.send(new ListTablesCommand({}))).resolves.toMatchObject({ TableNames: [] });
        await expect(s3Client.send(new ListBucketsCommand({}))).resolves.toBeDefined();
      } finally {
        kinesisClient.destroy();
        dynamoClient.destroy();
        s3Client.destroy();
      }
    } finally {
      await emulators.stop();
    }
    for (const emulator of [emulators.kinesis!, emulators.dynamodb!, emulators.s3!]) {
      expect(await isPortFree(emulator.port)).toBe(true);
    }
  });

  it('stops the others and rethrows when one fails to start', async () => {
    const kinesisPort = await findFreePort();
    const error = await startEmulators({
      kinesis: { port: kinesisPort },
      dynamodb: { javaBinary: 'definitely-not-java' },
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(JavaNotFoundError);
    expect(await isPortFree(kinesisPort)).toBe(true);
  });

  it('stops every emulator even if one stop fails, then reports the failure', async () => {
    const emulators = await startEmulators({ kinesis: true, s3: true });
    const kinesis = emulators.kinesis!;
    const realStop = kinesis.stop.bind(kinesis);
    (kinesis as { stop: () => Promise<void> }).stop = () => Promise.reject(new Error('boom'));

    const error = await emulators.stop().catch((e: unknown) => e);
    await realStop();

    expect(error).toBeInstanceOf(EmulatorStopError);
    expect((error as EmulatorStopError).emulators).toEqual(['kinesalite']);
    expect(((error as Error).cause as AggregateError).errors[0]).toHaveProperty('message', 'boom');
    expect(await isPortFree(emulators.s3!.port)).toBe(true);
  });

  it('starts nothing when nothing is selected', async () => {
    const emulators = await startEmulators({});
    expect(emulators.kinesis).toBeUndefined();
    expect(emulators.env['AWS_ENDPOINT_URL_KINESIS']).toBeUndefined();
    await emulators.stop();
  });

  it('starts the SQS emulator with { sqs: true } and points AWS_ENDPOINT_URL_SQS at it, which an SQS client picks up on its own', async () => {
    // Prepare
    const emulators = await startEmulators({ sqs: true });
    for (const [name, value] of Object.entries(emulators.env)) vi.stubEnv(name, value);
    const client = new SQSClient({});

    // Act
    try {
      const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: 'rides-dlq' }));

      // Assess
      expect(emulators.env['AWS_ENDPOINT_URL_SQS']).toBe(emulators.sqs!.endpoint);
      expect(QueueUrl).toBe(`${emulators.sqs!.endpoint}/000000000000/rides-dlq`);
      expect(emulators.sqs!.queueNames()).toEqual(['rides-dlq']);
    } finally {
      client.destroy();
      await emulators.stop();
    }
    expect(await isPortFree(emulators.sqs!.port)).toBe(true);
  });
});

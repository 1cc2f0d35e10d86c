import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KinesisClient, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { DeleteItemCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { DynamoDBStreamEvent, KinesisStreamEvent } from 'aws-lambda';
import { createKinesisStream, createTable, startEmulators } from '@wildrydes/emulators';
import { KinesisOnFailureRecordSchema } from '@wildrydes/schemas';
import { StreamMapping, type MappingSettings, type OnFailureDelivery } from '../../src/event-source-mapping/stream-mapping.js';

let emulators: Awaited<ReturnType<typeof startEmulators>>;
let kinesis: KinesisClient;
let dynamodb: DynamoDBClient;
let streams: DynamoDBStreamsClient;

const settings: MappingSettings = {
  batchSize: 10,
  maxBatchingWindowSeconds: 0,
  startingPosition: 'TRIM_HORIZON',
  retryAttempts: 2,
  maxRecordAgeSeconds: -1,
  bisectBatchOnError: true,
  reportBatchItemFailures: true,
};

async function until(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  emulators = await startEmulators({ kinesis: true, dynamodb: true });
  Object.assign(process.env, emulators.env);
  kinesis = new KinesisClient({ requestHandler: new NodeHttpHandler() });
  dynamodb = new DynamoDBClient({});
  streams = new DynamoDBStreamsClient({});
  // Starting DynamoDB Local's JVM takes 10 s or more on a busy 2-core machine (the apps' suites allow 60 s too).
}, 60_000);
afterAll(async () => {
  await emulators?.stop();
});

describe('StreamMapping on real emulators', () => {
  it('delivers a Kinesis shard in order, drops filtered records, and isolates a poison record by bisect', async () => {
    // Prepare: 25 readings; number 13 makes the function throw; "skip" records are filtered out.
    const { streamArn } = await createKinesisStream(kinesis, 'mapping-kinesis');
    const payloads = Array.from({ length: 25 }, (_, i) => ({ n: i, kind: i % 5 === 4 ? 'skip' : 'keep' }));
    await kinesis.send(
      new PutRecordsCommand({
        StreamName: 'mapping-kinesis',
        Records: payloads.map((p) => ({ Data: Buffer.from(JSON.stringify(p)), PartitionKey: 'one-key' })),
      }),
    );
    const handled: number[] = [];
    const failures: OnFailureDelivery[] = [];
    const mapping = new StreamMapping({
      functionName: 'fn',
      functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:fn',
      source: { kind: 'kinesis', client: kinesis, streamName: 'mapping-kinesis', streamArn },
      settings: { ...settings, filterPatterns: [{ data: { kind: ['keep'] } }] },
      retryDelayMs: 5,
      invoke: async (event) => {
        const values = (event as KinesisStreamEvent).Records.map((r) => JSON.parse(Buffer.from(r.kinesis.data, 'base64').toString()).n as number);
        if (values.includes(13)) return { kind: 'error', message: 'poison 13' };
        handled.push(...values);
        return { kind: 'returned', response: { batchItemFailures: [] } };
      },
      onFailure: (delivery) => {
        failures.push(delivery);
      },
    });

    // Act
    await mapping.start();
    await until(() => mapping.stats().succeeded + mapping.stats().discarded === 20);
    await mapping.stop();

    // Assess
    const expected = payloads.filter((p) => p.kind === 'keep' && p.n !== 13).map((p) => p.n);
    expect(handled).toEqual(expected);
    expect(mapping.stats()).toMatchObject({ recordsIn: 25, filtered: 5, succeeded: 19, discarded: 1 });
    // The invocation record of an S3 on-failure destination ("Retain discarded batch records for a
    // Kinesis Data Streams event source in Lambda"), with the given-up record whole in `payload`.
    expect(failures).toHaveLength(1);
    const [failure] = failures as [OnFailureDelivery];
    expect(failure).toMatchObject({ mappingUuid: mapping.uuid, recordCount: 1 });
    const record = KinesisOnFailureRecordSchema.parse(failure.record);
    expect(record.requestContext).toMatchObject({ functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:fn', condition: 'RetryAttemptsExhausted' });
    // Every invocation that included record 13: those that bisected it out, then the first try alone and 2 retries.
    expect(record.requestContext.approximateInvokeCount).toBeGreaterThan(settings.retryAttempts + 1);
    expect(record.responseContext).toEqual({ statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' });
    expect(record.KinesisBatchInfo).toMatchObject({ shardId: failure.shardId, streamArn, batchSize: 1 });
    expect(record.KinesisBatchInfo.startSequenceNumber).toBe(record.KinesisBatchInfo.endSequenceNumber);
    const payload = JSON.parse(record.payload ?? '') as KinesisStreamEvent;
    expect(payload.Records.map((r) => JSON.parse(Buffer.from(r.kinesis.data, 'base64').toString()))).toEqual([{ n: 13, kind: 'keep' }]);
    expect(payload.Records[0]?.kinesis.sequenceNumber).toBe(record.KinesisBatchInfo.startSequenceNumber);
  });

  it('delivers DynamoDB stream changes with images and resumes a partial failure at the reported record', async () => {
    const { streamArn } = await createTable(dynamodb, { tableName: 'mapping-table', partitionKey: 'id', stream: 'NEW_AND_OLD_IMAGES' });
    for (const id of ['a', 'b', 'c']) await dynamodb.send(new PutItemCommand({ TableName: 'mapping-table', Item: { id: { S: id }, v: { N: '1' } } }));
    await dynamodb.send(new DeleteItemCommand({ TableName: 'mapping-table', Key: { id: { S: 'b' } } }));
    const seen: string[] = [];
    let failedOnce = false;
    const mapping = new StreamMapping({
      functionName: 'reactor',
      functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:reactor',
      source: { kind: 'dynamodb-stream', client: streams, streamArn },
      // Lambda's filters see every top-level field of the delivered record, not only eventName and dynamodb.
      settings: {
        ...settings,
        filterPatterns: [{ eventName: ['INSERT', 'REMOVE'], eventSourceARN: [streamArn], dynamodb: { ApproximateCreationDateTime: [{ numeric: ['>', 0] }] } }],
      },
      retryDelayMs: 5,
      invoke: async (event) => {
        const records = (event as DynamoDBStreamEvent).Records;
        seen.push(...records.map((r) => `${r.eventName}:${r.dynamodb?.Keys?.['id']?.S}`));
        const second = records[1];
        if (!failedOnce && second) {
          failedOnce = true;
          return { kind: 'returned', response: { batchItemFailures: [{ itemIdentifier: second.dynamodb?.SequenceNumber }] } };
        }
        return { kind: 'returned', response: {} };
      },
      onFailure: () => undefined,
    });

    await mapping.start();
    await until(() => mapping.stats().succeeded === 4);
    await mapping.stop();

    // The first invocation sees all four; the retry starts at the second record.
    expect(seen).toEqual(['INSERT:a', 'INSERT:b', 'INSERT:c', 'REMOVE:b', 'INSERT:b', 'INSERT:c', 'REMOVE:b']);
    expect(mapping.stats()).toMatchObject({ succeeded: 4, retries: 1, failedInvocations: 1 });
  });
});

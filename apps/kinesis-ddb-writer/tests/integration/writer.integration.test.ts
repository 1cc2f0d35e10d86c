import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context, KinesisStreamBatchResponse, KinesisStreamEvent } from 'aws-lambda';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { KinesisClient, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { batchWriteItems, deadlineAt, listQuarantined, readQuarantined } from '@wildrydes/aws-clients';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { SENSOR_TABLE_KEY, type QuarantineRecord } from '@wildrydes/schemas';
import { createKinesisStream, createTable, followShard, startEmulators, type ShardFollower } from '@wildrydes/emulators';

type Handler = (event: KinesisStreamEvent, context: Context) => Promise<KinesisStreamBatchResponse>;

const BUNDLE = fileURLToPath(new URL('../../../../dist/apps/kinesis-ddb-writer/index.mjs', import.meta.url));
const TABLE = 'UnicornSensorData';
const STREAM = 'unicorn-telemetry-clean';
const BUCKET = 'wildrydes-quarantine';

let emulators: Awaited<ReturnType<typeof startEmulators>>;
let kinesis: KinesisClient;
let dynamodb: DynamoDBClient;
let s3: S3Client;
let streamArn: string;
let shard: ShardFollower;

const context = (remainingMs = 30_000) => ({ getRemainingTimeInMillis: () => remainingMs }) as Context;

const reading = (name: string, second: number, overrides: Record<string, unknown> = {}) => ({
  Name: name,
  StatusTime: new Date(Date.UTC(2026, 10, 21, 10, 0, second)).toISOString(),
  Latitude: 47.6,
  Longitude: -122.3,
  Distance: second,
  HealthPoints: 100 + second,
  MagicPoints: 50,
  ...overrides,
});

/** Loads the deployable bundle as a fresh module instance, so it reads the env it is given now. */
async function loadHandler(env: Record<string, string>, instance: string): Promise<Handler> {
  Object.assign(process.env, env);
  const module = (await import(`${pathToFileURL(BUNDLE).href}?instance=${instance}`)) as { handler: Handler };
  return module.handler;
}

/** Puts payloads on the stream and returns the event Lambda would deliver for them. */
async function putAndBuildEvent(payloads: Array<string | Buffer>): Promise<KinesisStreamEvent> {
  await kinesis.send(
    new PutRecordsCommand({
      StreamName: STREAM,
      Records: payloads.map((data, i) => ({ Data: Buffer.from(data), PartitionKey: `key-${i}` })),
    }),
  );
  return shard.nextEvent();
}

async function tableItems() {
  const { Items = [] } = await dynamodb.send(new ScanCommand({ TableName: TABLE, ConsistentRead: true }));
  return Items.map((item) => unmarshall(item));
}

/** Every quarantined object in the bucket, read back and validated as a quarantine record. */
async function quarantined() {
  const stored: Array<{ key: string; record: QuarantineRecord }> = [];
  for await (const key of listQuarantined(s3, { bucketName: BUCKET })) {
    stored.push({ key, record: await readQuarantined(s3, { bucketName: BUCKET, key }) });
  }
  return stored;
}

beforeAll(async () => {
  if (!existsSync(BUNDLE)) {
    throw new Error('dist/apps/kinesis-ddb-writer/index.mjs is missing: run `npx nx run kinesis-ddb-writer:build` (nx test does it for you)');
  }
  emulators = await startEmulators({ kinesis: true, dynamodb: true, s3: true });
  Object.assign(process.env, emulators.env);
  kinesis = new KinesisClient({ requestHandler: new NodeHttpHandler() });
  dynamodb = new DynamoDBClient({});
  s3 = new S3Client({ forcePathStyle: true });

  await createTable(dynamodb, { tableName: TABLE, ...SENSOR_TABLE_KEY, stream: 'NEW_AND_OLD_IMAGES' });
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  const stream = await createKinesisStream(kinesis, STREAM);
  streamArn = stream.streamArn;
  shard = followShard(kinesis, { streamName: STREAM, streamArn, shardId: stream.shardIds[0]! });
});

afterAll(async () => {
  await emulators?.stop();
});

describe('kinesis-ddb-writer against kinesalite, DynamoDB Local and s3rver', () => {
  it('stores every valid reading, quarantines poison records with their bytes, and retries nothing', async () => {
    // Prepare
    const handler = await loadHandler({ TABLE_NAME: TABLE, QUARANTINE_BUCKET_NAME: BUCKET }, 'main');
    const valid = Array.from({ length: 60 }, (_, i) => reading(`unicorn-${i % 7}`, i));
    const poison = ['{"Name": "Shadowfax",', JSON.stringify(reading('Bad', 1, { Latitude: 500 })), Buffer.from([0xc3, 0x28])];
    const event = await putAndBuildEvent([...valid.map((r) => JSON.stringify(r)), ...poison]);

    // Act
    const response = await handler(event, context());

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    const items = await tableItems();
    expect(items).toHaveLength(valid.length);
    for (const expected of valid) {
      expect(items).toContainEqual(expected);
    }
    const stored = await quarantined();
    expect(stored.map(({ record }) => record.reason).sort()).toEqual(['INVALID_JSON', 'INVALID_JSON', 'SCHEMA_VIOLATION']);
    const poisonRecords = event.Records.slice(valid.length);
    for (const [i, original] of poison.entries()) {
      const match = stored.find(({ record }) => record.origin.sequenceNumber === poisonRecords[i]!.kinesis.sequenceNumber);
      expect(match, `poison record ${i} is in the quarantine`).toBeDefined();
      expect(Buffer.from(match!.record.data, 'base64')).toEqual(Buffer.from(original));
      expect(match!.record.origin.eventSourceArn).toBe(streamArn);
      expect(match!.key).toContain(`kinesis-ddb-writer/${STREAM}/`);
    }
    expect(stored.find(({ record }) => record.reason === 'SCHEMA_VIOLATION')!.record.detail).toBe('Latitude: Too big: expected number to be <=90');
  });

  it('changes nothing when the same batch is delivered again', async () => {
    const handler = await loadHandler({ TABLE_NAME: TABLE, QUARANTINE_BUCKET_NAME: BUCKET }, 'main');
    const event = await putAndBuildEvent([JSON.stringify(reading('Replayed', 1)), 'garbage']);
    await handler(event, context());
    const itemsBefore = await tableItems();
    const quarantineBefore = (await quarantined()).map(({ key }) => key).sort();

    const response = await handler(event, context());

    expect(response).toEqual({ batchItemFailures: [] });
    expect(await tableItems()).toEqual(itemsBefore);
    expect((await quarantined()).map(({ key }) => key).sort()).toEqual(quarantineBefore);
  });

  it('lets the later record of the same key win within a batch', async () => {
    const handler = await loadHandler({ TABLE_NAME: TABLE, QUARANTINE_BUCKET_NAME: BUCKET }, 'main');
    const first = reading('Twice', 5, { HealthPoints: 10 });
    const correction = reading('Twice', 5, { HealthPoints: 99 });
    const event = await putAndBuildEvent([JSON.stringify(first), JSON.stringify(correction)]);

    expect(await handler(event, context())).toEqual({ batchItemFailures: [] });

    const twice = (await tableItems()).filter((item) => item['Name'] === 'Twice');
    expect(twice).toEqual([correction]);
  });

  // DynamoDB's positive numbers range from 1E-130 ("Supported data types and naming rules in Amazon
  // DynamoDB", Number). The schema now refuses such numbers before the write, so the writer's part
  // is driven through the aws-clients batch writer directly, against DynamoDB Local's verdict.
  it('writes the earlier reading of a key and fails only the later one that DynamoDB Local rejects for good (Number underflow)', async () => {
    // Prepare
    const earlier = reading('Underflow', 7, { Distance: 12.5 });
    const later = { ...earlier, Distance: 1e-200 };

    // Act
    const result = await batchWriteItems(dynamodb, {
      tableName: TABLE,
      keyAttributes: [SENSOR_TABLE_KEY.partitionKey, SENSOR_TABLE_KEY.sortKey],
      puts: [
        { ref: 'earlier', item: earlier },
        { ref: 'later', item: later },
      ],
      deadline: deadlineAt(Date.now() + 20_000),
    });

    // Assess
    expect(result.written).toEqual(['earlier']);
    expect(result.failed.map(({ ref, retryable, code, reason }) => ({ ref, retryable, code, reason }))).toEqual([
      { ref: 'later', retryable: false, code: 'Invalid', reason: expect.stringMatching(/^ValidationException: Number underflow/) },
    ]);
    expect((await tableItems()).filter((item) => item['Name'] === 'Underflow')).toEqual([earlier]);
  });

  it('end to end through the bundle: stores reading A and quarantines only the later record B of its key (Distance 1e-200)', async () => {
    // Prepare: B is stopped by the schema's storable-number bounds now (item 2); the writer's own
    // path for a record DynamoDB rejects for good is the batch-writer test above
    const handler = await loadHandler({ TABLE_NAME: TABLE, QUARANTINE_BUCKET_NAME: BUCKET }, 'main');
    const a = reading('Shadowfax-A', 3);
    const b = { ...a, Distance: 1e-200 };
    const event = await putAndBuildEvent([JSON.stringify(a), JSON.stringify(b)]);

    // Act
    const response = await handler(event, context());

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect((await tableItems()).filter((item) => item['Name'] === 'Shadowfax-A')).toEqual([a]);
    const sequences = event.Records.map((record) => record.kinesis.sequenceNumber);
    const ofThisBatch = (await quarantined()).filter(({ record }) => sequences.includes(record.origin.sequenceNumber));
    expect(ofThisBatch.map(({ record }) => record.origin.sequenceNumber)).toEqual([sequences[1]]);
  });

  it('hands every valid record back for retry when DynamoDB is unreachable, and still quarantines poison', async () => {
    // Prepare: a writer instance whose DynamoDB endpoint refuses connections.
    const closedPort = `http://127.0.0.1:${emulators.kinesis!.port + 1}`;
    const saved = process.env['AWS_ENDPOINT_URL_DYNAMODB'];
    const handler = await loadHandler(
      { TABLE_NAME: TABLE, QUARANTINE_BUCKET_NAME: BUCKET, AWS_ENDPOINT_URL_DYNAMODB: closedPort },
      'no-dynamodb',
    );
    const event = await putAndBuildEvent([JSON.stringify(reading('Lost?', 1)), JSON.stringify(reading('Lost?', 2)), 'poison']);

    // Act: 3 s left, 1.5 s margin: the writer retries for about 1.5 s and then gives up.
    // (The SDK reads the endpoint variable at its first request, so restore it only afterwards.)
    const response = await handler(event, context(3_000)).finally(() => {
      process.env['AWS_ENDPOINT_URL_DYNAMODB'] = saved;
    });

    // Assess
    expect(response.batchItemFailures).toEqual(
      event.Records.slice(0, 2).map((record) => ({ itemIdentifier: record.kinesis.sequenceNumber })),
    );
    expect((await tableItems()).filter((item) => item['Name'] === 'Lost?')).toEqual([]);
    const poisonSequence = event.Records[2]!.kinesis.sequenceNumber;
    expect((await quarantined()).some(({ record }) => record.origin.sequenceNumber === poisonSequence)).toBe(true);
  });
});

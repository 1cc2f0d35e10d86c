import { existsSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context, KinesisStreamBatchResponse, KinesisStreamEvent } from 'aws-lambda';
import { KinesisClient, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { listQuarantined, readQuarantined } from '@wildrydes/aws-clients';
import { CleanTelemetryReadingSchema, type CleanTelemetryReading, type QuarantineRecord } from '@wildrydes/schemas';
import { createKinesisStream, followShard, readShard, startEmulators, type ShardFollower } from '@wildrydes/emulators';

type Handler = (event: KinesisStreamEvent, context: Context) => Promise<KinesisStreamBatchResponse>;

const BUNDLE = fileURLToPath(new URL('../../../../dist/apps/kinesis-republisher/index.mjs', import.meta.url));
const RAW = 'unicorn-telemetry';
const CLEAN = 'unicorn-telemetry-clean';
const BUCKET = 'wildrydes-quarantine';
const CONFIG = { TARGET_STREAM_NAME: CLEAN, QUARANTINE_BUCKET_NAME: BUCKET };

let emulators: Awaited<ReturnType<typeof startEmulators>>;
let kinesis: KinesisClient;
let s3: S3Client;
let rawStreamArn: string;
let rawShardId: string;
let rawShard: ShardFollower;
let cleanShardIds: readonly string[];

/** A Lambda context whose remaining time runs down like a real invocation's. */
const context = (timeoutMs = 30_000) => {
  const end = Date.now() + timeoutMs;
  return { getRemainingTimeInMillis: () => Math.max(0, end - Date.now()) } as Context;
};

/** The three StatusTime formats the sensors send, for one instant. */
const FORMATS = {
  isoWithOffset: (ms: number) => {
    // The same instant as local time at +02:00, with the offset written out.
    const local = new Date(ms + 2 * 3_600_000).toISOString().slice(0, -1);
    return `${local}+02:00`;
  },
  workshop: (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, -1),
  epochMs: (ms: number) => ms,
} as const;
const FORMAT_NAMES = Object.keys(FORMATS) as Array<keyof typeof FORMATS>;

/** A raw reading of `name`, its StatusTime `ms` written in `format`, and the clean reading it must become. */
function reading(name: string, ms: number, format: keyof typeof FORMATS, sequence: number) {
  const values = { Latitude: 47.6, Longitude: -122.3, Distance: sequence, HealthPoints: 100 + (sequence % 50), MagicPoints: 50 };
  return {
    raw: { Name: name, StatusTime: FORMATS[format](ms), ...values },
    clean: { Name: name, StatusTime: new Date(ms).toISOString(), ...values } satisfies CleanTelemetryReading,
  };
}

/** Loads the deployable bundle as a fresh module instance, so it reads the env it is given now. */
async function loadHandler(env: Record<string, string>, instance: string): Promise<Handler> {
  Object.assign(process.env, env);
  const module = (await import(`${pathToFileURL(BUNDLE).href}?instance=${instance}`)) as { handler: Handler };
  return module.handler;
}

/** Puts payloads on the raw stream (partition keys unlike the Names) and returns the event Lambda would deliver. */
async function putAndBuildEvent(payloads: Array<string | Buffer>): Promise<KinesisStreamEvent> {
  await kinesis.send(
    new PutRecordsCommand({
      StreamName: RAW,
      Records: payloads.map((data, i) => ({ Data: Buffer.from(data), PartitionKey: `sensor-gateway-${i % 3}` })),
    }),
  );
  return rawShard.nextEvent();
}

/** Every record on the clean stream whose partition key starts with `prefix`, shard by shard, in shard order. */
async function cleanRecords(prefix: string) {
  const shards = await Promise.all(
    cleanShardIds.map(async (shardId) =>
      (await readShard(kinesis, CLEAN, shardId)).flatMap((record) =>
        record.PartitionKey?.startsWith(prefix)
          ? [{ shardId, partitionKey: record.PartitionKey, reading: JSON.parse(Buffer.from(record.Data!).toString('utf8')) as unknown }]
          : [],
      ),
    ),
  );
  return shards.flat();
}

/** Every object the republisher quarantined, read back and validated as a quarantine record. */
async function quarantined() {
  const stored: Array<{ key: string; record: QuarantineRecord }> = [];
  for await (const key of listQuarantined(s3, { bucketName: BUCKET, prefix: 'kinesis-republisher/' })) {
    stored.push({ key, record: await readQuarantined(s3, { bucketName: BUCKET, key }) });
  }
  return stored;
}

beforeAll(async () => {
  if (!existsSync(BUNDLE)) {
    throw new Error('dist/apps/kinesis-republisher/index.mjs is missing: run `npx nx run kinesis-republisher:build` (nx test does it for you)');
  }
  emulators = await startEmulators({ kinesis: true, s3: true });
  Object.assign(process.env, emulators.env);
  kinesis = new KinesisClient({ requestHandler: new NodeHttpHandler() });
  s3 = new S3Client({ forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  const [raw, clean] = await Promise.all([createKinesisStream(kinesis, RAW), createKinesisStream(kinesis, CLEAN, { shardCount: 2 })]);
  rawStreamArn = raw.streamArn;
  rawShardId = raw.shardIds[0]!;
  rawShard = followShard(kinesis, { streamName: RAW, streamArn: rawStreamArn, shardId: rawShardId });
  cleanShardIds = clean.shardIds;
});

afterAll(async () => {
  await emulators?.stop();
});

describe('kinesis-republisher against kinesalite and s3rver', () => {
  it('publishes every valid reading once, normalised, keyed by Name in order, and quarantines poison', async () => {
    // Prepare: 8 unicorns x 6 readings, each in one of the three formats, interleaved; then poison.
    const handler = await loadHandler(CONFIG, 'main');
    const start = Date.now() - 60_000;
    const valid = Array.from({ length: 48 }, (_, i) => reading(`main-unicorn-${i % 8}`, start + i * 1_000 + (i % 7) * 111, FORMAT_NAMES[i % 3]!, i));
    const poison = [
      { bytes: '{"Name": "Shadowfax",', reason: 'INVALID_JSON', detail: /^record data is not JSON/ },
      { bytes: Buffer.from([0xc3, 0x28]), reason: 'INVALID_JSON', detail: /^record data is not valid UTF-8$/ },
      { bytes: JSON.stringify({ ...valid[0]!.raw, Latitude: 500 }), reason: 'SCHEMA_VIOLATION', detail: /^Latitude: Too big/ },
      { bytes: JSON.stringify({ ...valid[0]!.raw, StatusTime: '2026-02-30 10:00:00.000' }), reason: 'SCHEMA_VIOLATION', detail: /2026-02-30 is not a date/ },
      { bytes: JSON.stringify({ ...valid[0]!.raw, StatusTime: Date.now() + 3_600_000 }), reason: 'SCHEMA_VIOLATION', detail: /is in the future/ },
      { bytes: JSON.stringify({ ...valid[0]!.raw, StatusTime: Math.trunc(Date.now() / 1000) }), reason: 'SCHEMA_VIOLATION', detail: /epoch seconds\?/ },
      { bytes: JSON.stringify({ ...valid[0]!.raw, HealthPoints: 99.5 }), reason: 'SCHEMA_VIOLATION', detail: /^HealthPoints: / },
    ];
    const event = await putAndBuildEvent([...valid.map(({ raw }) => JSON.stringify(raw)), ...poison.map(({ bytes }) => bytes)]);

    // Act
    const response = await handler(event, context());

    // Assess: the clean stream holds each valid reading exactly once, normalised.
    expect(response).toEqual({ batchItemFailures: [] });
    const published = await cleanRecords('main-');
    expect(published).toHaveLength(valid.length);
    for (const { partitionKey, reading: clean } of published) {
      expect(CleanTelemetryReadingSchema.parse(clean)).toEqual(clean);
      expect(partitionKey).toBe((clean as CleanTelemetryReading).Name);
    }
    expect(published.map(({ reading: clean }) => clean)).toEqual(expect.arrayContaining(valid.map(({ clean }) => clean)));
    // Per unicorn: one shard, and the delivery order.
    for (const name of new Set(valid.map(({ clean }) => clean.Name))) {
      const ofName = published.filter(({ partitionKey }) => partitionKey === name);
      expect(new Set(ofName.map(({ shardId }) => shardId)).size).toBe(1);
      expect(ofName.map(({ reading: clean }) => clean)).toEqual(valid.filter(({ clean }) => clean.Name === name).map(({ clean }) => clean));
    }
    expect(new Set(published.map(({ shardId }) => shardId)).size).toBe(2);

    // The poison is in the quarantine with its original bytes and the reason.
    const stored = await quarantined();
    const poisonRecords = event.Records.slice(valid.length);
    for (const [i, expected] of poison.entries()) {
      const match = stored.find(({ record }) => record.origin.sequenceNumber === poisonRecords[i]!.kinesis.sequenceNumber);
      expect(match, `poison record ${i} is in the quarantine`).toBeDefined();
      expect(Buffer.from(match!.record.data, 'base64')).toEqual(Buffer.from(expected.bytes));
      expect(match!.record).toMatchObject({ reason: expected.reason, quarantinedBy: 'kinesis-republisher' });
      expect(match!.record.detail).toMatch(expected.detail);
      expect(match!.record.origin.eventSourceArn).toBe(rawStreamArn);
      expect(match!.key).toMatch(new RegExp(`^kinesis-republisher/${RAW}/\\d{4}/\\d{2}/\\d{2}/${rawShardId}/\\d+\\.json$`));
    }
  });

  it('is safe to replay: the same batch again only duplicates the clean records and rewrites the same quarantine objects', async () => {
    // Prepare
    const handler = await loadHandler(CONFIG, 'main');
    const now = Date.now();
    const valid = [0, 1, 2].map((i) => reading(`replay-unicorn-${i % 2}`, now - 10_000 + i, FORMAT_NAMES[i]!, i));
    const event = await putAndBuildEvent([...valid.map(({ raw }) => JSON.stringify(raw)), 'garbage']);
    await handler(event, context());
    const quarantineBefore = (await quarantined()).map(({ key }) => key).sort();

    // Act
    const response = await handler(event, context());

    // Assess: at-least-once; the writer's idempotent writes make the duplicates harmless.
    expect(response).toEqual({ batchItemFailures: [] });
    const published = (await cleanRecords('replay-')).map(({ reading: clean }) => clean);
    expect(published).toHaveLength(2 * valid.length);
    for (const { clean } of valid) expect(published.filter((p) => JSON.stringify(p) === JSON.stringify(clean))).toHaveLength(2);
    expect((await quarantined()).map(({ key }) => key).sort()).toEqual(quarantineBefore);
  });

  it('hands every valid record back when the target stream does not exist, and still quarantines poison', async () => {
    // Prepare
    const handler = await loadHandler({ ...CONFIG, TARGET_STREAM_NAME: 'no-such-stream' }, 'missing-stream');
    const now = Date.now();
    const event = await putAndBuildEvent([
      JSON.stringify(reading('missing-unicorn', now - 2_000, 'workshop', 1).raw),
      'poison',
      JSON.stringify(reading('missing-unicorn', now - 1_000, 'epochMs', 2).raw),
    ]);

    // Act
    const response = await handler(event, context());

    // Assess
    expect(response.batchItemFailures).toEqual([event.Records[0]!, event.Records[2]!].map((record) => ({ itemIdentifier: record.kinesis.sequenceNumber })));
    const poisonSequence = event.Records[1]!.kinesis.sequenceNumber;
    expect((await quarantined()).some(({ record }) => record.origin.sequenceNumber === poisonSequence)).toBe(true);
  });

  it('hands every valid record back when Kinesis drops every connection, and calls it no more once the deadline has come', async () => {
    // Prepare: a Kinesis endpoint that resets every connection and counts them; the invocation has
    // time until the first connection and none after it (time follows what happened, not the
    // clock, so a busy machine changes nothing).
    const connections: Socket[] = [];
    const dropping = createServer((socket) => {
      connections.push(socket);
      socket.resetAndDestroy();
    });
    await new Promise<void>((resolve) => dropping.listen(0, '127.0.0.1', resolve));
    const saved = process.env['AWS_ENDPOINT_URL_KINESIS'];
    const now = Date.now();
    const event = await putAndBuildEvent([
      JSON.stringify(reading('refused-unicorn', now - 2_000, 'isoWithOffset', 1).raw),
      JSON.stringify({ ...reading('refused-unicorn', now, 'workshop', 0).raw, StatusTime: 'yesterday' }),
      JSON.stringify(reading('refused-unicorn', now - 1_000, 'workshop', 2).raw),
    ]);
    const endpoint = `http://127.0.0.1:${(dropping.address() as AddressInfo).port}`;
    const handler = await loadHandler({ ...CONFIG, AWS_ENDPOINT_URL_KINESIS: endpoint }, 'dropping');
    const timeUntilKinesisIsTried = { getRemainingTimeInMillis: () => (connections.length === 0 ? 60_000 : 0) } as Context;

    // Act (the SDK reads the endpoint variable at its first request, so restore it only afterwards)
    const response = await handler(event, timeUntilKinesisIsTried).finally(() => {
      process.env['AWS_ENDPOINT_URL_KINESIS'] = saved;
      dropping.close();
    });

    // Assess: one PutRecords call (the SDK's own retries inside it make at most 3 connections by
    // default), and no further call once the deadline had come
    expect(connections.length).toBeGreaterThanOrEqual(1);
    expect(connections.length).toBeLessThanOrEqual(3);
    expect(response.batchItemFailures).toEqual([event.Records[0]!, event.Records[2]!].map((record) => ({ itemIdentifier: record.kinesis.sequenceNumber })));
    const poison = (await quarantined()).find(({ record }) => record.origin.sequenceNumber === event.Records[1]!.kinesis.sequenceNumber);
    expect(poison?.record.detail).toMatch(/^StatusTime: "yesterday" is neither ISO-8601/);
    expect(await cleanRecords('refused-')).toEqual([]);
  });
});

import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { DeleteItemCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient, type _Record } from '@aws-sdk/client-dynamodb-streams';
import { marshall } from '@aws-sdk/util-dynamodb';
import { createS3Client, listQuarantined, readQuarantined } from '@wildrydes/aws-clients';
import { EVENT_CATALOG, SENSOR_TABLE_KEY, quarantineObjectKey, type CatalogKey, type QuarantineRecord } from '@wildrydes/schemas';
import { parsePattern } from '@wildrydes/event-patterns';
import {
  createTable,
  dynamoDbStreamEventFromRecords,
  formatEventTime,
  readDynamoDbStream,
  startEmulators,
  type BusEvent,
  type PutEventsEntryInput,
  type RunningEmulators,
  type RunningEventBridge,
} from '@wildrydes/emulators';
import { ddbStreamReactor } from '../../infra/declaration.js';

type Handler = (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse>;

const BUNDLE = fileURLToPath(new URL('../../../../dist/apps/ddb-stream-reactor/index.mjs', import.meta.url));
const BUS = 'wildrydes-bus';
const QUARANTINE_BUCKET = 'wildrydes-quarantine';
const THRESHOLD = Number(ddbStreamReactor.environment.HEALTH_LOW_THRESHOLD);
/** A fault count no test exhausts: the fault holds for the whole test (afterEach clears it). */
const EVERY_TIME = Number.MAX_SAFE_INTEGER;

let emulators: RunningEmulators;
let eventbridge: RunningEventBridge;
let dynamodb: DynamoDBClient;
let streams: DynamoDBStreamsClient;
let tableCount = 0;

/** A Lambda context whose remaining time runs down like a real invocation's. */
function context(remainingMs = 30_000): Context {
  const timeoutAt = Date.now() + remainingMs;
  return { getRemainingTimeInMillis: () => timeoutAt - Date.now() } as Context;
}

const reading = (name: string, healthPoints: number, overrides: Record<string, unknown> = {}) => ({
  Name: name,
  StatusTime: '2026-11-21T10:00:00.000Z',
  Latitude: 47.6,
  Longitude: -122.3,
  Distance: 12,
  HealthPoints: healthPoints,
  MagicPoints: 50,
  ...overrides,
});

/**
 * Loads the deployable bundle as a fresh module instance reading `table` (the instance's name),
 * so it reads the env it is given now.
 */
async function loadHandler(instance: string, env: Record<string, string> = {}): Promise<Handler> {
  Object.assign(process.env, {
    EVENT_BUS_NAME: BUS,
    TABLE_NAME: instance.replace(/-small-entries$/, ''),
    QUARANTINE_BUCKET_NAME: QUARANTINE_BUCKET,
    HEALTH_LOW_THRESHOLD: ddbStreamReactor.environment.HEALTH_LOW_THRESHOLD,
    MAX_EVENT_ENTRY_BYTES: ddbStreamReactor.environment.MAX_EVENT_ENTRY_BYTES,
    DEADLINE_SAFETY_MARGIN_MS: ddbStreamReactor.environment.DEADLINE_SAFETY_MARGIN_MS,
    ...env,
  });
  const module = (await import(`${pathToFileURL(BUNDLE).href}?instance=${instance}`)) as { handler: Handler };
  return module.handler;
}

/** A fresh UnicornSensorData-shaped table with a NEW_AND_OLD_IMAGES stream; returns its name and stream ARN. */
async function freshTable(): Promise<{ table: string; streamArn: string }> {
  const table = `UnicornSensorData-${++tableCount}`;
  const { streamArn } = await createTable(dynamodb, { tableName: table, ...SENSOR_TABLE_KEY, stream: 'NEW_AND_OLD_IMAGES' });
  return { table, streamArn };
}

const put = (table: string, item: Record<string, unknown>) => dynamodb.send(new PutItemCommand({ TableName: table, Item: marshall(item) }));
const remove = (table: string, item: { Name: string; StatusTime: string }) =>
  dynamodb.send(new DeleteItemCommand({ TableName: table, Key: marshall({ Name: item.Name, StatusTime: item.StatusTime }) }));

/** The real stream records of a table, and the event Lambda would deliver after applying the declared filters. */
async function streamEvents(streamArn: string): Promise<{ records: _Record[]; all: DynamoDBStreamEvent; filtered: DynamoDBStreamEvent }> {
  const records = await readDynamoDbStream(streams, streamArn);
  const all = dynamoDbStreamEventFromRecords(records, { streamArn });
  const patterns = ddbStreamReactor.trigger.filterPatterns.map((pattern) => parsePattern(pattern));
  const filtered = { Records: all.Records.filter((record) => patterns.some((pattern) => pattern.matches(JSON.parse(JSON.stringify(record))))) };
  return { records, all, filtered };
}

type ReactorDetail = { metadata: { eventId: string; occurredAt: string }; unicorn: string };
const detailOf = (event: BusEvent) => event.detail as ReactorDetail;
const unicornOf = (entry: { Detail?: string }) => (JSON.parse(entry.Detail ?? '{}') as ReactorDetail).unicorn;
const about = (unicorn: string) => (entry: PutEventsEntryInput) => unicornOf(entry) === unicorn;
/** The events that landed on the reactor's bus. */
const published = () => eventbridge.published(BUS);
const eventIds = (events: readonly BusEvent[]) => events.map((event) => detailOf(event).metadata.eventId).sort();
/** The entries of each PutEvents call the emulator received, in arrival order. */
const putEventsCalls = () => eventbridge.requests('PutEvents').map(({ entries }) => entries);
/** What the reactor quarantined, with each object's key. */
async function quarantined(): Promise<Array<{ key: string; record: QuarantineRecord }>> {
  const s3 = createS3Client();
  const stored: Array<{ key: string; record: QuarantineRecord }> = [];
  for await (const key of listQuarantined(s3, { bucketName: QUARANTINE_BUCKET, prefix: 'ddb-stream-reactor/' })) {
    stored.push({ key, record: await readQuarantined(s3, { bucketName: QUARANTINE_BUCKET, key }) });
  }
  return stored;
}

const sequenceOf = (event: DynamoDBStreamEvent, eventName: string, unicorn: string) =>
  event.Records.find((record) => record.eventName === eventName && record.dynamodb?.Keys?.['Name']?.S === unicorn)!.dynamodb!.SequenceNumber!;

beforeAll(async () => {
  if (!existsSync(BUNDLE)) {
    throw new Error('dist/apps/ddb-stream-reactor/index.mjs is missing: run `npx nx run ddb-stream-reactor:build` (nx test does it for you)');
  }
  emulators = await startEmulators({ dynamodb: true, eventbridge: true, s3: true });
  eventbridge = emulators.eventbridge!;
  eventbridge.createEventBus(BUS);
  Object.assign(process.env, emulators.env);
  // CreateBucket is a plain PUT of the bucket's path (Amazon S3 API Reference, CreateBucket).
  const created = await fetch(`${emulators.env['AWS_ENDPOINT_URL_S3']}/${QUARANTINE_BUCKET}`, { method: 'PUT' });
  if (!created.ok) throw new Error(`could not create the quarantine bucket: HTTP ${created.status}`);
  dynamodb = new DynamoDBClient({});
  streams = new DynamoDBStreamsClient({});
});

afterEach(() => {
  eventbridge.clearRequests();
  eventbridge.clearFaults();
  eventbridge.clearPublished();
});

afterAll(async () => {
  await emulators?.stop();
});

describe('ddb-stream-reactor against DynamoDB Local streams and the EventBridge emulator', () => {
  it('turns real table changes, filtered like the event source mapping, into catalog events with deterministic ids', async () => {
    // Prepare: inserts (healthy, at the threshold, low), corrections into and out of the low zone, a deletion.
    const { table, streamArn } = await freshTable();
    await put(table, reading('Healthy', 100));
    await put(table, reading('AtThreshold', THRESHOLD));
    await put(table, reading('Low', THRESHOLD - 1));
    await put(table, reading('Recovered', 3));
    await put(table, reading('Low', THRESHOLD - 1)); // the same values again: DynamoDB writes no stream record
    await put(table, reading('Healthy', 10, { Latitude: 47.7 }));
    await put(table, reading('Recovered', 90, { Distance: 13 }));
    await remove(table, reading('AtThreshold', 0));
    const { records, all, filtered } = await streamEvents(streamArn);
    const handler = await loadHandler(table);

    // Act
    const response = await handler(filtered, context());

    // Assess: the filter let through exactly the changes that cause events...
    expect(records.map((record) => `${record.eventName} ${record.dynamodb!.Keys!['Name']!.S}`)).toEqual([
      'INSERT Healthy',
      'INSERT AtThreshold',
      'INSERT Low',
      'INSERT Recovered',
      'MODIFY Healthy',
      'MODIFY Recovered',
      'REMOVE AtThreshold',
    ]);
    // (every insert: a healthy one may end a low, which only its stored neighbours can tell)
    expect(filtered.Records.map((record) => `${record.eventName} ${record.dynamodb!.Keys!['Name']!.S}`)).toEqual([
      'INSERT Healthy',
      'INSERT AtThreshold',
      'INSERT Low',
      'INSERT Recovered',
      'MODIFY Healthy',
      'MODIFY Recovered',
      'REMOVE AtThreshold',
    ]);
    // ...and each one published its catalog events on the bus.
    expect(response).toEqual({ batchItemFailures: [] });
    const events = published();
    expect(eventbridge.published()).toHaveLength(events.length); // nothing landed on another bus
    expect(events.map((event) => `${event['detail-type']} ${detailOf(event).unicorn}`).sort()).toEqual([
      'UnicornHealthLow Healthy',
      'UnicornHealthLow Low',
      'UnicornHealthLow Recovered',
      'UnicornHealthRestored Recovered',
      'UnicornReadingCorrected Healthy',
      'UnicornReadingCorrected Recovered',
      'UnicornReadingRemoved AtThreshold',
    ]);
    for (const event of events) {
      const catalogEntry = EVENT_CATALOG[`${event['detail-type']}@1` as CatalogKey];
      expect(event.source).toBe(catalogEntry.source);
      expect(catalogEntry.detail.safeParse(event.detail).error).toBeUndefined();
      // The time of one of the unicorn's changes (an insert and a correction may fall in different minutes).
      const creationTimes = all.Records.filter((record) => detailOf(event).unicorn === record.dynamodb!.Keys!['Name']!.S).map(
        (record) => new Date(record.dynamodb!.ApproximateCreationDateTime! * 1000),
      );
      expect(creationTimes.map(formatEventTime)).toContain(event.time);
      expect(creationTimes.map((time) => time.toISOString())).toContain(detailOf(event).metadata.occurredAt);
    }
    const corrected = events.find((event) => event['detail-type'] === 'UnicornReadingCorrected' && detailOf(event).unicorn === 'Healthy')!;
    expect(corrected.detail).toMatchObject({
      before: { healthPoints: 100, latitude: 47.6 },
      after: { healthPoints: 10, latitude: 47.7 },
      changed: ['latitude', 'healthPoints'],
    });
    const removed = events.find((event) => event['detail-type'] === 'UnicornReadingRemoved')!;
    expect(removed.detail).toMatchObject({ unicorn: 'AtThreshold', expired: false });
    expect(new Set(eventIds(events)).size).toBe(7);

    // The same changes processed again, or delivered unfiltered, publish the very same event ids.
    const firstIds = eventIds(events);
    eventbridge.clearPublished();
    expect(await handler(filtered, context())).toEqual({ batchItemFailures: [] });
    expect(eventIds(published())).toEqual(firstIds);
    eventbridge.clearPublished();
    expect(await handler(all, context())).toEqual({ batchItemFailures: [] });
    expect(eventIds(published())).toEqual(firstIds);
  });

  it('resends only the entries EventBridge throttled, and hands nothing back once they get through', async () => {
    // Prepare: 12 low readings = 2 PutEvents requests; two entries of the first are throttled once.
    const { table, streamArn } = await freshTable();
    const names = Array.from({ length: 12 }, (_, i) => `Unicorn-${String(i).padStart(2, '0')}`);
    for (const name of names) await put(table, reading(name, 1));
    const { filtered } = await streamEvents(streamArn);
    const handler = await loadHandler(table);
    const throttled = new Set(['Unicorn-03', 'Unicorn-07']);
    for (const unicorn of throttled) {
      eventbridge.failNext({ count: 1, errorCode: 'ThrottlingException', errorMessage: 'Rate exceeded', match: about(unicorn) });
    }

    // Act
    const response = await handler(filtered, context());

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    const calls = putEventsCalls();
    expect(calls.map((call) => call.length).sort()).toEqual([10, 2, 2].sort());
    const resent = calls.find((call) => call.every((entry) => throttled.has(unicornOf(entry))));
    expect(resent?.map(unicornOf).sort()).toEqual([...throttled].sort());
    expect(published().map((event) => detailOf(event).unicorn).sort()).toEqual(names);
  });

  it('hands back the records whose events keep failing transiently, quarantines those EventBridge rejects for good, and drops none', async () => {
    // Prepare: Throttled is throttled forever, Malformed is rejected for good; Fine and Corrected get through.
    const { table, streamArn } = await freshTable();
    await put(table, reading('Fine', 1));
    await put(table, reading('Throttled', 2));
    await put(table, reading('Corrected', 70));
    await put(table, reading('Corrected', 5));
    await put(table, reading('Malformed', 4));
    const { filtered } = await streamEvents(streamArn);
    const handler = await loadHandler(table);
    eventbridge.failNext({ count: EVERY_TIME, errorCode: 'ThrottlingException', errorMessage: 'Rate exceeded', match: about('Throttled') });
    eventbridge.failNext({ count: EVERY_TIME, errorCode: 'MalformedDetail', errorMessage: 'Detail is malformed.', match: about('Malformed') });

    // Act: 3 s left, 1.5 s margin: the throttled entry is retried for about 1.5 s, then given up.
    const response = await handler(filtered, context(3_000));

    // Assess: only the transient failure goes back to Lambda; the rejected record cannot block the shard.
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: sequenceOf(filtered, 'INSERT', 'Throttled') }]);
    const sends = (unicorn: string) => putEventsCalls().flat().filter((entry) => unicornOf(entry) === unicorn).length;
    expect(sends('Throttled')).toBeGreaterThan(1);
    expect(sends('Malformed')).toBe(1);
    expect(published().map((event) => `${event['detail-type']} ${detailOf(event).unicorn}`).sort()).toEqual([
      'UnicornHealthLow Corrected',
      'UnicornHealthLow Fine',
      'UnicornReadingCorrected Corrected',
    ]);
    // The quarantine holds the original stream record, the reason and its origin.
    const malformed = filtered.Records.find((record) => record.dynamodb?.Keys?.['Name']?.S === 'Malformed')!;
    const stored = (await quarantined()).filter(({ record }) => record.origin.partitionKey === 'Malformed');
    expect(stored).toHaveLength(1);
    const [{ key, record }] = stored as [{ key: string; record: QuarantineRecord }];
    expect(key).toBe(quarantineObjectKey(record));
    expect(record).toMatchObject({
      quarantinedBy: 'ddb-stream-reactor',
      reason: 'REJECTED_BY_SINK',
      detail: expect.stringMatching(/^MalformedDetail: Detail is malformed\./),
      origin: {
        kind: 'dynamodb-stream',
        eventSourceArn: streamArn,
        eventId: malformed.eventID,
        sequenceNumber: malformed.dynamodb!.SequenceNumber,
        approximateCreationDateTime: malformed.dynamodb!.ApproximateCreationDateTime,
      },
    });
    expect(JSON.parse(Buffer.from(record.data, 'base64').toString('utf8'))).toEqual(JSON.parse(JSON.stringify(malformed)));
  });

  it('quarantines the record of an event over the entry-size setting and never sends it', async () => {
    // Prepare: a reactor limited to 450-byte entries; one unicorn's name makes its event larger.
    const { table, streamArn } = await freshTable();
    const longName = `Rainbow-${'x'.repeat(240)}`;
    await put(table, reading('Small', 1));
    await put(table, reading(longName, 1));
    const { filtered } = await streamEvents(streamArn);
    const handler = await loadHandler(`${table}-small-entries`, { MAX_EVENT_ENTRY_BYTES: '450' });

    // Act
    const response = await handler(filtered, context());

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(putEventsCalls().flat().map(unicornOf)).toEqual(['Small']);
    expect(published().map((event) => detailOf(event).unicorn)).toEqual(['Small']);
    const stored = (await quarantined()).filter(({ record }) => record.origin.partitionKey === longName);
    expect(stored.map(({ record }) => [record.reason, record.origin.sequenceNumber])).toEqual([
      ['TOO_LARGE', sequenceOf(filtered, 'INSERT', longName)],
    ]);
  });

  it('tells recoveries from the table itself: after a low, late behind a healthy reading, and by a correction', async () => {
    // Prepare: Comeback is low then healthy; Straggler's low reading arrives after a later healthy
    // one; Mended's low reading is corrected; Steady is never low.
    const { table, streamArn } = await freshTable();
    const at = (second: number) => `2026-11-21T10:00:0${second}.000Z`;
    await put(table, reading('Comeback', 5, { StatusTime: at(1) }));
    await put(table, reading('Comeback', 80, { StatusTime: at(2) }));
    await put(table, reading('Straggler', 60, { StatusTime: at(3) }));
    await put(table, reading('Straggler', 4, { StatusTime: at(2) }));
    await put(table, reading('Mended', 7, { StatusTime: at(1) }));
    await put(table, reading('Mended', 70, { StatusTime: at(1) }));
    await put(table, reading('Steady', 90, { StatusTime: at(1) }));
    await put(table, reading('Steady', 95, { StatusTime: at(2) }));
    const { filtered } = await streamEvents(streamArn);
    const handler = await loadHandler(table);

    // Act
    const response = await handler(filtered, context());

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    const restored = published().filter((event) => event['detail-type'] === 'UnicornHealthRestored');
    const sequenceOfWrite = (unicorn: string, index: number) =>
      filtered.Records.filter((record) => record.dynamodb?.Keys?.['Name']?.S === unicorn)[index]!.dynamodb!.SequenceNumber;
    // Per unicorn: the healthy reading restored, and the latest change that said so. (The table is
    // ahead of the stream here, so a low reading's change may already see the healthy one after
    // it and announce the recovery too, with its own, older revision: the consumer keeps the newest.)
    const byUnicorn = new Map<string, { statusTimes: Set<unknown>; healthPoints: Set<unknown>; revisions: string[] }>();
    for (const { detail } of restored) {
      const entry = byUnicorn.get(String(detail['unicorn'])) ?? { statusTimes: new Set(), healthPoints: new Set(), revisions: [] };
      entry.statusTimes.add(detail['statusTime']);
      entry.healthPoints.add(detail['healthPoints']);
      entry.revisions.push(String(detail['revision']));
      byUnicorn.set(String(detail['unicorn']), entry);
    }
    const summary = [...byUnicorn].sort(([a], [b]) => a.localeCompare(b)).map(([unicorn, { statusTimes, healthPoints, revisions }]) => ({
      unicorn,
      statusTimes: [...statusTimes],
      healthPoints: [...healthPoints],
      latestRevision: revisions.sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)).at(-1),
    }));
    expect(summary).toEqual([
      { unicorn: 'Comeback', statusTimes: [at(2)], healthPoints: [80], latestRevision: sequenceOfWrite('Comeback', 1) },
      { unicorn: 'Mended', statusTimes: [at(1)], healthPoints: [70], latestRevision: sequenceOfWrite('Mended', 1) },
      // The late low reading's own change finds the healthy one after it.
      { unicorn: 'Straggler', statusTimes: [at(3)], healthPoints: [60], latestRevision: sequenceOfWrite('Straggler', 1) },
    ]);
    for (const event of restored) expect(EVENT_CATALOG['UnicornHealthRestored@1'].detail.safeParse(event.detail).error).toBeUndefined();
  });

  it("hands back the written records when the neighbours cannot be read, and publishes nothing of theirs", async () => {
    // Prepare: a reactor whose table does not exist (ResourceNotFoundException on its Query).
    const { table, streamArn } = await freshTable();
    await put(table, reading('Unread', 3));
    await remove(table, reading('Unread', 3));
    const { filtered } = await streamEvents(streamArn);
    const handler = await loadHandler(`${table}-missing`);

    // Act
    const response = await handler(filtered, context());

    // Assess: the insert goes back to Lambda; the removal, which needs no neighbours, is published.
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: sequenceOf(filtered, 'INSERT', 'Unread') }]);
    expect(published().map((event) => event['detail-type'])).toEqual(['UnicornReadingRemoved']);
  });
});

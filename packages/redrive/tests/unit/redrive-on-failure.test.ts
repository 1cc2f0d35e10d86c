import { describe, expect, it } from 'vitest';
import { redriveOnFailureObjects, type OnFailureRun } from '../../src/redrive-on-failure.js';
import { total } from '../../src/tally.js';
import { MemoryFunctions, MemoryOnFailureStore, MemoryStreams } from '../support/fakes.js';
import { PREFIX, REACTOR_ARN, dynamoDbOnFailure, kinesisOnFailure } from '../support/on-failure.js';

const OPTIONS: OnFailureRun['options'] = { since: undefined, dryRun: false, limit: undefined, keep: false };
const QUIET = { readConcurrency: 2, progress: { everyRecords: 1_000, everyMs: Number.POSITIVE_INFINITY } };

/** Where Lambda writes every mapping's objects: the listing when no --on-failure-prefix narrows it. */
const ROOT = 'aws/lambda/';

function runWith(
  store: MemoryOnFailureStore,
  ports: { streams?: MemoryStreams; functions?: MemoryFunctions; deployedFunction?: string; prefix?: string } = {},
  options: Partial<OnFailureRun['options']> = {},
) {
  const lines: string[] = [];
  const run = redriveOnFailureObjects({
    options: { ...OPTIONS, ...options },
    prefix: ports.prefix ?? ROOT,
    deployedFunction: ports.deployedFunction ?? 'kinesis-republisher',
    store,
    writer: ports.streams ?? new MemoryStreams(),
    invoker: ports.functions ?? new MemoryFunctions(),
    write: (line) => lines.push(line),
    settings: QUIET,
  });
  return { run, lines };
}

describe('redriveOnFailureObjects (Kinesis batches)', () => {
  it('puts every record back on its stream in stream order per shard, whatever order the keys list in, and deletes each object', async () => {
    // Prepare: the later batch has the earlier key time, so it lists first.
    const later = kinesisOnFailure('unicorn-telemetry', 'shardId-000000000000', [
      { partitionKey: 'Shadowfax', data: 'shadowfax-3', sequenceNumber: '100' },
      { partitionKey: 'Rocinante', data: 'rocinante-2', sequenceNumber: '101' },
    ], { at: new Date('2026-12-07T10:00:00Z') });
    const earlier = kinesisOnFailure('unicorn-telemetry', 'shardId-000000000000', [
      { partitionKey: 'Shadowfax', data: 'shadowfax-1', sequenceNumber: '9' },
      { partitionKey: 'Rocinante', data: 'rocinante-1', sequenceNumber: '10' },
      { partitionKey: 'Shadowfax', data: 'shadowfax-2', sequenceNumber: '11' },
    ], { at: new Date('2026-12-07T11:00:00Z') });
    const store = new MemoryOnFailureStore().put(later.key, later.record).put(earlier.key, earlier.record);
    const streams = new MemoryStreams();

    // Act
    const tally = await runWith(store, { streams }).run;

    // Assess
    expect(streams.texts('unicorn-telemetry')).toEqual(['shadowfax-1', 'rocinante-1', 'shadowfax-2', 'shadowfax-3', 'rocinante-2']);
    expect(streams.streams.get('unicorn-telemetry')?.map(({ partitionKey }) => partitionKey)).toEqual(['Shadowfax', 'Rocinante', 'Shadowfax', 'Shadowfax', 'Rocinante']);
    expect(store.objects.size).toBe(0);
    expect(tally).toMatchObject({ listed: 2, settled: 2, redriven: 2, deleted: 2, notReached: 0 });
  });

  it('keeps an object whose records were not all written, fails it, and holds back later records of the failed key', async () => {
    // Prepare: Shadowfax's first record fails (retryable), as in a PutRecords FailedRecordCount.
    const first = kinesisOnFailure('unicorn-telemetry', 'shardId-000000000000', [
      { partitionKey: 'Shadowfax', data: 'shadowfax-1', sequenceNumber: '1' },
      { partitionKey: 'Rocinante', data: 'rocinante-1', sequenceNumber: '2' },
    ]);
    const second = kinesisOnFailure('unicorn-telemetry', 'shardId-000000000000', [
      { partitionKey: 'Shadowfax', data: 'shadowfax-2', sequenceNumber: '3' },
      { partitionKey: 'Rocinante', data: 'rocinante-2', sequenceNumber: '4' },
    ]);
    const store = new MemoryOnFailureStore().put(first.key, first.record).put(second.key, second.record);
    const streams = new MemoryStreams((_, record) =>
      Buffer.from(record.data).toString() === 'shadowfax-1' ? { retryable: true, reason: 'ProvisionedThroughputExceededException: Rate exceeded for shard' } : undefined,
    );

    // Act
    const { run, lines } = runWith(store, { streams });
    const tally = await run;

    // Assess
    expect(streams.texts('unicorn-telemetry')).toEqual(['rocinante-1', 'rocinante-2']);
    expect([...store.objects.keys()].sort()).toEqual([first.key, second.key].sort());
    expect(Object.fromEntries(tally.failed)).toEqual({ ProvisionedThroughputExceededException: 1, BlockedByEarlierFailure: 1 });
    expect(lines).toContain(
      `failed ${second.key}: BlockedByEarlierFailure: 1 of its 2 records were not written to unicorn-telemetry (not re-driven, so as not to overtake ${first.key}, which failed); the object stays, and the next run writes all of it again (the 1 written now included)`,
    );
    expect(tally.redriven).toBe(0);
  });

  it('changes nothing in a dry run, and says what it would do', async () => {
    // Prepare
    const object = kinesisOnFailure('unicorn-telemetry', 'shardId-000000000001', [{ partitionKey: 'Shadowfax', data: 'x', sequenceNumber: '5' }]);
    const store = new MemoryOnFailureStore().put(object.key, object.record);
    const streams = new MemoryStreams();

    // Act
    const { run, lines } = runWith(store, { streams }, { dryRun: true });
    const tally = await run;

    // Assess
    expect(streams.puts).toEqual([]);
    expect(store.objects.has(object.key)).toBe(true);
    expect(lines).toEqual([`would re-drive ${object.key}: 1 records to unicorn-telemetry`]);
    expect(tally).toMatchObject({ redriven: 1, deleted: 0 });
  });

  it('skips and keeps a record without payload, an object that is not a record, and a key not in Lambda\'s form', async () => {
    // Prepare
    const noPayload = kinesisOnFailure('unicorn-telemetry', 'shardId-000000000000', [{ partitionKey: 'A', data: 'a', sequenceNumber: '1' }], { withPayload: false });
    const store = new MemoryOnFailureStore()
      .put(noPayload.key, noPayload.record)
      .put(`${PREFIX}shardId-000000000000/2026/12/07/2026-12-07T10.20.30-garbage`, 'not-a-record')
      .put(`${PREFIX}notes.txt`, 'not-a-record');

    // Act
    const { run, lines } = runWith(store);
    const tally = await run;

    // Assess
    expect(Object.fromEntries(tally.skipped)).toEqual({ NO_PAYLOAD: 1, INVALID_OBJECT: 1, UNRECOGNISED_KEY: 1 });
    expect(store.objects.size).toBe(3);
    expect(lines.some((line) => line.startsWith(`skipped ${noPayload.key}: NO_PAYLOAD: the invocation record holds no payload`))).toBe(true);
    expect(total(tally.failed)).toBe(0);
  });

  it('holds back the rest of a shard behind an object it could not read, but not other shards', async () => {
    // Prepare
    const unreadable = kinesisOnFailure('unicorn-telemetry', 'shardId-000000000000', [{ partitionKey: 'A', data: 'a-1', sequenceNumber: '1' }], { at: new Date('2026-12-07T09:00:00Z') });
    const sameShard = kinesisOnFailure('unicorn-telemetry', 'shardId-000000000000', [{ partitionKey: 'B', data: 'b-1', sequenceNumber: '2' }]);
    const otherShard = kinesisOnFailure('unicorn-telemetry', 'shardId-000000000001', [{ partitionKey: 'C', data: 'c-1', sequenceNumber: '3' }]);
    const store = new MemoryOnFailureStore().put(unreadable.key, unreadable.record).put(sameShard.key, sameShard.record).put(otherShard.key, otherShard.record);
    store.failReads.add(unreadable.key);
    const streams = new MemoryStreams();

    // Act
    const tally = await runWith(store, { streams }).run;

    // Assess
    expect(streams.texts('unicorn-telemetry')).toEqual(['c-1']);
    expect(Object.fromEntries(tally.failed)).toEqual({ ReadFailed: 1, BlockedByEarlierFailure: 1 });
    expect(store.objects.has(sameShard.key)).toBe(true);
  });

  it('re-drives at most --limit objects and only those that failed since --since', async () => {
    // Prepare
    const old = kinesisOnFailure('s', 'shardId-000000000000', [{ partitionKey: 'A', data: 'old', sequenceNumber: '1' }], { at: new Date('2026-12-01T10:00:00Z') });
    const first = kinesisOnFailure('s', 'shardId-000000000000', [{ partitionKey: 'A', data: 'first', sequenceNumber: '2' }]);
    const second = kinesisOnFailure('s', 'shardId-000000000000', [{ partitionKey: 'A', data: 'second', sequenceNumber: '3' }]);
    const store = new MemoryOnFailureStore().put(old.key, old.record).put(first.key, first.record).put(second.key, second.record);
    const streams = new MemoryStreams();

    // Act
    const tally = await runWith(store, { streams }, { since: '2026-12-07', limit: 1 }).run;

    // Assess
    expect(streams.texts('s')).toEqual(['first']);
    expect(tally).toMatchObject({ listed: 3, filteredOut: 1, redriven: 1, notReached: 1 });
  });

  it('counts an object re-driven but not deleted as failed', async () => {
    // Prepare
    const object = kinesisOnFailure('s', 'shardId-000000000000', [{ partitionKey: 'A', data: 'a', sequenceNumber: '1' }]);
    const store = new MemoryOnFailureStore().put(object.key, object.record);
    store.failDeletes.add(object.key);

    // Act
    const tally = await runWith(store).run;

    // Assess
    expect(tally.redriven).toBe(1);
    expect(Object.fromEntries(tally.failed)).toEqual({ DeleteFailed: 1 });
  });
});

describe('redriveOnFailureObjects (DynamoDB batches)', () => {
  it('re-delivers each stored batch exactly as stored to the function that failed on it, in stream order per shard', async () => {
    // Prepare
    const second = dynamoDbOnFailure('shardId-00000001', [{ name: 'Shadowfax', sequenceNumber: '200' }], { at: new Date('2026-12-07T09:00:00Z') });
    const first = dynamoDbOnFailure('shardId-00000001', [{ name: 'Shadowfax', sequenceNumber: '100' }, { name: 'Rocinante', sequenceNumber: '101' }]);
    const aliased = dynamoDbOnFailure('shardId-00000002', [{ name: 'Bucephalus', sequenceNumber: '150' }], { functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:ddb-stream-reactor:live' });
    const store = new MemoryOnFailureStore().put(second.key, second.record).put(first.key, first.record).put(aliased.key, aliased.record);
    const functions = new MemoryFunctions();

    // Act
    const tally = await runWith(store, { functions, deployedFunction: 'ddb-stream-reactor' }).run;

    // Assess
    expect(functions.invocations).toEqual([
      { target: { functionName: 'ddb-stream-reactor' }, payload: first.payload },
      { target: { functionName: 'ddb-stream-reactor' }, payload: second.payload },
      { target: { functionName: 'ddb-stream-reactor', qualifier: 'live' }, payload: aliased.payload },
    ]);
    expect(store.objects.size).toBe(0);
    expect(tally).toMatchObject({ redriven: 3, deleted: 3 });
  });

  it('keeps a batch the function failed on, and the later batches of its shard', async () => {
    // Prepare
    const failing = dynamoDbOnFailure('shardId-00000001', [{ name: 'Shadowfax', sequenceNumber: '100' }]);
    const later = dynamoDbOnFailure('shardId-00000001', [{ name: 'Rocinante', sequenceNumber: '200' }]);
    const otherShard = dynamoDbOnFailure('shardId-00000002', [{ name: 'Bucephalus', sequenceNumber: '150' }]);
    const store = new MemoryOnFailureStore().put(failing.key, failing.record).put(later.key, later.record).put(otherShard.key, otherShard.record);
    const functions = new MemoryFunctions((_, payload) => (payload.includes('Shadowfax') ? 'BatchItemFailures: the function reported 1 record(s) as failed (100)' : undefined));

    // Act
    const { run, lines } = runWith(store, { functions, deployedFunction: REACTOR_ARN });
    const tally = await run;

    // Assess
    expect(functions.invocations.map(({ payload }) => payload)).toEqual([otherShard.payload]);
    expect([...store.objects.keys()].sort()).toEqual([failing.key, later.key].sort());
    expect(Object.fromEntries(tally.failed)).toEqual({ BatchItemFailures: 1, BlockedByEarlierFailure: 1 });
    expect(lines).toContain(`failed ${later.key}: BlockedByEarlierFailure: not re-driven, so as not to overtake ${failing.key}, which failed`);
  });
});

describe('redriveOnFailureObjects (whose objects)', () => {
  const OLD_MAPPING = 'ffffffff-0000-4000-8000-000000000001';

  it("leaves alone an object naming another function, even under the function's own mapping prefix, and counts it filtered out", async () => {
    // Prepare: any function's role may write under aws/lambda/, so the prefix does not tell whose an object is.
    const own = kinesisOnFailure('unicorn-telemetry', 'shardId-000000000000', [{ partitionKey: 'A', data: 'own', sequenceNumber: '1' }]);
    const writers = kinesisOnFailure('unicorn-telemetry-clean', 'shardId-000000000000', [{ partitionKey: 'B', data: 'writer', sequenceNumber: '2' }], {
      functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:kinesis-ddb-writer',
    });
    const reactors = dynamoDbOnFailure('shardId-00000001', [{ name: 'Shadowfax', sequenceNumber: '3' }], { mappingUuid: OLD_MAPPING });
    const store = new MemoryOnFailureStore().put(own.key, own.record).put(writers.key, writers.record).put(reactors.key, reactors.record);
    const streams = new MemoryStreams();
    const functions = new MemoryFunctions();

    // Act
    const { run, lines } = runWith(store, { streams, functions, deployedFunction: 'arn:aws:lambda:us-east-1:123456789012:function:kinesis-republisher:live' });
    const tally = await run;

    // Assess
    expect(streams.texts('unicorn-telemetry')).toEqual(['own']);
    expect(streams.texts('unicorn-telemetry-clean')).toEqual([]);
    expect(functions.invocations).toEqual([]);
    expect([...store.objects.keys()].sort()).toEqual([writers.key, reactors.key].sort());
    expect(tally).toMatchObject({ listed: 3, settled: 3, filteredOut: 2, redriven: 1, deleted: 1 });
    expect(lines.some((line) => line.includes(writers.key) || line.includes(reactors.key))).toBe(false);
  });

  it("finds the function's objects under the prefix of a mapping replaced since, in stream order with the current mapping's", async () => {
    // Prepare: the mapping was replaced (a new UUID); its old objects stay under the old prefix.
    const old = kinesisOnFailure('unicorn-telemetry', 'shardId-000000000000', [{ partitionKey: 'A', data: 'a-1', sequenceNumber: '1' }], { mappingUuid: OLD_MAPPING });
    const current = kinesisOnFailure('unicorn-telemetry', 'shardId-000000000000', [{ partitionKey: 'A', data: 'a-2', sequenceNumber: '2' }]);
    const store = new MemoryOnFailureStore().put(old.key, old.record).put(current.key, current.record);
    const streams = new MemoryStreams();

    // Act
    const tally = await runWith(store, { streams }).run;

    // Assess
    expect(old.key.startsWith(`aws/lambda/${OLD_MAPPING}/`)).toBe(true);
    expect(streams.texts('unicorn-telemetry')).toEqual(['a-1', 'a-2']);
    expect(store.objects.size).toBe(0);
    expect(tally).toMatchObject({ listed: 2, redriven: 2, deleted: 2 });
  });

  it('lists only one mapping when given its prefix (--on-failure-prefix)', async () => {
    // Prepare
    const old = kinesisOnFailure('unicorn-telemetry', 'shardId-000000000000', [{ partitionKey: 'A', data: 'a-1', sequenceNumber: '1' }], { mappingUuid: OLD_MAPPING });
    const current = kinesisOnFailure('unicorn-telemetry', 'shardId-000000000000', [{ partitionKey: 'B', data: 'b-1', sequenceNumber: '2' }]);
    const store = new MemoryOnFailureStore().put(old.key, old.record).put(current.key, current.record);
    const streams = new MemoryStreams();

    // Act
    const tally = await runWith(store, { streams, prefix: PREFIX }).run;

    // Assess
    expect(streams.texts('unicorn-telemetry')).toEqual(['b-1']);
    expect([...store.objects.keys()]).toEqual([old.key]);
    expect(tally).toMatchObject({ listed: 1, redriven: 1 });
  });
});

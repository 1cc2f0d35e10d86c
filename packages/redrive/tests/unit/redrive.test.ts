import { describe, expect, it } from 'vitest';
import { SetupError } from '../../src/errors.js';
import type { RedriveOptions } from '../../src/options.js';
import { redrive, type RedriveRun } from '../../src/redrive.js';
import { total } from '../../src/tally.js';
import { MemoryFunctions, MemoryStore, MemoryStreams } from '../support/fakes.js';
import { quarantined, quarantinedChange, type QuarantinedSpec } from '../support/quarantined.js';

const OPTIONS: RedriveRun['options'] = {
  functionName: 'kinesis-republisher',
  since: undefined,
  reasons: undefined,
  dryRun: false,
  limit: undefined,
  keep: false,
};

/** The name CloudFormation gave the deployed reactor: not its project name. */
const DEPLOYED_REACTOR = 'arn:aws:lambda:us-east-1:123456789012:function:WildRydes-DdbStreamReactor-ConsumerFunction1A2B3C4D';

/** Small windows, so that ordering across windows is exercised; no progress noise. */
const SETTINGS = { windowSize: 2, progress: { everyRecords: 1_000, everyMs: Number.POSITIVE_INFINITY } };

function storeWith(...specs: QuarantinedSpec[]): { store: MemoryStore; keys: string[] } {
  const store = new MemoryStore();
  const keys = specs.map((spec) => {
    const { key, record } = quarantined(spec);
    store.put(key, record);
    return key;
  });
  return { store, keys };
}

function runWith(
  store: MemoryStore,
  streams: MemoryStreams,
  options: Partial<RedriveOptions> = {},
  settings: Partial<RedriveRun['settings']> = {},
  functions = new MemoryFunctions(),
  redeliverTo?: string,
) {
  const lines: string[] = [];
  const run = redrive({
    options: { ...OPTIONS, ...options },
    store,
    writer: streams,
    invoker: functions,
    write: (line) => lines.push(line),
    settings: { ...SETTINGS, ...settings },
    ...(redeliverTo === undefined ? {} : { redeliverTo }),
  });
  return { run, lines };
}

describe('redrive', () => {
  it('puts records back in their original order per partition key, across windows, and deletes their objects', async () => {
    // Prepare: listed as text, '10' comes before '9'.
    const { store, keys } = storeWith(
      { sequenceNumber: '10', partitionKey: 'Shadowfax', text: 'shadowfax-2' },
      { sequenceNumber: '9', partitionKey: 'Shadowfax', text: 'shadowfax-1' },
      { sequenceNumber: '11', partitionKey: 'Rocinante', text: 'rocinante-1' },
      { sequenceNumber: '100', partitionKey: 'Shadowfax', text: 'shadowfax-3' },
      { sequenceNumber: '5', shardId: 'shardId-000000000001', partitionKey: 'Bucephalus', text: 'bucephalus-1' },
    );
    store.put(quarantined({ functionName: 'kinesis-ddb-writer', sequenceNumber: '1' }).key, quarantined({ functionName: 'kinesis-ddb-writer', sequenceNumber: '1' }).record);
    const streams = new MemoryStreams();

    // Act
    const tally = await runWith(store, streams).run;

    // Assess
    expect(streams.texts('unicorn-telemetry')).toEqual(['shadowfax-1', 'shadowfax-2', 'rocinante-1', 'shadowfax-3', 'bucephalus-1']);
    expect(streams.streams.get('unicorn-telemetry')?.map(({ partitionKey }) => partitionKey)).toEqual(['Shadowfax', 'Shadowfax', 'Rocinante', 'Shadowfax', 'Bucephalus']);
    expect(streams.puts.map(({ count }) => count)).toEqual([2, 2, 1]);
    expect([...store.deleted].sort()).toEqual([...keys].sort());
    expect(store.objects.size).toBe(1); // the other function's record is untouched
    expect(tally).toMatchObject({ listed: 5, settled: 5, redriven: 5, deleted: 5, filteredOut: 0, notReached: 0 });
    expect(total(tally.failed)).toBe(0);
  });

  it('skips and keeps what cannot be re-driven byte-exact, and reports each', async () => {
    // Prepare
    const { store, keys } = storeWith(
      { sequenceNumber: '1', data: '%%% not base64', reason: 'INVALID_BASE64' },
      { sequenceNumber: '2', text: 'fine' },
    );
    store.put('kinesis-republisher/stray-file.txt', 'not-a-record');
    store.put('kinesis-republisher/unicorn-telemetry/2026/11/21/shardId-000000000000/3.json', 'not-a-record');
    const streams = new MemoryStreams();

    // Act
    const { run, lines } = runWith(store, streams);
    const tally = await run;

    // Assess
    expect(streams.texts('unicorn-telemetry')).toEqual(['fine']);
    expect(store.objects.has(keys[0]!)).toBe(true);
    expect(Object.fromEntries(tally.skipped)).toEqual({ INVALID_BASE64: 1, UNRECOGNISED_KEY: 1, INVALID_OBJECT: 1 });
    expect(total(tally.failed)).toBe(0);
    expect(lines.some((line) => line.startsWith(`skipped ${keys[0]}: INVALID_BASE64: quarantined as INVALID_BASE64`))).toBe(true);
    expect(lines.some((line) => line.startsWith('skipped kinesis-republisher/stray-file.txt: UNRECOGNISED_KEY'))).toBe(true);
  });

  it('changes nothing in a dry run, and says what it would do', async () => {
    // Prepare
    const { store, keys } = storeWith({ sequenceNumber: '2', text: 'b' }, { sequenceNumber: '1', text: 'a' }, { sequenceNumber: '3', data: '!!', reason: 'INVALID_BASE64' });
    const streams = new MemoryStreams();

    // Act
    const { run, lines } = runWith(store, streams, { dryRun: true });
    const tally = await run;

    // Assess
    expect(streams.puts).toEqual([]);
    expect(store.deleted).toEqual([]);
    expect(store.objects.size).toBe(3);
    expect(lines.filter((line) => line.startsWith('would re-drive'))).toEqual([
      `would re-drive ${keys[1]} to unicorn-telemetry (partition key "Shadowfax", 1 bytes)`,
      `would re-drive ${keys[0]} to unicorn-telemetry (partition key "Shadowfax", 1 bytes)`,
    ]);
    expect(tally).toMatchObject({ redriven: 2, deleted: 0 });
    expect(tally.skipped.get('INVALID_BASE64')).toBe(1);
  });

  it('keeps the objects with --keep', async () => {
    // Prepare
    const { store } = storeWith({ sequenceNumber: '1' });
    const streams = new MemoryStreams();

    // Act
    const tally = await runWith(store, streams, { keep: true }).run;

    // Assess
    expect(streams.texts('unicorn-telemetry')).toHaveLength(1);
    expect(store.objects.size).toBe(1);
    expect(tally).toMatchObject({ redriven: 1, deleted: 0 });
  });

  it('holds back the later records of a key that failed, in later windows too, and keeps their objects', async () => {
    // Prepare: Shadowfax's first record fails for the environment; windows of 2.
    const { store, keys } = storeWith(
      { sequenceNumber: '1', partitionKey: 'Shadowfax', text: 's1' },
      { sequenceNumber: '2', partitionKey: 'Rocinante', text: 'r1' },
      { sequenceNumber: '3', partitionKey: 'Rocinante', text: 'r2' },
      { sequenceNumber: '4', partitionKey: 'Shadowfax', text: 's2' },
    );
    const streams = new MemoryStreams((_stream, record) =>
      Buffer.from(record.data).toString() === 's1' ? { retryable: true, reason: 'KMSAccessDeniedException: denied' } : undefined,
    );

    // Act
    const { run, lines } = runWith(store, streams);
    const tally = await run;

    // Assess
    expect(streams.texts('unicorn-telemetry')).toEqual(['r1', 'r2']);
    expect(Object.fromEntries(tally.failed)).toEqual({ KMSAccessDeniedException: 1, BlockedByEarlierFailure: 1 });
    expect(store.objects.has(keys[0]!)).toBe(true);
    expect(store.objects.has(keys[3]!)).toBe(true);
    expect(lines).toContain(`failed ${keys[3]}: BlockedByEarlierFailure: not re-driven, so as not to overtake ${keys[0]}, which failed`);
    expect(tally).toMatchObject({ listed: 4, settled: 4, redriven: 2, deleted: 2 });
  });

  it('names the object a record was held back behind within one put', async () => {
    // Prepare
    const { store, keys } = storeWith({ sequenceNumber: '1', text: 's1' }, { sequenceNumber: '2', text: 's2' });
    const streams = new MemoryStreams((_stream, record) =>
      Buffer.from(record.data).toString() === 's1' ? { retryable: true, reason: 'MaxAttemptsReached: InternalFailure after 10 attempt(s)' } : undefined,
    );

    // Act
    const { run, lines } = runWith(store, streams, {}, { windowSize: 10 });
    const tally = await run;

    // Assess
    expect(lines).toEqual([
      `failed ${keys[0]}: MaxAttemptsReached: InternalFailure after 10 attempt(s)`,
      `failed ${keys[1]}: BlockedByEarlierFailure: not re-driven, so as not to overtake ${keys[0]}, which failed`,
    ]);
    expect(Object.fromEntries(tally.failed)).toEqual({ MaxAttemptsReached: 1, BlockedByEarlierFailure: 1 });
    expect(store.objects.size).toBe(2);
  });

  it('lets later records of a key through after one that can never be written', async () => {
    // Prepare
    const { store } = storeWith({ sequenceNumber: '1', text: 'too large' }, { sequenceNumber: '2', text: 'fits' });
    const streams = new MemoryStreams((_stream, record) =>
      Buffer.from(record.data).toString() === 'too large' ? { retryable: false, reason: 'RecordTooLarge: 2000000 bytes > limit 1048576 bytes' } : undefined,
    );

    // Act
    const tally = await runWith(store, streams, {}, { windowSize: 1 }).run;

    // Assess
    expect(streams.texts('unicorn-telemetry')).toEqual(['fits']);
    expect(Object.fromEntries(tally.failed)).toEqual({ RecordTooLarge: 1 });
  });

  it('holds back the rest of a shard behind an object it could not read', async () => {
    // Prepare
    const { store, keys } = storeWith(
      { sequenceNumber: '1', partitionKey: 'Shadowfax' },
      { sequenceNumber: '2', partitionKey: 'Rocinante' },
      { sequenceNumber: '3', partitionKey: 'Rocinante', shardId: 'shardId-000000000001', text: 'other shard' },
    );
    store.failReads.add(keys[0]!);
    const streams = new MemoryStreams();

    // Act
    const tally = await runWith(store, streams).run;

    // Assess
    expect(streams.texts('unicorn-telemetry')).toEqual(['other shard']);
    expect(Object.fromEntries(tally.failed)).toEqual({ ReadFailed: 1, BlockedByEarlierFailure: 1 });
  });

  it('re-drives at most --limit records, the earliest first, and counts the rest as not reached', async () => {
    // Prepare
    const { store } = storeWith(
      { sequenceNumber: '1', text: 'a' },
      { sequenceNumber: '2', data: '!!', reason: 'INVALID_BASE64' },
      { sequenceNumber: '3', text: 'c' },
      { sequenceNumber: '4', text: 'd' },
      { sequenceNumber: '5', text: 'e' },
    );
    const streams = new MemoryStreams();

    // Act
    const tally = await runWith(store, streams, { limit: 2 }).run;

    // Assess
    expect(streams.texts('unicorn-telemetry')).toEqual(['a', 'c']);
    expect(tally).toMatchObject({ listed: 5, settled: 3, redriven: 2, notReached: 2 });
    expect(tally.skipped.get('INVALID_BASE64')).toBe(1);
    expect(store.objects.size).toBe(3);
  });

  it('filters by arrival day and reason', async () => {
    // Prepare
    const day = (iso: string): number => Date.parse(iso) / 1000;
    const { store } = storeWith(
      { sequenceNumber: '1', arrival: day('2026-10-31T23:59:59Z'), text: 'too early' },
      { sequenceNumber: '2', arrival: day('2026-11-01T00:00:00Z'), text: 'schema', reason: 'SCHEMA_VIOLATION' },
      { sequenceNumber: '3', arrival: day('2026-11-02T00:00:00Z'), text: 'json', reason: 'INVALID_JSON' },
    );
    const streams = new MemoryStreams();

    // Act
    const tally = await runWith(store, streams, { since: '2026-11-01', reasons: new Set(['SCHEMA_VIOLATION'] as const) }).run;

    // Assess
    expect(streams.texts('unicorn-telemetry')).toEqual(['schema']);
    expect(tally).toMatchObject({ listed: 3, settled: 3, filteredOut: 2, redriven: 1, deleted: 1 });
  });

  it('counts a record whose object could not be deleted as re-driven and failed', async () => {
    // Prepare
    const { store, keys } = storeWith({ sequenceNumber: '1' });
    store.failDeletes.add(keys[0]!);
    const streams = new MemoryStreams();

    // Act
    const { run, lines } = runWith(store, streams);
    const tally = await run;

    // Assess
    expect(tally).toMatchObject({ redriven: 1, deleted: 0, settled: 1 });
    expect(Object.fromEntries(tally.failed)).toEqual({ DeleteFailed: 1 });
    expect(lines.some((line) => line.startsWith(`failed ${keys[0]}: DeleteFailed`))).toBe(true);
  });

  it('puts each stream\'s records on that stream', async () => {
    // Prepare
    const { store } = storeWith({ sequenceNumber: '1', streamName: 'b-stream', text: 'b' }, { sequenceNumber: '2', streamName: 'a-stream', text: 'a' });
    const streams = new MemoryStreams();

    // Act
    await runWith(store, streams, {}, { windowSize: 10 }).run;

    // Assess
    expect(streams.puts).toEqual([
      { streamName: 'a-stream', count: 1 },
      { streamName: 'b-stream', count: 1 },
    ]);
  });

  it('shows progress every N records', async () => {
    // Prepare
    const { store } = storeWith(...Array.from({ length: 5 }, (_, index) => ({ sequenceNumber: String(index + 1) })));
    const streams = new MemoryStreams();

    // Act
    const { run, lines } = runWith(store, streams, {}, { progress: { everyRecords: 2, everyMs: Number.POSITIVE_INFINITY } });
    await run;

    // Assess: a window's records are settled once written; their objects are deleted after.
    expect(lines.filter((line) => line.startsWith('progress:'))).toEqual([
      'progress: 2/5 examined, 2 re-driven, 0 skipped, 0 failed, 0 deleted',
      'progress: 4/5 examined, 4 re-driven, 0 skipped, 0 failed, 2 deleted',
    ]);
  });

  it('lets a failed listing throw: nothing was changed', async () => {
    // Prepare
    const store = new MemoryStore();
    store.listKeys = async function* () {
      yield* [];
      throw new Error('NoSuchBucket');
    };

    // Act / Assess
    await expect(runWith(store, new MemoryStreams()).run).rejects.toThrow('NoSuchBucket');
  });

  it('re-delivers quarantined DynamoDB stream records to the deployed function as one-record events, in order per item, holding back an item behind its failure', async () => {
    // Prepare: listed as text, sequence '10' comes before '9'.
    const store = new MemoryStore();
    const specs = [
      { sequenceNumber: '10', name: 'Shadowfax', hp: 2 },
      { sequenceNumber: '9', name: 'Shadowfax', hp: 1 },
      { sequenceNumber: '11', name: 'Rocinante', hp: 7 },
      { sequenceNumber: '12', name: 'Shadowfax', hp: 3 },
    ].map((spec) => quarantinedChange(spec));
    for (const { key, record } of specs) store.put(key, record);
    const [second, first, rocinante, third] = specs as [ReturnType<typeof quarantinedChange>, ...Array<ReturnType<typeof quarantinedChange>>];
    const functions = new MemoryFunctions((_, payload) => (payload.includes('"N":"2"') ? 'FunctionError: Unhandled: Error: bus unreachable' : undefined));

    // Act
    const { run, lines } = runWith(store, new MemoryStreams(), { functionName: 'ddb-stream-reactor' }, {}, functions, DEPLOYED_REACTOR);
    const tally = await run;

    // Assess: the deployed function, not the project name the records carry (CloudFormation generates the name).
    expect(functions.invocations.map(({ target }) => target)).toEqual([{ functionName: DEPLOYED_REACTOR }, { functionName: DEPLOYED_REACTOR }]);
    expect(functions.payloads(DEPLOYED_REACTOR)).toEqual([`{"Records":[${first!.json}]}`, `{"Records":[${rocinante!.json}]}`]);
    expect([...store.objects.keys()].sort()).toEqual([second.key, third!.key].sort());
    expect(Object.fromEntries(tally.failed)).toEqual({ FunctionError: 1, BlockedByEarlierFailure: 1 });
    expect(lines).toContain(`failed ${third!.key}: BlockedByEarlierFailure: not re-driven, so as not to overtake ${second.key}, which failed`);
    expect(tally).toMatchObject({ listed: 4, redriven: 2, deleted: 2 });
  });

  it('only says what it would re-deliver in a dry run', async () => {
    // Prepare
    const change = quarantinedChange({ sequenceNumber: '1', name: 'Shadowfax', hp: 1 });
    const store = new MemoryStore().put(change.key, change.record);
    const functions = new MemoryFunctions();

    // Act
    const { run, lines } = runWith(store, new MemoryStreams(), { functionName: 'ddb-stream-reactor', dryRun: true }, {}, functions, DEPLOYED_REACTOR);
    await run;

    // Assess
    expect(functions.invocations).toEqual([]);
    expect(store.objects.has(change.key)).toBe(true);
    expect(lines).toEqual([`would re-deliver ${change.key} to function ${DEPLOYED_REACTOR} (a one-record DynamoDB stream event, item "Shadowfax")`]);
  });

  it('refuses with a SetupError, changing nothing, to re-deliver DynamoDB stream records without the deployed function', async () => {
    // Prepare
    const change = quarantinedChange({ sequenceNumber: '1', name: 'Shadowfax', hp: 1 });
    const store = new MemoryStore().put(change.key, change.record);
    const functions = new MemoryFunctions();

    // Act / Assess
    await expect(runWith(store, new MemoryStreams(), { functionName: 'ddb-stream-reactor' }, {}, functions).run).rejects.toThrow(
      new SetupError('quarantined DynamoDB stream records of ddb-stream-reactor need the deployed function to re-deliver them to (--function-arn, or locations.functionArn)'),
    );
    expect(functions.invocations).toEqual([]);
    expect(store.objects.has(change.key)).toBe(true);
  });
});

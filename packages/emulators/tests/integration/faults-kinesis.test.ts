import { KinesisClient, ListShardsCommand, PutRecordCommand, PutRecordsCommand, type PutRecordCommandOutput } from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  FAULT_PROFILES,
  createKinesisStream,
  readShard,
  startFaultProxy,
  startKinesalite,
  type FaultKind,
  type InjectedFault,
  type RunningEmulator,
  type RunningFaultProxy,
} from '../../src/index';
import { clientConfig } from './helpers';

function kinesisClient(endpoint: string, maxAttempts = 3): KinesisClient {
  // kinesalite speaks HTTP/1.1 only; `maxAttempts: 3` is the SDK's standard retry mode default.
  return new KinesisClient({ ...clientConfig, endpoint, maxAttempts, requestHandler: new NodeHttpHandler() });
}

describe('fault proxy in front of kinesalite, with the SDK v3 Kinesis client', () => {
  let kinesis: RunningEmulator;
  let direct: KinesisClient;
  let proxy: RunningFaultProxy;
  let client: KinesisClient;
  let streamName: string;
  let shardId: string;
  let streams = 0;

  beforeAll(async () => {
    kinesis = await startKinesalite();
    direct = kinesisClient(kinesis.endpoint);
  });

  afterAll(async () => {
    direct?.destroy();
    await kinesis?.stop();
  });

  beforeEach(async () => {
    streams += 1;
    streamName = `faults-${streams}`;
    ({ shardIds: [shardId = ''] } = await createKinesisStream(direct, streamName));
    proxy = await startFaultProxy({ service: 'kinesis', target: kinesis.endpoint, seed: 42 });
    client = kinesisClient(proxy.endpoint);
  });

  afterEach(async () => {
    client.destroy();
    await proxy.stop();
  });

  const stored = async (): Promise<string[]> => (await readShard(direct, streamName, shardId)).map((record) => Buffer.from(record.Data ?? []).toString('utf8'));
  const putOne = (data: string, through = client): Promise<PutRecordCommandOutput> =>
    through.send(new PutRecordCommand({ StreamName: streamName, PartitionKey: 'unicorn-1', Data: Buffer.from(data) }));

  it('throttles with ProvisionedThroughputExceededException, which the SDK retries as throttling (a 400 it would not retry otherwise)', async () => {
    // Prepare
    proxy.failNext('throttle');
    const once = kinesisClient(proxy.endpoint, 1);

    // Act
    const retried = await putOne('retried');
    proxy.failNext('throttle');
    const error = await putOne('not retried', once).catch((caught: unknown) => caught);
    once.destroy();

    // Assess
    expect(retried.$metadata.attempts).toBe(2);
    expect(error).toMatchObject({ name: 'ProvisionedThroughputExceededException', $metadata: { httpStatusCode: 400 } });
    expect(proxy.counts().throttle).toBe(2);
    expect(await stored()).toEqual(['retried']);
  });

  it('fails with a 5xx that the SDK retries', async () => {
    // Prepare
    proxy.failNext('serverError');

    // Act
    const result = await putOne('after a 5xx');

    // Assess
    expect(result.$metadata.attempts).toBe(2);
    expect(proxy.counts().serverError).toBe(1);
    expect(await stored()).toEqual(['after a 5xx']);
  });

  it('drops the connection before forwarding: retried, written once', async () => {
    // Prepare
    proxy.failNext('dropBefore');

    // Act
    const result = await putOne('dropped before');

    // Assess
    expect(result.$metadata.attempts).toBe(2);
    expect(proxy.counts().dropBefore).toBe(1);
    expect(await stored()).toEqual(['dropped before']);
  });

  it('drops the connection after the emulator wrote: retried, so written twice, as in AWS', async () => {
    // Prepare
    proxy.failNext('dropAfter');

    // Act
    const result = await putOne('dropped after');

    // Assess
    expect(result.$metadata.attempts).toBe(2);
    expect(proxy.counts().dropAfter).toBe(1);
    expect(await stored()).toEqual(['dropped after', 'dropped after']);
  });

  it('fails part of a PutRecords batch: FailedRecordCount and per-record ErrorCode in order, withheld records really not written', async () => {
    // Prepare
    const data = Array.from({ length: 12 }, (_, index) => `record-${index}`);
    proxy.failNext('partialBatch');

    // Act
    const result = await client.send(
      new PutRecordsCommand({ StreamName: streamName, Records: data.map((text, index) => ({ Data: Buffer.from(text), PartitionKey: `key-${index}` })) }),
    );

    // Assess
    const results = result.Records ?? [];
    const failed = data.filter((_, index) => results[index]?.ErrorCode !== undefined);
    const written = data.filter((_, index) => results[index]?.SequenceNumber !== undefined);
    expect(results).toHaveLength(12);
    expect(failed.length).toBeGreaterThan(0);
    expect(result.FailedRecordCount).toBe(failed.length);
    expect(proxy.counts()).toMatchObject({ partialBatch: 1, partialEntries: failed.length });
    for (const entry of results.filter((entry) => entry.ErrorCode !== undefined)) {
      expect(['ProvisionedThroughputExceededException', 'InternalFailure']).toContain(entry.ErrorCode);
      expect(entry.ErrorMessage).toEqual(expect.any(String));
    }
    expect(await stored()).toEqual(written);
  });

  it('an unavailable outage answers 503 ServiceUnavailable until it ends', async () => {
    // Prepare
    const once = kinesisClient(proxy.endpoint, 1);
    proxy.startOutage(60_000, 'unavailable');

    // Act
    const during = await putOne('during', once).catch((caught: unknown) => caught);
    proxy.endOutage();
    const after = await putOne('after', once);
    once.destroy();

    // Assess
    expect(during).toMatchObject({ name: 'ServiceUnavailable', $metadata: { httpStatusCode: 503 } });
    expect(after.$metadata.httpStatusCode).toBe(200);
    expect(proxy.counts().outage).toBe(1);
    expect(await stored()).toEqual(['after']);
  });

  it('a denied outage answers AccessDeniedException, which the SDK does not retry, until it ends', async () => {
    // Prepare: a client that would retry anything retryable.
    const patient = kinesisClient(proxy.endpoint, 3);
    proxy.startOutage(60_000, 'denied');

    // Act
    const during = await putOne('during', patient).catch((caught: unknown) => caught);
    proxy.endOutage();
    const after = await putOne('after', patient);
    patient.destroy();

    // Assess: one attempt only (an access error is not transient), in Kinesis's JSON 1.1 shape.
    expect(during).toMatchObject({ name: 'AccessDeniedException', $metadata: { httpStatusCode: 400, attempts: 1 } });
    expect(after.$metadata.httpStatusCode).toBe(200);
    expect(proxy.counts().outage).toBe(1);
    expect(await stored()).toEqual(['after']);
  });

  it('a refused outage drops every connection, and ends by itself after its duration', async () => {
    // Prepare
    const once = kinesisClient(proxy.endpoint, 1);
    const ended = new Promise<void>((resolve) => proxy.onOutageEnd(resolve));
    proxy.startOutage(300, 'refused');

    // Act
    const during = await putOne('during', once).catch((caught: unknown) => caught);
    await ended;
    const after = await putOne('after', once);
    once.destroy();

    // Assess
    expect(during).toMatchObject({ code: 'ECONNRESET' });
    expect(proxy.outage()).toBeUndefined();
    expect(after.$metadata.httpStatusCode).toBe(200);
    expect(await stored()).toEqual(['after']);
  });

  it('only faults the operations the filter accepts', async () => {
    // Prepare
    const filtered = await startFaultProxy({ service: 'kinesis', target: kinesis.endpoint, plan: { ...FAULT_PROFILES.none, throttle: 1 }, operations: (operation) => operation === 'PutRecord' });
    const once = kinesisClient(filtered.endpoint, 1);

    // Act
    const listed = await once.send(new ListShardsCommand({ StreamName: streamName }));
    const put = await putOne('throttled', once).catch((caught: unknown) => caught);
    once.destroy();
    await filtered.stop();

    // Assess
    expect(listed.Shards).toHaveLength(1);
    expect(put).toMatchObject({ name: 'ProvisionedThroughputExceededException' });
    expect(filtered.counts().throttle).toBe(1);
  });

  it('is reproducible: the same seed and requests give the same faults, another seed others', async () => {
    // Prepare
    const run = async (seed: number): Promise<string[]> => {
      const faults: InjectedFault[] = [];
      const seeded = await startFaultProxy({ service: 'kinesis', target: kinesis.endpoint, plan: FAULT_PROFILES.heavy, seed, onFault: (fault) => faults.push(fault) });
      const once = kinesisClient(seeded.endpoint, 1);
      const outcomes: string[] = [];
      for (let call = 0; call < 40; call += 1) {
        const before = faults.length;
        const records = Array.from({ length: 5 }, (_, index) => ({ Data: Buffer.from(`${seed}-${call}-${index}`), PartitionKey: `k${index}` }));
        const result = await once.send(new PutRecordsCommand({ StreamName: streamName, Records: records })).catch(() => undefined);
        const fault = faults[before];
        outcomes.push(`${fault?.kind ?? 'none'}:${fault?.errorCode ?? ''}:${result?.Records?.map((entry) => entry.ErrorCode ?? '.').join('') ?? 'error'}`);
      }
      once.destroy();
      await seeded.stop();
      return outcomes;
    };

    // Act
    const first = await run(7);
    const again = await run(7);
    const other = await run(8);

    // Assess
    const kinds = new Set(first.map((outcome) => outcome.split(':')[0] as FaultKind | 'none'));
    expect(kinds.size).toBeGreaterThan(2);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });
});

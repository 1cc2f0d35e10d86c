import { KinesisClient, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  PortInUseError,
  createKinesisStream,
  followShard,
  isPortFree,
  kinesisEventFromRecords,
  listShardIds,
  readShard,
  startKinesalite,
  type RunningEmulator,
} from '../../src/index';
import { clientConfig, occupyPort } from './helpers';

describe('startKinesalite', () => {
  let kinesis: RunningEmulator;
  let client: KinesisClient;

  beforeAll(async () => {
    // kinesalite builds stream ARNs from these variables when it is created.
    vi.stubEnv('AWS_REGION', 'us-east-1');
    vi.stubEnv('AWS_ACCOUNT_ID', '000000000000');
    kinesis = await startKinesalite();
    vi.unstubAllEnvs();
    // kinesalite speaks HTTP/1.1 only; the SDK's default HTTP/2 handler fails with ERR_HTTP2_ERROR.
    client = new KinesisClient({ ...clientConfig, endpoint: kinesis.endpoint, requestHandler: new NodeHttpHandler() });
  });

  afterAll(async () => {
    client?.destroy();
    await kinesis?.stop();
  });

  it('listens on a loopback endpoint', () => {
    expect(kinesis.name).toBe('kinesalite');
    expect(kinesis.endpoint).toBe(`http://127.0.0.1:${kinesis.port}`);
  });

  it('creates a stream, accepts PutRecords and returns the records through GetRecords as a Lambda event', async () => {
    const { streamArn, shardIds } = await createKinesisStream(client, 'rides');
    expect(streamArn).toBe('arn:aws:kinesis:us-east-1:000000000000:stream/rides');
    expect(shardIds).toEqual(['shardId-000000000000']);

    const put = await client.send(
      new PutRecordsCommand({
        StreamName: 'rides',
        Records: [1, 2, 3].map((n) => ({ PartitionKey: `unicorn-${n}`, Data: Buffer.from(JSON.stringify({ n })) })),
      }),
    );
    expect(put.FailedRecordCount).toBe(0);

    const shardId = shardIds[0]!;
    const records = await readShard(client, 'rides', shardId, { limit: 2 });
    expect(records.map((r) => JSON.parse(Buffer.from(r.Data!).toString()))).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);

    const before = Date.now() / 1000;
    const event = kinesisEventFromRecords(records, { streamArn, shardId });
    expect(event.Records).toHaveLength(3);
    const first = event.Records[0]!;
    expect(first.eventID).toBe(`${shardId}:${records[0]!.SequenceNumber}`);
    expect(first.eventSourceARN).toBe(streamArn);
    expect(first.awsRegion).toBe('us-east-1');
    expect(JSON.parse(Buffer.from(first.kinesis.data, 'base64').toString())).toEqual({ n: 1 });
    // Seconds since the epoch (not milliseconds), close to now.
    expect(first.kinesis.approximateArrivalTimestamp).toBeGreaterThan(before - 60);
    expect(first.kinesis.approximateArrivalTimestamp).toBeLessThan(before + 60);
  });

  it('supports more than 10 shards by default', async () => {
    const { shardIds } = await createKinesisStream(client, 'wide', { shardCount: 20 });

    expect(shardIds).toHaveLength(20);
    expect(new Set(shardIds).size).toBe(20);
    expect(await listShardIds(client, 'wide')).toEqual(shardIds);
  });

  it('lets createKinesisStream pass on CreateStream errors: a name in use, a shard count of 0', async () => {
    // Prepare
    await createKinesisStream(client, 'taken');

    // Act
    const inUse = await createKinesisStream(client, 'taken').catch((e: unknown) => e);
    const noShards = await createKinesisStream(client, 'empty', { shardCount: 0 }).catch((e: unknown) => e);

    // Assess
    expect(inUse).toMatchObject({ name: 'ResourceInUseException' });
    expect(noShards).toMatchObject({ name: 'ValidationException' });
  });

  it('follows a shard: each nextEvent delivers the records put since the previous one, once', async () => {
    // Prepare
    const { streamArn, shardIds } = await createKinesisStream(client, 'followed');
    const shard = followShard(client, { streamName: 'followed', streamArn, shardId: shardIds[0]! });
    const put = (values: number[]) =>
      client.send(new PutRecordsCommand({ StreamName: 'followed', Records: values.map((n) => ({ PartitionKey: 'k', Data: Buffer.from(String(n)) })) }));
    const values = (event: Awaited<ReturnType<typeof shard.nextEvent>>) =>
      event.Records.map((record) => Number(Buffer.from(record.kinesis.data, 'base64').toString()));

    // Act
    await put([1, 2]);
    const first = await shard.nextEvent();
    const nothingNew = await shard.nextEvent();
    await put([3]);
    const second = await shard.nextEvent();

    // Assess
    expect([values(first), values(nothingNew), values(second)]).toEqual([[1, 2], [], [3]]);
    expect(second.Records[0]).toMatchObject({ eventSourceARN: streamArn, eventID: `${shardIds[0]}:${second.Records[0]!.kinesis.sequenceNumber}` });
  });

  it('frees its port on stop and tolerates a second stop', async () => {
    const other = await startKinesalite();
    await other.stop();
    await other.stop();
    expect(await isPortFree(other.port)).toBe(true);
  });

  it('throws PortInUseError naming the port when an explicit port is taken', async () => {
    const taken = await occupyPort();
    try {
      const error = await startKinesalite({ port: taken.port }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PortInUseError);
      expect((error as PortInUseError).port).toBe(taken.port);
      expect((error as Error).message).toContain(String(taken.port));
    } finally {
      await taken.release();
    }
  });

  it('starts on an explicit free port', async () => {
    const probe = await occupyPort();
    await probe.release();
    const explicit = await startKinesalite({ port: probe.port });
    try {
      expect(explicit.port).toBe(probe.port);
    } finally {
      await explicit.stop();
    }
  });
});

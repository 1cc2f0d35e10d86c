import { CreateStreamCommand, DescribeStreamSummaryCommand, ListShardsCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import { pollStatus, type PollStatusOptions } from './poll-status';

/** Options for {@link createKinesisStream}. */
export interface CreateKinesisStreamOptions extends PollStatusOptions {
  /**
   * Shards of the new (provisioned) stream. kinesalite allows 50 shards in all here.
   * @default 1
   */
  shardCount?: number;
}

/** A stream {@link createKinesisStream} created, ACTIVE. */
export interface CreatedKinesisStream {
  readonly streamName: string;
  /** `arn:aws:kinesis:REGION:ACCOUNT:stream/NAME`, as Lambda events carry it in `eventSourceARN`. */
  readonly streamArn: string;
  /** Every shard's id (`shardId-000000000000`, …), in ListShards order. */
  readonly shardIds: readonly string[];
}

/**
 * Creates a Kinesis stream, waits until it is ACTIVE, and returns its ARN and shard ids: what a
 * test needs to read shards and build Lambda events. CreateStream's own errors (a name already
 * in use, a bad shard count) reach the caller unchanged.
 *
 * @throws ResourceNotReadyError when the stream is not ACTIVE within `timeoutMs`
 * @example
 * ```ts
 * const kinesis = new KinesisClient({ requestHandler: new NodeHttpHandler() });
 * const { streamArn, shardIds } = await createKinesisStream(kinesis, 'unicorn-telemetry', { shardCount: 2 });
 * const records = await readShard(kinesis, 'unicorn-telemetry', shardIds[0]);
 * ```
 */
export async function createKinesisStream(
  client: KinesisClient,
  streamName: string,
  options: CreateKinesisStreamOptions = {},
): Promise<CreatedKinesisStream> {
  await client.send(new CreateStreamCommand({ StreamName: streamName, ShardCount: options.shardCount ?? 1 }));
  const streamArn = await pollStatus(
    `Kinesis stream ${streamName}`,
    'ACTIVE',
    async () => {
      const { StreamDescriptionSummary: summary } = await client.send(new DescribeStreamSummaryCommand({ StreamName: streamName }));
      return { status: summary?.StreamStatus, value: summary?.StreamARN ?? '' };
    },
    options,
  );
  return { streamName, streamArn, shardIds: await listShardIds(client, streamName) };
}

/**
 * Every shard id of a stream, following ListShards pages.
 *
 * @example
 * ```ts
 * await listShardIds(kinesis, 'unicorn-telemetry'); // ['shardId-000000000000', 'shardId-000000000001']
 * ```
 */
export async function listShardIds(client: KinesisClient, streamName: string): Promise<string[]> {
  const shardIds: string[] = [];
  let nextToken: string | undefined;
  do {
    // ListShards takes either the stream name or a NextToken, never both.
    const page = await client.send(new ListShardsCommand(nextToken === undefined ? { StreamName: streamName } : { NextToken: nextToken }));
    shardIds.push(...(page.Shards ?? []).flatMap(({ ShardId }) => (ShardId === undefined ? [] : [ShardId])));
    nextToken = page.NextToken;
  } while (nextToken !== undefined);
  return shardIds;
}

import { GetRecordsCommand, GetShardIteratorCommand, type KinesisClient, type _Record } from '@aws-sdk/client-kinesis';

/** Options for {@link readShard}. */
export interface ReadShardOptions {
  /** `Limit` of each GetRecords call (1..10 000). Default 10 000. */
  limit?: number;
  /** Stop once this many records were read. Default: no cap. */
  maxRecords?: number;
}

/**
 * Reads a shard from TRIM_HORIZON until GetRecords returns no more records, and returns them
 * in order. Uses `StreamName` (kinesalite does not accept `StreamARN` alone).
 *
 * @example
 * ```ts
 * const records = await readShard(client, 'rides', 'shardId-000000000000', { limit: 100 });
 * ```
 */
export async function readShard(
  client: KinesisClient,
  streamName: string,
  shardId: string,
  options: ReadShardOptions = {},
): Promise<_Record[]> {
  const maxRecords = options.maxRecords ?? Number.POSITIVE_INFINITY;
  const { ShardIterator } = await client.send(
    new GetShardIteratorCommand({ StreamName: streamName, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }),
  );
  const records: _Record[] = [];
  let iterator = ShardIterator;
  while (iterator !== undefined && records.length < maxRecords) {
    const remaining = maxRecords - records.length;
    const limit = Math.min(options.limit ?? 10_000, remaining);
    const page = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: limit }));
    const batch = page.Records ?? [];
    records.push(...batch);
    if (batch.length === 0) break;
    iterator = page.NextShardIterator;
  }
  return records;
}

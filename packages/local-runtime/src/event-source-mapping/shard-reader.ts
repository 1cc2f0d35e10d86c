import { GetRecordsCommand, GetShardIteratorCommand, ListShardsCommand, type KinesisClient, type _Record as KinesisRecord } from '@aws-sdk/client-kinesis';
import {
  DescribeStreamCommand,
  GetRecordsCommand as GetStreamRecordsCommand,
  GetShardIteratorCommand as GetStreamShardIteratorCommand,
  type DynamoDBStreamsClient,
  type _Record as DynamoDbStreamRecord,
} from '@aws-sdk/client-dynamodb-streams';

export type StartingPosition = 'TRIM_HORIZON' | 'LATEST';

/** Reads one shard in order, like an event source mapping's poller. */
export interface ShardReader<TRecord> {
  readonly shardId: string;
  /** The next records (possibly none); `closed` once a closed shard is read to its end. */
  read(limit: number): Promise<{ records: TRecord[]; closed: boolean }>;
}

/** A Kinesis shard read with GetShardIterator and GetRecords. */
export class KinesisShardReader implements ShardReader<KinesisRecord> {
  private iterator: string | undefined;
  private lastSequenceNumber: string | undefined;

  constructor(
    private readonly client: KinesisClient,
    private readonly streamName: string,
    readonly shardId: string,
    private readonly startingPosition: StartingPosition,
  ) {}

  async read(limit: number): Promise<{ records: KinesisRecord[]; closed: boolean }> {
    this.iterator ??= (
      await this.client.send(
        new GetShardIteratorCommand({
          StreamName: this.streamName,
          ShardId: this.shardId,
          ...resumePosition(this.startingPosition, this.lastSequenceNumber),
        }),
      )
    ).ShardIterator;
    if (!this.iterator) return { records: [], closed: true };
    try {
      const result = await this.client.send(new GetRecordsCommand({ ShardIterator: this.iterator, Limit: Math.min(limit, 10_000) }));
      this.iterator = result.NextShardIterator;
      const records = result.Records ?? [];
      this.lastSequenceNumber = records.at(-1)?.SequenceNumber ?? this.lastSequenceNumber;
      return { records, closed: this.iterator === undefined };
    } catch (error) {
      if (isStaleIterator(error)) this.iterator = undefined;
      throw error;
    }
  }

  /** The stream's shard ids. */
  static async shardIds(client: KinesisClient, streamName: string): Promise<string[]> {
    const { Shards = [] } = await client.send(new ListShardsCommand({ StreamName: streamName }));
    return Shards.flatMap((shard) => (shard.ShardId ? [shard.ShardId] : []));
  }
}

/**
 * When the local poller first read each DynamoDB stream record. DynamoDB Local rounds
 * `ApproximateCreationDateTime` down to the minute, which would make every record look up to a
 * minute old; the local runtime ages DynamoDB records from their first read instead.
 */
export const firstReadAtMs = new WeakMap<object, number>();

/** A DynamoDB stream shard read with the DynamoDB Streams API. */
export class DynamoDbStreamShardReader implements ShardReader<DynamoDbStreamRecord> {
  private iterator: string | undefined;
  private lastSequenceNumber: string | undefined;

  constructor(
    private readonly client: DynamoDBStreamsClient,
    private readonly streamArn: string,
    readonly shardId: string,
    private readonly startingPosition: StartingPosition,
  ) {}

  async read(limit: number): Promise<{ records: DynamoDbStreamRecord[]; closed: boolean }> {
    this.iterator ??= (
      await this.client.send(
        new GetStreamShardIteratorCommand({
          StreamArn: this.streamArn,
          ShardId: this.shardId,
          ...resumePosition(this.startingPosition, this.lastSequenceNumber),
        }),
      )
    ).ShardIterator;
    if (!this.iterator) return { records: [], closed: true };
    let result;
    try {
      result = await this.client.send(new GetStreamRecordsCommand({ ShardIterator: this.iterator, Limit: Math.min(limit, 1_000) }));
    } catch (error) {
      if (isStaleIterator(error)) this.iterator = undefined;
      throw error;
    }
    this.iterator = result.NextShardIterator;
    const records = result.Records ?? [];
    this.lastSequenceNumber = records.at(-1)?.dynamodb?.SequenceNumber ?? this.lastSequenceNumber;
    const now = Date.now();
    for (const record of records) firstReadAtMs.set(record, now);
    return { records, closed: this.iterator === undefined };
  }

  /** The stream's shard ids, parents before children. */
  static async shardIds(client: DynamoDBStreamsClient, streamArn: string): Promise<string[]> {
    const { StreamDescription } = await client.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    return (StreamDescription?.Shards ?? []).flatMap((shard) => (shard.ShardId ? [shard.ShardId] : []));
  }
}

/** Where to (re)start reading: after the last record read, or at the starting position. */
function resumePosition(
  startingPosition: StartingPosition,
  lastSequenceNumber: string | undefined,
): { ShardIteratorType: StartingPosition | 'AFTER_SEQUENCE_NUMBER'; SequenceNumber?: string } {
  return lastSequenceNumber
    ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: lastSequenceNumber }
    : { ShardIteratorType: startingPosition };
}

/**
 * An iterator that can no longer be used: expired (Kinesis iterators live 5 minutes) or pointing
 * at trimmed data (DynamoDB Local answers this for a fresh stream's first iterator). The reader
 * gets a new one after the last record it read, so nothing is skipped or read twice.
 */
function isStaleIterator(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === 'ExpiredIteratorException' || name === 'TrimmedDataAccessException';
}

import type { KinesisClient, _Record as KinesisRecord } from '@aws-sdk/client-kinesis';
import type { DynamoDBStreamsClient, _Record as DynamoDbStreamRecord } from '@aws-sdk/client-dynamodb-streams';
import { compilePattern } from '@wildrydes/event-patterns';
import { dynamoDbStreamEventFromRecords, kinesisEventFromRecords } from '@wildrydes/emulators';
import { randomUUID } from 'node:crypto';
import type { StreamOnFailureRecord } from '@wildrydes/schemas';
import type { DiscardAttempts, InvokeOutcome } from './deliver-batch.js';
import type { DiscardReason } from './delivery-settings.js';
import { emptyStats, type MappingStats } from './mapping-stats.js';
import { streamOnFailureRecord } from './on-failure-record.js';
import { dynamoDbCodec, kinesisCodec, type FilterPredicate } from './record-codecs.js';
import { ShardPoller } from './shard-poller.js';
import { DynamoDbStreamShardReader, KinesisShardReader, type StartingPosition } from './shard-reader.js';

/** The event source mapping's settings, resolved from the function's declaration. */
export interface MappingSettings {
  readonly batchSize: number;
  readonly maxBatchingWindowSeconds: number;
  readonly startingPosition: StartingPosition;
  readonly retryAttempts: number;
  readonly maxRecordAgeSeconds: number;
  readonly bisectBatchOnError: boolean;
  readonly reportBatchItemFailures: boolean;
  readonly filterPatterns?: readonly Record<string, unknown>[];
}

export type MappingSource =
  | { readonly kind: 'kinesis'; readonly client: KinesisClient; readonly streamName: string; readonly streamArn: string }
  | { readonly kind: 'dynamodb-stream'; readonly client: DynamoDBStreamsClient; readonly streamArn: string };

/** One batch given up on, as Lambda hands it to the mapping's on-failure destination. */
export interface OnFailureDelivery {
  /** The mapping's UUID: S3 destinations file the record under `aws/lambda/<ESM-UUID>/`. */
  readonly mappingUuid: string;
  readonly shardId: string;
  /** The invocation record, in AWS's format, with the whole batch in `payload`. */
  readonly record: StreamOnFailureRecord;
  readonly recordCount: number;
}

export interface StreamMappingOptions {
  readonly functionName: string;
  /** `arn:aws:lambda:<region>:<account>:function:<name>`, as on-failure records name it. */
  readonly functionArn: string;
  readonly source: MappingSource;
  readonly settings: MappingSettings;
  invoke(event: unknown): Promise<InvokeOutcome>;
  /** Records given up on; the shard moves on once this settles, as Lambda's does once the destination has them. */
  onFailure(delivery: OnFailureDelivery): void | Promise<void>;
  /** Kinesis records the function handled successfully (for end-to-end latency). */
  succeeded?(records: readonly KinesisRecord[]): void;
  readonly pollIntervalMs?: number;
  readonly retryDelayMs?: number;
}

/**
 * One emulated event source mapping: a poller per shard of a Kinesis stream or DynamoDB stream,
 * delivering to one function with the declared batching, filters and error handling.
 */
export class StreamMapping {
  /** The mapping's id, as Lambda gives each event source mapping one (`UUID`). */
  readonly uuid = randomUUID();
  private readonly pollers = new Map<string, { poller: ShardPoller<unknown>; stats: MappingStats }>();
  private discovery: NodeJS.Timeout | undefined;
  private readonly filter: FilterPredicate | undefined;

  constructor(private readonly options: StreamMappingOptions) {
    const compiled = (options.settings.filterPatterns ?? []).map((pattern) => compilePattern(pattern));
    this.filter = compiled.length > 0 ? (view) => compiled.some((matches) => matches(view)) : undefined;
  }

  async start(): Promise<void> {
    await this.discoverShards();
    // DynamoDB streams roll over to new shards; look for them as Lambda does.
    this.discovery = setInterval(() => void this.discoverShards().catch(() => undefined), 5_000);
  }

  async stop(): Promise<void> {
    clearInterval(this.discovery);
    await Promise.all([...this.pollers.values()].map(({ poller }) => poller.stop()));
  }

  /** Whether every shard is read to its end and nothing is in flight. */
  get isIdle(): boolean {
    return [...this.pollers.values()].every(({ poller }) => poller.isIdle);
  }

  /** Totals over all shards; lag is the largest shard's. */
  stats(): MappingStats {
    const total = emptyStats();
    for (const { stats } of this.pollers.values()) {
      for (const key of Object.keys(total) as Array<keyof MappingStats>) {
        total[key] = key === 'lagMs' ? Math.max(total.lagMs, stats.lagMs) : total[key] + stats[key];
      }
    }
    return total;
  }

  private async discoverShards(): Promise<void> {
    const { source } = this.options;
    const shardIds =
      source.kind === 'kinesis'
        ? await KinesisShardReader.shardIds(source.client, source.streamName)
        : await DynamoDbStreamShardReader.shardIds(source.client, source.streamArn);
    for (const shardId of shardIds) {
      if (this.pollers.has(shardId)) continue;
      const stats = emptyStats();
      const poller = source.kind === 'kinesis' ? this.kinesisPoller(source, shardId, stats) : this.dynamoDbPoller(source, shardId, stats);
      this.pollers.set(shardId, { poller: poller as ShardPoller<unknown>, stats });
      void poller.start();
    }
  }

  private common(stats: MappingStats) {
    const { settings } = this.options;
    return {
      batchSize: settings.batchSize,
      maxBatchingWindowMs: settings.maxBatchingWindowSeconds * 1000,
      pollIntervalMs: this.options.pollIntervalMs ?? 200,
      stats,
      delivery: {
        retryAttempts: settings.retryAttempts,
        maxRecordAgeSeconds: settings.maxRecordAgeSeconds,
        bisectBatchOnError: settings.bisectBatchOnError,
        reportBatchItemFailures: settings.reportBatchItemFailures,
        retryDelayMs: this.options.retryDelayMs ?? 100,
      },
    };
  }

  private kinesisPoller(source: Extract<MappingSource, { kind: 'kinesis' }>, shardId: string, stats: MappingStats) {
    const codec = kinesisCodec(this.filter);
    const toEvent = (batch: readonly KinesisRecord[]) => kinesisEventFromRecords(batch, { streamArn: source.streamArn, shardId });
    return new ShardPoller<KinesisRecord>({
      ...this.common(stats),
      reader: new KinesisShardReader(source.client, source.streamName, shardId, this.options.settings.startingPosition),
      codec,
      invoke: (batch) => this.options.invoke(toEvent(batch)),
      ...(this.options.succeeded ? { succeeded: this.options.succeeded } : {}),
      discarded: this.discardedTo({ kind: 'kinesis', shardId, streamArn: source.streamArn, codec, toEvent }),
    });
  }

  private dynamoDbPoller(source: Extract<MappingSource, { kind: 'dynamodb-stream' }>, shardId: string, stats: MappingStats) {
    const eventSource = { streamArn: source.streamArn };
    const codec = dynamoDbCodec(this.filter, eventSource);
    const toEvent = (batch: readonly DynamoDbStreamRecord[]) => dynamoDbStreamEventFromRecords(batch, eventSource);
    return new ShardPoller<DynamoDbStreamRecord>({
      ...this.common(stats),
      reader: new DynamoDbStreamShardReader(source.client, source.streamArn, shardId, this.options.settings.startingPosition),
      codec,
      invoke: (batch) => this.options.invoke(toEvent(batch)),
      discarded: this.discardedTo({ kind: 'dynamodb-stream', shardId, streamArn: source.streamArn, codec, toEvent }),
    });
  }

  /** A shard poller's `discarded`: the given-up records as the invocation record of the mapping's on-failure destination. */
  private discardedTo<TRecord>(shard: {
    kind: 'kinesis' | 'dynamodb-stream';
    shardId: string;
    streamArn: string;
    codec: { idOf(record: TRecord): string; arrivalMsOf(record: TRecord): number };
    toEvent(records: readonly TRecord[]): unknown;
  }) {
    return (records: readonly TRecord[], condition: DiscardReason, _lastError: string | undefined, attempts: DiscardAttempts) =>
      this.reportFailure({ ...shard, condition, attempts, records, event: shard.toEvent(records) });
  }

  private reportFailure<TRecord>(batch: {
    kind: 'kinesis' | 'dynamodb-stream';
    shardId: string;
    streamArn: string;
    condition: DiscardReason;
    attempts: DiscardAttempts;
    records: readonly TRecord[];
    codec: { idOf(record: TRecord): string; arrivalMsOf(record: TRecord): number };
    event: unknown;
  }): void | Promise<void> {
    const first = batch.records[0] as TRecord;
    const last = batch.records.at(-1) as TRecord;
    return this.options.onFailure({
      mappingUuid: this.uuid,
      shardId: batch.shardId,
      recordCount: batch.records.length,
      record: streamOnFailureRecord({
        kind: batch.kind,
        functionArn: this.options.functionArn,
        requestId: randomUUID(),
        condition: batch.condition,
        attempts: batch.attempts,
        at: new Date(),
        shardId: batch.shardId,
        streamArn: batch.streamArn,
        firstSequenceNumber: batch.codec.idOf(first),
        lastSequenceNumber: batch.codec.idOf(last),
        firstArrivalMs: batch.codec.arrivalMsOf(first),
        lastArrivalMs: batch.codec.arrivalMsOf(last),
        batchSize: batch.records.length,
        event: batch.event,
      }),
    });
  }
}

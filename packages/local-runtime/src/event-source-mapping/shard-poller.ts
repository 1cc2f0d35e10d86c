import { deliverBatch, type DiscardAttempts, type InvokeOutcome } from './deliver-batch.js';
import type { DeliverySettings, DiscardReason } from './delivery-settings.js';
import type { MappingStats } from './mapping-stats.js';
import type { ShardReader } from './shard-reader.js';

/** How records of one source look to the poller. */
export interface RecordCodec<TRecord> {
  idOf(record: TRecord): string;
  arrivalMsOf(record: TRecord): number;
  /** Whether the mapping's filter criteria let the record through (no filters: always). */
  passesFilters(record: TRecord): boolean;
}

export interface ShardPollerOptions<TRecord> {
  readonly reader: ShardReader<TRecord>;
  readonly codec: RecordCodec<TRecord>;
  readonly batchSize: number;
  readonly maxBatchingWindowMs: number;
  /** Pause between reads of an empty shard. */
  readonly pollIntervalMs: number;
  readonly delivery: DeliverySettings;
  readonly stats: MappingStats;
  invoke(batch: readonly TRecord[]): Promise<InvokeOutcome>;
  /** Records given up on; the shard moves on once the returned promise settles (the on-failure destination has them). */
  discarded(records: readonly TRecord[], reason: DiscardReason, lastError: string | undefined, attempts: DiscardAttempts): void | Promise<void>;
  /** Records the function handled successfully, in stream order. */
  succeeded?(records: readonly TRecord[]): void;
  /** A read of the shard failed (it is retried). */
  readFailed?(error: unknown): void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls one shard like Lambda's event source mapping: reads records in order, drops those the
 * filter criteria reject, gathers a batch until `batchSize` records or the batching window has
 * passed, and delivers it with {@link deliverBatch} before reading on, so a shard is processed
 * strictly in order, one batch at a time.
 */
export class ShardPoller<TRecord> {
  private stopped = false;
  private buffer: TRecord[] = [];
  private inFlight: TRecord | undefined;
  private idle = false;
  private done: Promise<void> | undefined;

  constructor(private readonly options: ShardPollerOptions<TRecord>) {}

  /** Whether the shard was empty at the last read and nothing is buffered or in flight. */
  get isIdle(): boolean {
    return this.idle && this.buffer.length === 0 && this.inFlight === undefined;
  }

  start(): Promise<void> {
    this.done ??= this.run();
    return this.done;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.done;
  }

  private async run(): Promise<void> {
    const { options } = this;
    let closed = false;
    while (!this.stopped) {
      let windowStartedMs: number | undefined;
      while (!this.stopped && !closed && this.buffer.length < options.batchSize) {
        let read: { records: TRecord[]; closed: boolean };
        try {
          read = await options.reader.read(options.batchSize - this.buffer.length);
        } catch (error) {
          // Like Lambda's pollers: a failed read is retried, it never stops the mapping.
          options.stats.readErrors += 1;
          options.readFailed?.(error);
          await sleep(options.pollIntervalMs * 5);
          continue;
        }
        closed = read.closed;
        options.stats.recordsIn += read.records.length;
        const passing = read.records.filter((record) => options.codec.passesFilters(record));
        options.stats.filtered += read.records.length - passing.length;
        this.buffer.push(...passing);
        this.idle = read.records.length === 0;
        this.updateLag();
        if (this.buffer.length === 0) {
          if (closed) break;
          await sleep(options.pollIntervalMs);
          continue;
        }
        windowStartedMs ??= Date.now();
        if (Date.now() - windowStartedMs >= options.maxBatchingWindowMs) break;
        if (read.records.length === 0) await sleep(Math.min(options.pollIntervalMs, options.maxBatchingWindowMs));
      }
      if (this.buffer.length === 0) {
        if (closed) return;
        continue;
      }
      const batch = this.buffer.splice(0, options.batchSize);
      this.idle = false;
      this.inFlight = batch[0];
      await this.deliver(batch);
      this.inFlight = undefined;
      this.updateLag();
    }
  }

  private async deliver(batch: TRecord[]): Promise<void> {
    const { options } = this;
    await deliverBatch(batch, options.delivery, options.codec, {
      invoke: async (records) => {
        options.stats.invocations += 1;
        const outcome = await options.invoke(records);
        const failed =
          outcome.kind === 'error' ||
          ((outcome.response as { batchItemFailures?: unknown[] } | null)?.batchItemFailures?.length ?? 0) > 0;
        if (failed) options.stats.failedInvocations += 1;
        return outcome;
      },
      succeeded: (records) => {
        options.stats.succeeded += records.length;
        if (records.length > 0) options.succeeded?.(records);
      },
      discarded: (records, reason, lastError, attempts) => {
        options.stats.discarded += records.length;
        return options.discarded(records, reason, lastError, attempts);
      },
      retrying: () => {
        options.stats.retries += 1;
      },
      nowMs: Date.now,
      sleep,
    });
  }

  private updateLag(): void {
    const oldest = this.inFlight ?? this.buffer[0];
    this.options.stats.lagMs = oldest === undefined ? 0 : Math.max(0, Date.now() - this.options.codec.arrivalMsOf(oldest));
  }
}

import type { StartingPosition, StreamBatchSettings, StreamTrigger } from './types.js';

/**
 * Safe event-source-mapping defaults for stream consumers. Lambda's own defaults (unbounded
 * retries, no bisect, unbounded record age) let one poison record block a shard until the
 * record expires; these bound the damage instead.
 */
export const STREAM_CONSUMER_DEFAULTS = {
  /** Start from the oldest record, so nothing written before the mapping existed is skipped. */
  startingPosition: 'TRIM_HORIZON' as StartingPosition,
  /** One batch per shard keeps strict per-shard order. */
  parallelizationFactor: 1,
  /**
   * Bounded: with bisect on, a poison record is isolated in about log2(batchSize) splits
   * (splits do not count as retries), and the rest of the batch is retried 3 times
   * before the failure goes to the on-failure destination.
   */
  retryAttempts: 3,
  /**
   * One hour. Older records skip the function and are sent (as shard and sequence-number
   * metadata) to the on-failure destination. With the platform's 24-hour stream retention that
   * leaves about 23 hours to re-drive them from the stream; the iterator-age alarm (default 60 s)
   * fires long before a record gets this old.
   */
  maxRecordAgeSeconds: 3600,
  bisectBatchOnError: true,
  /** Not configurable: every handler returns `batchItemFailures`. */
  reportBatchItemFailures: true,
} as const;

/** Batch settings with every optional field filled in. */
export interface ResolvedStreamSettings extends Required<StreamBatchSettings> {
  readonly reportBatchItemFailures: true;
}

/** A trigger with every optional setting filled in. */
export type ResolvedStreamTrigger = StreamTrigger & ResolvedStreamSettings;

/**
 * Fills the optional settings of a trigger with {@link STREAM_CONSUMER_DEFAULTS}; values the
 * declaration gives win.
 *
 * @example
 * ```ts
 * resolveTriggerSettings({ type: 'kinesis', stream: 'telemetryClean', batchSize: 100, maxBatchingWindowSeconds: 1 })
 *   .retryAttempts; // 3
 * ```
 */
export function resolveTriggerSettings(trigger: StreamTrigger): ResolvedStreamTrigger {
  return {
    ...trigger,
    startingPosition: trigger.startingPosition ?? STREAM_CONSUMER_DEFAULTS.startingPosition,
    parallelizationFactor: trigger.parallelizationFactor ?? STREAM_CONSUMER_DEFAULTS.parallelizationFactor,
    retryAttempts: trigger.retryAttempts ?? STREAM_CONSUMER_DEFAULTS.retryAttempts,
    maxRecordAgeSeconds: trigger.maxRecordAgeSeconds ?? STREAM_CONSUMER_DEFAULTS.maxRecordAgeSeconds,
    bisectBatchOnError: trigger.bisectBatchOnError ?? STREAM_CONSUMER_DEFAULTS.bisectBatchOnError,
    filterPatterns: trigger.filterPatterns ?? [],
    reportBatchItemFailures: STREAM_CONSUMER_DEFAULTS.reportBatchItemFailures,
  };
}

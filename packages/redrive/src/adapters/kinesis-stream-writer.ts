import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { InvalidOptionsError, deadlineAt, putRecords, type PutRecordsLimits, type RetryOptions } from '@wildrydes/aws-clients';
import type { StreamWriter } from '../ports.js';

/** How hard the writer tries. */
export interface KinesisStreamWriterSettings {
  /**
   * Time for one put (up to one window of records), retries included. A record of a partition
   * key with many records waits for the ones before it (one round trip each), so leave room.
   * @default 120000
   */
  readonly putTimeoutMs?: number;
  readonly retry?: RetryOptions;
  /** For streams that accept large records. */
  readonly limits?: PutRecordsLimits;
  /** @default Date.now */
  readonly now?: () => number;
}

const DEFAULT_PUT_TIMEOUT_MS = 120_000;

/**
 * Puts records on Kinesis with `putRecords` from `@wildrydes/aws-clients`: order per partition
 * key (`ordering: 'per-partition-key'`), failed entries retried with capped backoff, bounded by
 * `maxAttempts` and a deadline `putTimeoutMs` away. A stream name `putRecords` refuses fails
 * every record instead of throwing.
 *
 * @example
 * ```ts
 * const writer = kinesisStreamWriter(createKinesisClient());
 * const { written, failed } = await writer.put('unicorn-telemetry', [{ ref: 0, partitionKey: 'Shadowfax', data }]);
 * ```
 */
export function kinesisStreamWriter(client: KinesisClient, settings: KinesisStreamWriterSettings = {}): StreamWriter {
  const now = settings.now ?? Date.now;
  return {
    async put(streamName, records) {
      try {
        const result = await putRecords(client, {
          streamName,
          records,
          ordering: 'per-partition-key',
          deadline: deadlineAt(now() + (settings.putTimeoutMs ?? DEFAULT_PUT_TIMEOUT_MS), { now }),
          ...(settings.retry === undefined ? {} : { retry: settings.retry }),
          ...(settings.limits === undefined ? {} : { limits: settings.limits }),
        });
        return {
          written: result.written.map(({ ref }) => ref),
          failed: result.failed.map(({ ref, retryable, code, reason }) => ({ ref, retryable, heldBack: code === 'BlockedByEarlierFailure', reason })),
        };
      } catch (error) {
        if (!(error instanceof InvalidOptionsError)) throw error;
        const reason = `InvalidStreamName: ${error.message}`;
        return { written: [], failed: records.map(({ ref }) => ({ ref, retryable: false, heldBack: false, reason })) };
      }
    },
  };
}

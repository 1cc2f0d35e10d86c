import type { KinesisStreamRecord } from 'aws-lambda';
import { toSensorItem, type UnicornSensorItem } from '@wildrydes/schemas';
import {
  processStreamBatch,
  type QuarantinePorts,
  type RecordSlot,
  type SinkFailure,
  type SinkRules,
  type SlotReport,
  type StreamBatchSteps,
} from '@wildrydes/stream-batch';
import { decodeRecord } from './decode-record.js';

/** A source record of the batch, ending `stored`, `quarantined` or `retry`. */
export type WriterSlot = RecordSlot<'stored'>;

/** The side effects the writer needs; the handler wires them to DynamoDB and S3. */
export interface WriterPorts extends QuarantinePorts {
  /**
   * Writes items; every ref ends written, superseded (the next put of its key carries the same
   * item, and was written) or failed. Puts of one key are written in order, so a put that fails
   * for good fails alone (see `batchWriteItems`).
   */
  writeItems(puts: ReadonlyArray<{ ref: WriterSlot; item: UnicornSensorItem }>): Promise<{
    readonly written: readonly WriterSlot[];
    readonly superseded: readonly WriterSlot[];
    readonly failed: ReadonlyArray<SinkFailure<WriterSlot>>;
  }>;
}

/**
 * How DynamoDB's outcome reads: a written item is `stored`; one the batch writer fails with code
 * `TooLarge` (over 400 KB, by its own estimate or by DynamoDB's verdict) is quarantined as
 * `TOO_LARGE`.
 */
const DYNAMODB: SinkRules<'stored'> = { done: 'stored', sink: 'DynamoDB', unit: 'item' };

/**
 * Processes one Kinesis batch: decodes and validates every record, writes the readings to the
 * table, quarantines the records that can never succeed (bad base64, bad JSON, schema violation,
 * rejected by DynamoDB as invalid or too large) and reports the rest for retry. No record is
 * dropped: each one is stored, quarantined, or in `batchItemFailures`. Readings of one key are
 * written in order, so a reading DynamoDB rejects for good is quarantined alone and the reading of
 * its key before it stays stored, however the stream was cut into batches. A superseded put (the
 * next reading of its key is the same item, and was stored) counts as stored.
 *
 * @example
 * ```ts
 * const result = await processBatch(event.Records, ports, 'kinesis-ddb-writer');
 * result.summary; // { received: 100, stored: 99, quarantined: 1, retry: 0 }
 * return result.response;
 * ```
 */
export function processBatch(
  records: readonly KinesisStreamRecord[],
  ports: WriterPorts,
  functionName: string,
): Promise<SlotReport<'stored'>> {
  const steps: StreamBatchSteps<'stored', { item: UnicornSensorItem }> = {
    ...DYNAMODB,
    functionName,
    prepare: (record) => {
      const decoded = decodeRecord(record.kinesis.data);
      return decoded.ok ? { ok: true, entry: { item: toSensorItem(decoded.reading) } } : decoded;
    },
    write: async (puts) => {
      const { written, superseded, failed } = await ports.writeItems(puts);
      return { succeeded: [...written, ...superseded], failed };
    },
  };
  return processStreamBatch(records, steps, ports);
}

import type { KinesisStreamRecord } from 'aws-lambda';
import {
  decodeJsonRecord,
  processStreamBatch,
  type Prepared,
  type QuarantinePorts,
  type RecordSlot,
  type SinkFailure,
  type SinkRules,
  type SlotReport,
  type StreamBatchSteps,
} from '@wildrydes/stream-batch';
import { toCleanRecord, type CleanRecord } from './clean-record.js';
import { normaliseReading } from './normalise-reading.js';

/** A source record of the batch, ending `published`, `quarantined` or `retry`. */
export type RepublisherSlot = RecordSlot<'published'>;

/** The side effects the re-publisher needs; the handler wires them to Kinesis and S3. */
export interface RepublisherPorts extends QuarantinePorts {
  /**
   * Puts the records on the clean stream, in the order given, never letting a record overtake an
   * earlier one with the same partition key. Every ref ends in `written` or `failed`.
   */
  publish(records: ReadonlyArray<CleanRecord & { readonly ref: RepublisherSlot }>): Promise<{
    readonly written: readonly RepublisherSlot[];
    readonly failed: ReadonlyArray<SinkFailure<RepublisherSlot>>;
  }>;
}

export interface RepublisherSettings {
  /** The Nx project name, recorded as `quarantinedBy` and used as the quarantine key prefix. */
  readonly functionName: string;
  /** How far a reading's StatusTime may be ahead of its arrival in the raw stream. */
  readonly maxClockSkewMs: number;
}

/**
 * How Kinesis's outcome reads: a written record is `published`; one the batch writer fails with
 * code `TooLarge` (`RecordTooLarge`: data plus partition key over the record size limit) never
 * fits and is quarantined as `TOO_LARGE`.
 */
const KINESIS: SinkRules<'published'> = { done: 'published', sink: 'Kinesis', unit: 'record' };

/**
 * Processes one batch of the raw stream: decodes, validates and normalises every reading,
 * publishes the clean ones to the clean stream with the unicorn's `Name` as partition key, in
 * delivery order, and quarantines the records that can never succeed (bad base64, bad UTF-8 or
 * JSON, schema, range or timestamp violations, and records Kinesis rejects for good such as
 * `RecordTooLarge`). Every other record that was not published is in `batchItemFailures`,
 * including those the writer held back behind an earlier failed record of the same unicorn. No
 * record is dropped.
 *
 * @example
 * ```ts
 * const result = await processBatch(event.Records, ports, { functionName: 'kinesis-republisher', maxClockSkewMs: 300_000 });
 * result.summary; // { received: 500, published: 499, quarantined: 1, retry: 0 }
 * return result.response;
 * ```
 */
export function processBatch(
  records: readonly KinesisStreamRecord[],
  ports: RepublisherPorts,
  settings: RepublisherSettings,
): Promise<SlotReport<'published'>> {
  const steps: StreamBatchSteps<'published', CleanRecord> = {
    ...KINESIS,
    functionName: settings.functionName,
    prepare: (record) => cleanRecordOf(record, ports, settings),
    write: async (outgoing) => {
      const { written, failed } = await ports.publish(outgoing);
      return { succeeded: written, failed };
    },
  };
  return processStreamBatch(records, steps, ports);
}

function cleanRecordOf(
  record: KinesisStreamRecord,
  ports: Pick<RepublisherPorts, 'now'>,
  settings: RepublisherSettings,
): Prepared<CleanRecord> {
  const decoded = decodeJsonRecord(record.kinesis.data);
  if (!decoded.ok) return decoded;
  const normalised = normaliseReading(decoded.json, { arrivalMs: arrivalMsOf(record, ports), maxClockSkewMs: settings.maxClockSkewMs });
  if (!normalised.ok) return { ok: false, reason: 'SCHEMA_VIOLATION', detail: normalised.detail };
  return { ok: true, entry: toCleanRecord(normalised.reading) };
}

/** When the record reached the raw stream; Lambda always says, the clock is only a fallback. */
function arrivalMsOf(record: KinesisStreamRecord, ports: Pick<RepublisherPorts, 'now'>): number {
  const arrivalMs = record.kinesis.approximateArrivalTimestamp * 1000;
  return Number.isFinite(arrivalMs) ? arrivalMs : ports.now().getTime();
}

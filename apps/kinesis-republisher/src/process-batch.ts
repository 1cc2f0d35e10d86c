import type { KinesisStreamRecord } from 'aws-lambda';
import { toCleanRecord, type CleanRecord } from './clean-record.js';
import { normaliseReading } from './normalise-reading.js';
import {
  applyWriteOutcome,
  decodeJsonRecord,
  openSlots,
  quarantineSlots,
  reportSlots,
  type Poison,
  type QuarantineStore,
  type RecordSlot,
  type SinkFailure,
  type SlotReport,
} from './shared-candidates.js';

/** A source record of the batch, ending `published`, `quarantined` or `retry`. */
export type RepublisherSlot = RecordSlot<'published'>;

/** The side effects the re-publisher needs; the handler wires them to Kinesis and S3. */
export interface RepublisherPorts {
  /**
   * Puts the records on the clean stream, in the order given, never letting a record overtake an
   * earlier one with the same partition key. Every ref ends in `written` or `failed`.
   */
  publish(records: ReadonlyArray<CleanRecord & { readonly ref: RepublisherSlot }>): Promise<{
    readonly written: readonly RepublisherSlot[];
    readonly failed: ReadonlyArray<SinkFailure<RepublisherSlot>>;
  }>;
  /** Stores quarantine records; returns the ones that could not be stored. */
  quarantine: QuarantineStore;
  now(): Date;
}

export interface RepublisherSettings {
  /** The Nx project name, recorded as `quarantinedBy` and used as the quarantine key prefix. */
  readonly functionName: string;
  /** How far a reading's StatusTime may be ahead of its arrival in the raw stream. */
  readonly maxClockSkewMs: number;
}

/** Kinesis's way (and the batch writer's) of saying a record exceeds the record size limit. */
const TOO_LARGE = /^RecordTooLarge\b/;

/**
 * Processes one batch of the raw stream: decodes, validates and normalises every reading,
 * publishes the clean ones to the clean stream with the unicorn's `Name` as partition key, in
 * delivery order, and quarantines the records that can never succeed (bad base64, bad UTF-8 or
 * JSON, schema, range or timestamp violations, and records Kinesis rejects for good such as
 * `RecordTooLarge`). Every other record that was not published is in `batchItemFailures`,
 * including those the writer held back behind an earlier failed record of the same unicorn. No
 * record is dropped.
 */
export async function processBatch(
  records: readonly KinesisStreamRecord[],
  ports: RepublisherPorts,
  settings: RepublisherSettings,
): Promise<SlotReport<'published'>> {
  const slots = openSlots<'published'>(records);
  const outgoing: Array<CleanRecord & { ref: RepublisherSlot }> = [];
  for (const slot of slots) {
    const clean = cleanReadingOf(slot.record, ports, settings);
    if ('poison' in clean) slot.poison = clean.poison;
    else outgoing.push({ ref: slot, ...clean.record });
  }

  const quarantine = (poisoned: readonly RepublisherSlot[]) =>
    quarantineSlots(poisoned, ports.quarantine, { functionName: settings.functionName, quarantinedAt: ports.now().toISOString() });
  // Poison found while decoding is quarantined while the puts run, so slow puts cannot use up
  // the invocation's time before the quarantine gets its turn.
  const [published] = await Promise.all([
    outgoing.length > 0 ? ports.publish(outgoing) : undefined,
    quarantine(slots.filter((slot) => slot.poison)),
  ]);
  const rejected = applyWriteOutcome(
    { succeeded: published?.written ?? [], failed: published?.failed ?? [] },
    { done: 'published', sink: 'Kinesis', tooLarge: TOO_LARGE },
  );
  await quarantine(rejected);
  return reportSlots(slots, 'published');
}

function cleanReadingOf(
  record: KinesisStreamRecord,
  ports: Pick<RepublisherPorts, 'now'>,
  settings: RepublisherSettings,
): { record: CleanRecord } | { poison: Poison } {
  const decoded = decodeJsonRecord(record.kinesis.data);
  if (!decoded.ok) return { poison: { reason: decoded.reason, detail: decoded.detail } };
  const normalised = normaliseReading(decoded.json, { arrivalMs: arrivalMsOf(record, ports), maxClockSkewMs: settings.maxClockSkewMs });
  if (!normalised.ok) return { poison: { reason: 'SCHEMA_VIOLATION', detail: normalised.detail } };
  return { record: toCleanRecord(normalised.reading) };
}

/** When the record reached the raw stream; Lambda always says, the clock is only a fallback. */
function arrivalMsOf(record: KinesisStreamRecord, ports: Pick<RepublisherPorts, 'now'>): number {
  const arrivalMs = record.kinesis.approximateArrivalTimestamp * 1000;
  return Number.isFinite(arrivalMs) ? arrivalMs : ports.now().getTime();
}

import type { KinesisStreamRecord } from 'aws-lambda';
import { quarantineSlots, type QuarantineStore } from './quarantine-slots.js';
import { openSlots, type Poison, type RecordSlot } from './record-slot.js';
import { reportSlots, type SlotReport } from './slot-report.js';
import { applyWriteOutcome, type SinkRules, type WriteOutcome } from './write-outcome.js';

/** What one record becomes for the sink, or why it never can. */
export type Prepared<TEntry> = { readonly ok: true; readonly entry: TEntry } | ({ readonly ok: false } & Poison);

/** An entry for the sink, carrying the slot it came from as `ref`. */
export type SlotEntry<TDone extends string, TEntry extends object> = TEntry & { readonly ref: RecordSlot<TDone> };

/** What one stream consumer does with a batch; the function's own logic lives in `prepare`. */
export interface StreamBatchSteps<TDone extends string, TEntry extends object> extends SinkRules<TDone> {
  /** The Nx project name, recorded as `quarantinedBy`. */
  readonly functionName: string;
  /** Decodes and validates one record into its sink entry, or a poison. Pure; must not throw. */
  prepare(record: KinesisStreamRecord): Prepared<TEntry>;
  /** Writes the entries, in delivery order; every `ref` must end in `succeeded` or `failed`. */
  write(entries: ReadonlyArray<SlotEntry<TDone, TEntry>>): Promise<WriteOutcome<RecordSlot<TDone>>>;
}

/** The side effects quarantining needs; a function's ports usually extend this. */
export interface QuarantinePorts {
  /** Stores quarantine records; returns the ones that could not be stored. */
  quarantine: QuarantineStore;
  /** The clock, for `quarantinedAt`. */
  now(): Date;
}

/**
 * Processes one Kinesis batch: prepares every record, writes the entries to the sink, quarantines
 * the records that can never succeed (poison found while preparing, and entries the sink rejects
 * for good) and reports the rest for retry. No record is dropped: each one ends `done`,
 * `quarantined`, or in `batchItemFailures`. Neither the sink nor the store is called with
 * nothing to do.
 *
 * Poison found while preparing is quarantined while the write runs, so a slow write cannot use up
 * the invocation's time before the quarantine gets its turn.
 *
 * @example
 * ```ts
 * const report = await processStreamBatch(
 *   event.Records,
 *   {
 *     done: 'published', sink: 'Kinesis', unit: 'record',
 *     functionName: 'kinesis-republisher',
 *     prepare: (record) => {
 *       const decoded = decodeJsonRecord(record.kinesis.data);
 *       return decoded.ok ? { ok: true, entry: { partitionKey: 'k', data: encode(decoded.json) } } : decoded;
 *     },
 *     write: async (entries) => {
 *       const { written, failed } = await putRecords(kinesis, { streamName, records: entries, deadline });
 *       return { succeeded: written.map(({ ref }) => ref), failed };
 *     },
 *   },
 *   { quarantine: store, now: () => new Date() },
 * );
 * return report.response;
 * ```
 */
export async function processStreamBatch<TDone extends string, TEntry extends object>(
  records: readonly KinesisStreamRecord[],
  steps: StreamBatchSteps<TDone, TEntry>,
  ports: QuarantinePorts,
): Promise<SlotReport<TDone>> {
  const slots = openSlots<TDone>(records);
  const entries: Array<SlotEntry<TDone, TEntry>> = [];
  for (const slot of slots) {
    const prepared = steps.prepare(slot.record);
    if (prepared.ok) entries.push({ ...prepared.entry, ref: slot });
    else slot.poison = { reason: prepared.reason, detail: prepared.detail };
  }

  const quarantine = (poisoned: ReadonlyArray<RecordSlot<TDone>>) =>
    quarantineSlots(poisoned, ports.quarantine, { functionName: steps.functionName, quarantinedAt: ports.now().toISOString() });
  const [written] = await Promise.all([
    entries.length > 0 ? steps.write(entries) : undefined,
    quarantine(slots.filter((slot) => slot.poison)),
  ]);
  if (written) await quarantine(applyWriteOutcome(written, steps));
  return reportSlots(slots, steps.done);
}

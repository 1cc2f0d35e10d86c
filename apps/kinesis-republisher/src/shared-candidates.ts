/**
 * Stream-batch bookkeeping that is not specific to this function: strict decoding of a Kinesis
 * record's data, the per-record "slot" that ends stored, quarantined or retried, quarantine
 * records, and the Lambda response. apps/kinesis-ddb-writer does the same with its own copy
 * (decode-record.ts, process-batch.ts, batch-outcome.ts); this file is written so that it can
 * move to a shared package (`@wildrydes/stream-batch`) unchanged, and both functions import it
 * from there. Nothing here knows about telemetry, Kinesis as a sink, or this function.
 */
import type { KinesisStreamBatchResponse, KinesisStreamRecord } from 'aws-lambda';
import type { QuarantineReason, QuarantineRecord } from '@wildrydes/schemas';

/** Why a record can never succeed. (A type, not an interface, so that it can be logged as attributes.) */
export type Poison = {
  readonly reason: QuarantineReason;
  readonly detail: string;
};

/** What a Kinesis record's data turned out to be: parsed JSON, or why it is not JSON at all. */
export type DecodedJson =
  | { readonly ok: true; readonly json: unknown }
  | { readonly ok: false; readonly reason: 'INVALID_BASE64' | 'INVALID_JSON'; readonly detail: string };

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes the data of a Kinesis record as Lambda delivers it (base64) into parsed JSON. Pure,
 * never throws. `Buffer.from(s, 'base64')` silently skips invalid characters, so the base64 is
 * checked strictly first; the UTF-8 decoder is fatal, so a corrupted byte is an error rather than
 * a replacement character.
 *
 * @example
 * ```ts
 * decodeJsonRecord(Buffer.from('{"a":1}').toString('base64')); // { ok: true, json: { a: 1 } }
 * decodeJsonRecord('%%%'); // { ok: false, reason: 'INVALID_BASE64', detail: 'record data is not valid base64' }
 * ```
 */
export function decodeJsonRecord(data: string): DecodedJson {
  if (!BASE64.test(data)) return { ok: false, reason: 'INVALID_BASE64', detail: 'record data is not valid base64' };
  let text: string;
  try {
    text = utf8.decode(Buffer.from(data, 'base64'));
  } catch {
    return { ok: false, reason: 'INVALID_JSON', detail: 'record data is not valid UTF-8' };
  }
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: 'INVALID_JSON', detail: `record data is not JSON: ${(error as Error).message}` };
  }
}

/**
 * One source record of a batch and what became of it. It starts as `retry`, so a record nothing
 * else happened to is handed back to Lambda rather than lost; `TDone` names success (`'stored'`,
 * `'published'`).
 */
export interface RecordSlot<TDone extends string> {
  readonly record: KinesisStreamRecord;
  fate: TDone | 'quarantined' | 'retry';
  /** Why it can never succeed, once known. */
  poison?: Poison;
  /** Why it is handed back for retry, once known. */
  retryReason?: string;
}

/**
 * Fresh slots for a batch, every one `retry` until something better is known.
 *
 * @example
 * ```ts
 * const slots = openSlots<'published'>(event.Records);
 * ```
 */
export function openSlots<TDone extends string>(records: readonly KinesisStreamRecord[]): Array<RecordSlot<TDone>> {
  return records.map((record) => ({ record, fate: 'retry' }));
}

/**
 * The quarantine record of a Kinesis record: its original data (as delivered), why it was
 * rejected, and where it came from.
 *
 * @example
 * ```ts
 * toQuarantineRecord(record, { reason: 'INVALID_JSON', detail, quarantinedAt: now.toISOString(), functionName: 'kinesis-republisher' });
 * ```
 */
export function toQuarantineRecord(
  record: KinesisStreamRecord,
  why: Poison & { readonly quarantinedAt: string; readonly functionName: string },
): QuarantineRecord {
  return {
    schemaVersion: 1,
    quarantinedBy: why.functionName,
    quarantinedAt: why.quarantinedAt,
    reason: why.reason,
    detail: why.detail,
    origin: {
      kind: 'kinesis',
      eventSourceArn: record.eventSourceARN,
      shardId: record.eventID.split(':')[0] ?? record.eventID,
      sequenceNumber: record.kinesis.sequenceNumber,
      partitionKey: record.kinesis.partitionKey,
      approximateArrivalTimestamp: record.kinesis.approximateArrivalTimestamp,
    },
    data: record.kinesis.data,
  };
}

/** Stores quarantine records; returns the ones it could not store. */
export type QuarantineStore = (records: readonly QuarantineRecord[]) => Promise<{ failed: readonly QuarantineRecord[] }>;

/**
 * Quarantines the slots that carry a `poison`: each ends `quarantined`, or stays `retry` (with
 * `retryReason` 'quarantine write failed') when the store could not keep it, so it is not lost.
 *
 * @example
 * ```ts
 * await quarantineSlots(slots.filter((slot) => slot.poison), store, { functionName: 'kinesis-republisher', quarantinedAt });
 * ```
 */
export async function quarantineSlots<TDone extends string>(
  poisoned: ReadonlyArray<RecordSlot<TDone>>,
  store: QuarantineStore,
  by: { readonly functionName: string; readonly quarantinedAt: string },
): Promise<void> {
  const prepared = poisoned.flatMap((slot) => (slot.poison ? [{ slot, record: toQuarantineRecord(slot.record, { ...slot.poison, ...by }) }] : []));
  if (prepared.length === 0) return;
  const { failed } = await store(prepared.map(({ record }) => record));
  const notStored = new Set(failed);
  for (const { slot, record } of prepared) {
    if (notStored.has(record)) slot.retryReason = 'quarantine write failed';
    else slot.fate = 'quarantined';
  }
}

/** How a sink writer reports one input it did not write (the aws-clients batch writers' `WriteFailure`). */
export interface SinkFailure<TRef> {
  readonly ref: TRef;
  readonly retryable: boolean;
  readonly reason: string;
}

/**
 * Applies a sink write's outcome to the slots: written ones end `done`, retryable failures stay
 * `retry` with their reason, and non-retryable ones get a poison (`TOO_LARGE` when the reason
 * matches `tooLarge`, `REJECTED_BY_SINK` otherwise) and are returned, for the quarantine.
 *
 * @example
 * ```ts
 * const rejected = applyWriteOutcome(
 *   { succeeded: result.written.map(({ ref }) => ref), failed: result.failed },
 *   { done: 'published', sink: 'Kinesis', tooLarge: /^RecordTooLarge/ },
 * );
 * await quarantineSlots(rejected, store, by);
 * ```
 */
export function applyWriteOutcome<TDone extends string>(
  outcome: {
    readonly succeeded: Iterable<RecordSlot<TDone>>;
    readonly failed: Iterable<SinkFailure<RecordSlot<TDone>>>;
  },
  how: { readonly done: TDone; readonly sink: string; readonly tooLarge: RegExp },
): Array<RecordSlot<TDone>> {
  for (const slot of outcome.succeeded) slot.fate = how.done;
  const rejected: Array<RecordSlot<TDone>> = [];
  for (const { ref: slot, retryable, reason } of outcome.failed) {
    if (retryable) {
      slot.retryReason = reason;
      continue;
    }
    slot.poison = { reason: how.tooLarge.test(reason) ? 'TOO_LARGE' : 'REJECTED_BY_SINK', detail: `${how.sink} rejected the record: ${reason}` };
    rejected.push(slot);
  }
  return rejected;
}

/** What an invocation did, for the response and the log. */
export interface SlotReport<TDone extends string> {
  /**
   * Every `retry` slot's sequence number, in delivery order. Lambda checkpoints at the lowest
   * one and redelivers everything after it, in order, so a later record of a key can never
   * overtake a failed one; records after it that did succeed are processed again (duplicates).
   */
  readonly response: KinesisStreamBatchResponse;
  /** Records per fate, plus `received`. */
  readonly summary: Readonly<Record<TDone | 'quarantined' | 'retry' | 'received', number>>;
  readonly quarantined: ReadonlyArray<{ sequenceNumber: string } & Poison>;
  readonly failures: ReadonlyArray<{ sequenceNumber: string; reason: string }>;
}

/**
 * Reads the slots' fates into the Lambda response, counts and log details.
 *
 * @example
 * ```ts
 * const report = reportSlots(slots, 'published');
 * return report.response; // { batchItemFailures: [{ itemIdentifier: '4961...' }] }
 * ```
 */
export function reportSlots<TDone extends string>(slots: ReadonlyArray<RecordSlot<TDone>>, done: TDone): SlotReport<TDone> {
  const sequenceOf = (slot: RecordSlot<TDone>) => slot.record.kinesis.sequenceNumber;
  const retry = slots.filter((slot) => slot.fate === 'retry');
  const count = (fate: RecordSlot<TDone>['fate']) => slots.filter((slot) => slot.fate === fate).length;
  const summary = { received: slots.length, quarantined: count('quarantined'), retry: retry.length, [done]: count(done) };
  return {
    response: { batchItemFailures: retry.map((slot) => ({ itemIdentifier: sequenceOf(slot) })) },
    summary: summary as SlotReport<TDone>['summary'],
    quarantined: slots.flatMap((slot) =>
      slot.fate === 'quarantined' && slot.poison ? [{ sequenceNumber: sequenceOf(slot), ...slot.poison }] : [],
    ),
    failures: retry.map((slot) => ({ sequenceNumber: sequenceOf(slot), reason: slot.retryReason ?? 'unknown' })),
  };
}

import type { KinesisStreamRecord } from 'aws-lambda';
import { toSensorItem, type QuarantineReason, type QuarantineRecord, type UnicornSensorItem } from '@wildrydes/schemas';
import { summarise, toBatchResponse, type BatchSummary, type RecordFate } from './batch-outcome.js';
import { decodeRecord } from './decode-record.js';

/** One source record and what became of it in this invocation. */
export interface RecordSlot {
  readonly record: KinesisStreamRecord;
  fate: RecordFate;
  /** Why it can never succeed, once known. */
  poison?: { reason: QuarantineReason; detail: string };
  /** Why it is handed back for retry, once known. */
  retryReason?: string;
}

/** How the batch writer reports one failed item. */
export interface WriteFailure {
  readonly ref: RecordSlot;
  readonly retryable: boolean;
  readonly reason: string;
}

/** The side effects the writer needs; the handler wires them to DynamoDB and S3. */
export interface WriterPorts {
  /** Writes items; every ref ends written, superseded (a later put of the same key won) or failed. */
  writeItems(puts: ReadonlyArray<{ ref: RecordSlot; item: UnicornSensorItem }>): Promise<{
    written: readonly RecordSlot[];
    superseded: readonly RecordSlot[];
    failed: readonly WriteFailure[];
  }>;
  /** Stores quarantine records; returns the ones that could not be stored. */
  quarantine(records: readonly QuarantineRecord[]): Promise<{ failed: readonly QuarantineRecord[] }>;
  now(): Date;
}

export interface ProcessedBatch {
  readonly response: { batchItemFailures: Array<{ itemIdentifier: string }> };
  readonly summary: BatchSummary;
  /** Why each quarantined record was rejected, for the log. */
  readonly quarantined: ReadonlyArray<{ sequenceNumber: string; reason: QuarantineReason; detail: string }>;
  /** Why each record handed back for retry failed, for the log. */
  readonly failures: ReadonlyArray<{ sequenceNumber: string; reason: string }>;
}

/** DynamoDB's and the batch writer's ways of saying an item exceeds 400 KB. */
const TOO_LARGE = /ItemTooLarge|item size has exceeded/i;

/**
 * Processes one Kinesis batch: decodes and validates every record, writes the readings to the
 * table, quarantines the records that can never succeed (bad base64, bad JSON, schema violation,
 * rejected by DynamoDB as invalid or too large) and reports the rest for retry. No record is
 * dropped: each one is stored, quarantined, or in `batchItemFailures`.
 */
export async function processBatch(
  records: readonly KinesisStreamRecord[],
  ports: WriterPorts,
  functionName: string,
): Promise<ProcessedBatch> {
  const slots: RecordSlot[] = records.map((record) => ({ record, fate: 'retry' }));
  const puts: Array<{ ref: RecordSlot; item: UnicornSensorItem }> = [];
  for (const slot of slots) {
    const decoded = decodeRecord(slot.record.kinesis.data);
    if (decoded.ok) puts.push({ ref: slot, item: toSensorItem(decoded.reading) });
    else slot.poison = { reason: decoded.reason, detail: decoded.detail };
  }

  const quarantine = (poisoned: RecordSlot[]) => quarantineSlots(poisoned, ports, functionName);
  // Poison found while decoding is quarantined while the writes run, so a slow write cannot use
  // up the invocation's time before the quarantine gets its turn.
  const [written] = await Promise.all([
    puts.length > 0 ? ports.writeItems(puts) : undefined,
    quarantine(slots.filter((slot) => slot.poison)),
  ]);

  const rejectedBySink: RecordSlot[] = [];
  for (const slot of [...(written?.written ?? []), ...(written?.superseded ?? [])]) slot.fate = 'stored';
  for (const { ref: slot, retryable, reason } of written?.failed ?? []) {
    if (retryable) {
      slot.retryReason = reason;
    } else {
      slot.poison = { reason: TOO_LARGE.test(reason) ? 'TOO_LARGE' : 'REJECTED_BY_SINK', detail: `DynamoDB rejected the item: ${reason}` };
      rejectedBySink.push(slot);
    }
  }
  await quarantine(rejectedBySink);

  const fates = slots.map(({ record, fate }) => ({ sequenceNumber: record.kinesis.sequenceNumber, fate }));
  return {
    response: toBatchResponse(fates),
    summary: summarise(fates),
    quarantined: slots.flatMap(({ record, fate, poison }) =>
      fate === 'quarantined' && poison ? [{ sequenceNumber: record.kinesis.sequenceNumber, ...poison }] : [],
    ),
    failures: slots.flatMap(({ record, fate, retryReason }) =>
      fate === 'retry' ? [{ sequenceNumber: record.kinesis.sequenceNumber, reason: retryReason ?? 'unknown' }] : [],
    ),
  };
}

/** Quarantines poisoned slots; a slot whose quarantine write fails stays `retry`, so it is not lost. */
async function quarantineSlots(poisoned: readonly RecordSlot[], ports: WriterPorts, functionName: string): Promise<void> {
  if (poisoned.length === 0) return;
  const quarantinedAt = ports.now().toISOString();
  const prepared = poisoned.flatMap((slot) =>
    slot.poison ? [{ slot, record: toQuarantineRecord(slot.record, { ...slot.poison, quarantinedAt, functionName }) }] : [],
  );
  const { failed } = await ports.quarantine(prepared.map(({ record }) => record));
  const notStored = new Set(failed);
  for (const { slot, record } of prepared) {
    if (notStored.has(record)) slot.retryReason = 'quarantine write failed';
    else slot.fate = 'quarantined';
  }
}

/** The quarantine record of a Kinesis record: original data, reason, and where it came from. */
export function toQuarantineRecord(
  record: KinesisStreamRecord,
  why: { reason: QuarantineReason; detail: string; quarantinedAt: string; functionName: string },
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

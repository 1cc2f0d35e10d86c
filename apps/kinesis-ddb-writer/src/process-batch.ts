import type { KinesisStreamRecord } from 'aws-lambda';
import { toSensorItem, type QuarantineReason, type QuarantineRecord, type UnicornSensorItem } from '@wildrydes/schemas';
import { summarise, toBatchResponse, type BatchSummary, type RecordFate } from './batch-outcome.js';
import { decodeRecord } from './decode-record.js';

/** How one write of an item ended, as the batch writer reports it. */
export interface WriteFailure {
  readonly ref: number;
  readonly retryable: boolean;
  readonly reason: string;
}

/** The side effects the writer needs; the handler wires them to DynamoDB and S3. */
export interface WriterPorts {
  /** Writes items; every ref ends written, superseded (a later put of the same key won) or failed. */
  writeItems(puts: ReadonlyArray<{ ref: number; item: UnicornSensorItem }>): Promise<{
    written: readonly number[];
    superseded: readonly number[];
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
  readonly failures: ReadonlyArray<{ sequenceNumber: string; reason: string }>;
}

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
  const fates: RecordFate[] = records.map(() => 'retry');
  const failures: Array<{ sequenceNumber: string; reason: string }> = [];
  const poison = new Map<number, { reason: QuarantineReason; detail: string }>();
  const puts: Array<{ ref: number; item: UnicornSensorItem }> = [];

  records.forEach((record, index) => {
    const decoded = decodeRecord(record.kinesis.data);
    if (decoded.ok) puts.push({ ref: index, item: toSensorItem(decoded.reading) });
    else poison.set(index, { reason: decoded.reason, detail: decoded.detail });
  });

  // Poison found while decoding is quarantined while the writes run, so a slow write cannot use
  // up the invocation's time before the quarantine gets its turn.
  const decodePoison = [...poison];
  const [writeResult, decodeQuarantine] = await Promise.all([
    puts.length > 0 ? ports.writeItems(puts) : undefined,
    quarantineAll(decodePoison),
  ]);

  const sinkRejected: Array<[number, { reason: QuarantineReason; detail: string }]> = [];
  if (writeResult) {
    for (const ref of [...writeResult.written, ...writeResult.superseded]) fates[ref] = 'stored';
    for (const failure of writeResult.failed) {
      if (failure.retryable) {
        failures.push({ sequenceNumber: sequenceNumberOf(records, failure.ref), reason: failure.reason });
      } else {
        const reason: QuarantineReason = TOO_LARGE.test(failure.reason) ? 'TOO_LARGE' : 'REJECTED_BY_SINK';
        const rejected = { reason, detail: `DynamoDB rejected the item: ${failure.reason}` };
        poison.set(failure.ref, rejected);
        sinkRejected.push([failure.ref, rejected]);
      }
    }
  }
  applyQuarantine(decodeQuarantine);
  if (sinkRejected.length > 0) applyQuarantine(await quarantineAll(sinkRejected));

  async function quarantineAll(entries: Array<[number, { reason: QuarantineReason; detail: string }]>) {
    if (entries.length === 0) return [];
    const quarantinedAt = ports.now().toISOString();
    const prepared = entries.map(([index, why]) => ({
      index,
      record: toQuarantineRecord(records[index]!, { ...why, quarantinedAt, functionName }),
    }));
    const { failed } = await ports.quarantine(prepared.map(({ record }) => record));
    const notStored = new Set(failed);
    return prepared.map(({ index, record }) => ({ index, stored: !notStored.has(record) }));
  }

  function applyQuarantine(outcomes: ReadonlyArray<{ index: number; stored: boolean }>) {
    for (const { index, stored } of outcomes) {
      if (stored) fates[index] = 'quarantined';
      else failures.push({ sequenceNumber: sequenceNumberOf(records, index), reason: 'quarantine write failed' });
    }
  }

  const withSequence = records.map((record, index) => ({ sequenceNumber: record.kinesis.sequenceNumber, fate: fates[index]! }));
  return {
    response: toBatchResponse(withSequence),
    summary: summarise(withSequence),
    quarantined: [...poison]
      .filter(([index]) => fates[index] === 'quarantined')
      .map(([index, { reason, detail }]) => ({ sequenceNumber: sequenceNumberOf(records, index), reason, detail })),
    failures,
  };
}

/** DynamoDB's and the batch writer's ways of saying an item exceeds 400 KB. */
const TOO_LARGE = /ItemTooLarge|item size has exceeded/i;

function sequenceNumberOf(records: readonly KinesisStreamRecord[], index: number): string {
  return records[index]!.kinesis.sequenceNumber;
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

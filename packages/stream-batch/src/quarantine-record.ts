import type { KinesisStreamRecord } from 'aws-lambda';
import type { QuarantineRecord } from '@wildrydes/schemas';
import type { Poison } from './record-slot.js';

/** Who quarantines, and when (ISO-8601). */
export interface QuarantinedBy {
  /** The Nx project name: recorded as `quarantinedBy` and the quarantine key prefix. */
  readonly functionName: string;
  readonly quarantinedAt: string;
}

/**
 * The quarantine record of a Kinesis record: its original data exactly as delivered, why it was
 * rejected, and where it came from (enough to find it again and re-drive it).
 *
 * @example
 * ```ts
 * toQuarantineRecord(record, {
 *   reason: 'INVALID_JSON',
 *   detail: 'record data is not JSON: Unexpected end of JSON input',
 *   functionName: 'kinesis-republisher',
 *   quarantinedAt: new Date().toISOString(),
 * });
 * // { schemaVersion: 1, quarantinedBy: 'kinesis-republisher', origin: { kind: 'kinesis', shardId: 'shardId-000000000000', ... }, data: record.kinesis.data, ... }
 * ```
 */
export function toQuarantineRecord(record: KinesisStreamRecord, why: Poison & QuarantinedBy): QuarantineRecord {
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

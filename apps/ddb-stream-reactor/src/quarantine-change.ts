import type { DynamoDBRecord } from 'aws-lambda';
import { SENSOR_TABLE_KEY, type QuarantineReason, type QuarantineRecord } from '@wildrydes/schemas';

/** Why a change is quarantined, by whom and when. */
export interface ChangeQuarantine {
  readonly reason: QuarantineReason;
  readonly detail: string;
  /** The Nx project name: recorded as `quarantinedBy` and the quarantine key prefix. */
  readonly functionName: string;
  /** ISO-8601. */
  readonly quarantinedAt: string;
}

/**
 * The quarantine record of a DynamoDB stream record whose events can never be published: the
 * whole record as Lambda delivered it (base64 of its JSON), the reason, and its origin (stream,
 * `eventID`, sequence number, the item's `Name`, creation time). Replaying the stored record to
 * the reactor once the cause is fixed publishes the same deterministic event ids, so consumers
 * drop what was already on the bus. `undefined` for a record without the identifiers Lambda
 * always sends (the reactor skips such records before they cause events). Pure.
 *
 * @example
 * ```ts
 * toChangeQuarantineRecord(record, {
 *   reason: 'REJECTED_BY_SINK',
 *   detail: 'MalformedDetail: Detail is malformed.',
 *   functionName: 'ddb-stream-reactor',
 *   quarantinedAt: new Date().toISOString(),
 * });
 * // { schemaVersion: 1, quarantinedBy: 'ddb-stream-reactor', origin: { kind: 'dynamodb-stream', ... }, data: '<base64 of the record JSON>' }
 * ```
 */
export function toChangeQuarantineRecord(record: DynamoDBRecord, why: ChangeQuarantine): QuarantineRecord | undefined {
  const stream = record.dynamodb;
  const eventId = record.eventID;
  const sequenceNumber = stream?.SequenceNumber;
  const created = stream?.ApproximateCreationDateTime;
  if (!eventId || !sequenceNumber || typeof created !== 'number' || record.eventSourceARN === undefined) return undefined;
  return {
    schemaVersion: 1,
    quarantinedBy: why.functionName,
    quarantinedAt: why.quarantinedAt,
    reason: why.reason,
    detail: why.detail,
    origin: {
      kind: 'dynamodb-stream',
      eventSourceArn: record.eventSourceARN,
      eventId,
      sequenceNumber,
      partitionKey: stream?.Keys?.[SENSOR_TABLE_KEY.partitionKey]?.S ?? '',
      approximateCreationDateTime: created,
    },
    data: Buffer.from(JSON.stringify(record), 'utf8').toString('base64'),
  };
}

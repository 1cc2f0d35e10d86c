import { quarantineObjectKey, type QuarantineReason, type QuarantineRecord } from '@wildrydes/schemas';

/** What a test says about a quarantined record; everything else has a plain default. */
export interface QuarantinedSpec {
  functionName?: string;
  streamName?: string;
  shardId?: string;
  sequenceNumber: string;
  partitionKey?: string;
  /** The original bytes as text; encoded to base64 unless `data` is given. */
  text?: string;
  /** The data field verbatim (for records whose data is not base64). */
  data?: string;
  reason?: QuarantineReason;
  /** Epoch seconds. 2026-11-21T10:00:00Z by default. */
  arrival?: number;
}

/** 2026-11-21T10:00:00Z, in epoch seconds. */
export const ARRIVAL = Date.UTC(2026, 10, 21, 10) / 1000;

/**
 * A quarantine record exactly as a function writes it, with its object key.
 */
export function quarantined(spec: QuarantinedSpec): { key: string; record: QuarantineRecord } {
  const streamName = spec.streamName ?? 'unicorn-telemetry';
  const record: QuarantineRecord = {
    schemaVersion: 1,
    quarantinedBy: spec.functionName ?? 'kinesis-republisher',
    quarantinedAt: '2026-11-21T10:00:01.000Z',
    reason: spec.reason ?? 'SCHEMA_VIOLATION',
    detail: 'Distance: expected number',
    origin: {
      kind: 'kinesis',
      eventSourceArn: `arn:aws:kinesis:us-east-1:123456789012:stream/${streamName}`,
      shardId: spec.shardId ?? 'shardId-000000000000',
      sequenceNumber: spec.sequenceNumber,
      partitionKey: spec.partitionKey ?? 'Shadowfax',
      approximateArrivalTimestamp: spec.arrival ?? ARRIVAL,
    },
    data: spec.data ?? Buffer.from(spec.text ?? `{"n":${spec.sequenceNumber}}`).toString('base64'),
  };
  return { key: quarantineObjectKey(record), record };
}

/**
 * A DynamoDB stream record quarantined exactly as the reactor does it (the record's JSON as
 * Lambda delivered it, in base64), with its key and the record's JSON text.
 */
export function quarantinedChange(spec: { sequenceNumber: string; name: string; hp: number }): { key: string; record: QuarantineRecord; json: string } {
  const eventSourceArn = 'arn:aws:dynamodb:us-east-1:123456789012:table/UnicornSensorData/stream/2026-11-21T00:00:00.000';
  const json = JSON.stringify({
    eventID: `event-${spec.sequenceNumber}`,
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'us-east-1',
    dynamodb: {
      ApproximateCreationDateTime: ARRIVAL,
      Keys: { Name: { S: spec.name }, StatusTime: { S: `2026-11-21T10:00:0${spec.sequenceNumber.length}.000Z` } },
      NewImage: { Name: { S: spec.name }, HealthPoints: { N: String(spec.hp) } },
      SequenceNumber: spec.sequenceNumber,
      SizeBytes: 100,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    eventSourceARN: eventSourceArn,
  });
  const record: QuarantineRecord = {
    schemaVersion: 1,
    quarantinedBy: 'ddb-stream-reactor',
    quarantinedAt: '2026-11-21T10:00:01.000Z',
    reason: 'REJECTED_BY_SINK',
    detail: 'MalformedDetail: Detail is malformed.',
    origin: { kind: 'dynamodb-stream', eventSourceArn, eventId: `event-${spec.sequenceNumber}`, sequenceNumber: spec.sequenceNumber, partitionKey: spec.name, approximateCreationDateTime: ARRIVAL },
    data: Buffer.from(json).toString('base64'),
  };
  return { key: quarantineObjectKey(record), record, json };
}

import type { KinesisStreamRecord } from 'aws-lambda';

export const STREAM_ARN = 'arn:aws:kinesis:us-east-1:123456789012:stream/unicorn-telemetry-clean';

export const reading = (overrides: Record<string, unknown> = {}) => ({
  Name: 'Shadowfax',
  StatusTime: '2026-11-21T10:00:00.000Z',
  Latitude: 47.61,
  Longitude: -122.33,
  Distance: 12.5,
  HealthPoints: 140,
  MagicPoints: 120,
  ...overrides,
});

/** A Kinesis record as Lambda delivers it, with `data` given as raw text or already-encoded base64. */
export function kinesisRecord(sequence: number, data: { json?: unknown; text?: string; base64?: string }): KinesisStreamRecord {
  const payload =
    data.base64 ??
    Buffer.from(data.text ?? JSON.stringify(data.json), 'utf8').toString('base64');
  const sequenceNumber = String(49_000_000_000 + sequence);
  return {
    eventSource: 'aws:kinesis',
    eventVersion: '1.0',
    eventID: `shardId-000000000000:${sequenceNumber}`,
    eventName: 'aws:kinesis:record',
    invokeIdentityArn: 'arn:aws:iam::123456789012:role/writer',
    awsRegion: 'us-east-1',
    eventSourceARN: STREAM_ARN,
    kinesis: {
      kinesisSchemaVersion: '1.0',
      partitionKey: 'Shadowfax',
      sequenceNumber,
      data: payload,
      approximateArrivalTimestamp: 1_763_719_200.5,
    },
  };
}

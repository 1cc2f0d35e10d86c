import type { KinesisStreamRecord } from 'aws-lambda';

export const RAW_STREAM_ARN = 'arn:aws:kinesis:us-east-1:123456789012:stream/unicorn-telemetry';

/** When the test records arrived in the raw stream: 2026-11-21T10:00:30Z. */
export const ARRIVAL_MS = Date.UTC(2026, 10, 21, 10, 0, 30);

/** A raw reading as a sensor sends it, in the workshop's timestamp format. */
export const rawReading = (overrides: Record<string, unknown> = {}) => ({
  Name: 'Shadowfax',
  StatusTime: '2026-11-21 10:00:00.000',
  Latitude: 47.61,
  Longitude: -122.33,
  Distance: 12.5,
  HealthPoints: 140,
  MagicPoints: 120,
  ...overrides,
});

/**
 * A raw-stream record as Lambda delivers it, with `data` given as JSON, raw text or
 * already-encoded base64. Its sequence number is 49000000000 + `sequence`.
 */
export function kinesisRecord(
  sequence: number,
  data: { json?: unknown; text?: string; base64?: string },
  options: { partitionKey?: string; arrivalMs?: number } = {},
): KinesisStreamRecord {
  const payload = data.base64 ?? Buffer.from(data.text ?? JSON.stringify(data.json), 'utf8').toString('base64');
  const sequenceNumber = String(49_000_000_000 + sequence);
  return {
    eventSource: 'aws:kinesis',
    eventVersion: '1.0',
    eventID: `shardId-000000000000:${sequenceNumber}`,
    eventName: 'aws:kinesis:record',
    invokeIdentityArn: 'arn:aws:iam::123456789012:role/republisher',
    awsRegion: 'us-east-1',
    eventSourceARN: RAW_STREAM_ARN,
    kinesis: {
      kinesisSchemaVersion: '1.0',
      partitionKey: options.partitionKey ?? 'Shadowfax',
      sequenceNumber,
      data: payload,
      approximateArrivalTimestamp: (options.arrivalMs ?? ARRIVAL_MS) / 1000,
    },
  };
}

/** The position a test record was created with. */
export const positionOf = (record: KinesisStreamRecord) => Number(record.kinesis.sequenceNumber) - 49_000_000_000;

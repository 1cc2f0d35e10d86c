import { describe, expect, it } from 'vitest';
import { QuarantineRecordSchema, quarantineObjectKey, streamNameFromArn, type QuarantineRecord } from '../../src/index.js';

const record: QuarantineRecord = {
  schemaVersion: 1,
  quarantinedBy: 'kinesis-ddb-writer',
  quarantinedAt: '2026-11-21T10:00:05.000Z',
  reason: 'INVALID_JSON',
  detail: 'Unexpected token',
  origin: {
    kind: 'kinesis',
    eventSourceArn: 'arn:aws:kinesis:eu-west-1:123456789012:stream/unicorn-telemetry-clean',
    shardId: 'shardId-000000000001',
    sequenceNumber: '49590338271490256608559692538361571095921575989136588898',
    partitionKey: 'Shadowfax',
    approximateArrivalTimestamp: 1_763_719_200.123,
  },
  data: 'bm90IGpzb24=',
};

describe('quarantine records', () => {
  it('validates a well-formed record', () => {
    expect(QuarantineRecordSchema.parse(record)).toEqual(record);
  });

  it('rejects an unknown reason', () => {
    expect(QuarantineRecordSchema.safeParse({ ...record, reason: 'BAD_LUCK' }).success).toBe(false);
  });

  it('derives the object key from the origin only, so re-quarantining is idempotent', () => {
    const key = quarantineObjectKey(record);
    expect(key).toBe(
      'kinesis-ddb-writer/unicorn-telemetry-clean/2025/11/21/shardId-000000000001/49590338271490256608559692538361571095921575989136588898.json',
    );
    expect(quarantineObjectKey({ ...record, quarantinedAt: '2027-01-01T00:00:00.000Z' } as QuarantineRecord)).toBe(key);
  });

  it('reads the stream name from a stream ARN', () => {
    expect(streamNameFromArn('arn:aws:kinesis:us-east-1:000000000000:stream/unicorn-telemetry')).toBe('unicorn-telemetry');
    expect(streamNameFromArn('not-an-arn')).toBe('not-an-arn');
  });
});

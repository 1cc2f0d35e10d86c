import { describe, expect, it } from 'vitest';
import { QuarantineRecordSchema, quarantineObjectKey, streamNameFromArn, tableNameFromStreamArn, type QuarantineRecord } from '../../src/index.js';

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

  describe('of a DynamoDB stream record', () => {
    const streamArn = 'arn:aws:dynamodb:eu-west-1:123456789012:table/UnicornSensorData/stream/2026-11-21T10:00:00.000';
    const changeRecord: QuarantineRecord = {
      ...record,
      quarantinedBy: 'ddb-stream-reactor',
      reason: 'REJECTED_BY_SINK',
      detail: 'MalformedDetail: Detail is malformed.',
      origin: {
        kind: 'dynamodb-stream',
        eventSourceArn: streamArn,
        eventId: 'c0ffee0000000000000000000000001a',
        sequenceNumber: '100000000000000000001',
        partitionKey: 'Shadowfax',
        approximateCreationDateTime: 1_795_255_205,
      },
      data: Buffer.from('{"eventID":"c0ffee0000000000000000000000001a"}').toString('base64'),
    };

    it('validates the origin: stream, eventID, sequence number, the item partition key, creation time', () => {
      expect(QuarantineRecordSchema.parse(changeRecord)).toEqual(changeRecord);
      expect(QuarantineRecordSchema.safeParse({ ...changeRecord, origin: { ...changeRecord.origin, eventId: '' } }).success).toBe(false);
    });

    it('keys it by table, creation day, sequence number and eventID (Lambda names no shard for DynamoDB streams)', () => {
      expect(quarantineObjectKey(changeRecord)).toBe(
        'ddb-stream-reactor/UnicornSensorData/2026/11/21/100000000000000000001-c0ffee0000000000000000000000001a.json',
      );
      expect(tableNameFromStreamArn(streamArn)).toBe('UnicornSensorData');
    });
  });
});

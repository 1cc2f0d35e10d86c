import { describe, expect, it } from 'vitest';
import { toQuarantineRecord } from '../../src/quarantine-record.js';
import { STREAM_ARN, b64, kinesisRecord } from './kinesis-records.js';

describe('toQuarantineRecord', () => {
  it('keeps the original data and says where the record came from', () => {
    // Prepare
    const record = kinesisRecord(7, b64('not json'), 'pk-1');

    // Act
    const quarantined = toQuarantineRecord(record, {
      reason: 'INVALID_JSON',
      detail: 'bad',
      functionName: 'kinesis-republisher',
      quarantinedAt: '2026-11-21T12:00:00.000Z',
    });

    // Assess
    expect(quarantined).toEqual({
      schemaVersion: 1,
      quarantinedBy: 'kinesis-republisher',
      quarantinedAt: '2026-11-21T12:00:00.000Z',
      reason: 'INVALID_JSON',
      detail: 'bad',
      origin: {
        kind: 'kinesis',
        eventSourceArn: STREAM_ARN,
        shardId: 'shardId-000000000000',
        sequenceNumber: '49000000007',
        partitionKey: 'pk-1',
        approximateArrivalTimestamp: 1_763_719_230.25,
      },
      data: b64('not json'),
    });
  });

  it('keeps data that is not even base64 exactly as delivered', () => {
    const quarantined = toQuarantineRecord(kinesisRecord(0, '%%%'), {
      reason: 'INVALID_BASE64',
      detail: 'record data is not valid base64',
      functionName: 'f',
      quarantinedAt: '2026-11-21T12:00:00.000Z',
    });
    expect(quarantined.data).toBe('%%%');
  });
});

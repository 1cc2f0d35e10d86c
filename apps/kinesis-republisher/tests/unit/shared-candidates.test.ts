import { describe, expect, it } from 'vitest';
import type { QuarantineRecord } from '@wildrydes/schemas';
import {
  applyWriteOutcome,
  decodeJsonRecord,
  openSlots,
  quarantineSlots,
  reportSlots,
  toQuarantineRecord,
} from '../../src/shared-candidates.js';
import { RAW_STREAM_ARN, kinesisRecord } from './kinesis-records.js';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const BY = { functionName: 'kinesis-republisher', quarantinedAt: '2026-11-21T12:00:00.000Z' };

describe('decodeJsonRecord', () => {
  it('decodes base64 UTF-8 JSON of any shape', () => {
    expect(decodeJsonRecord(b64('{"Name":"Ünïcörn"}'))).toEqual({ ok: true, json: { Name: 'Ünïcörn' } });
    expect(decodeJsonRecord(b64('[1,2]'))).toEqual({ ok: true, json: [1, 2] });
    expect(decodeJsonRecord(b64('42'))).toEqual({ ok: true, json: 42 });
  });

  it.each([
    ['invalid base64 characters', '%%%not-base64%%%', 'INVALID_BASE64'],
    ['base64 with a bad length', 'abc', 'INVALID_BASE64'],
    ['base64 with whitespace inside', 'e30 =', 'INVALID_BASE64'],
    ['invalid UTF-8', Buffer.from([0xc3, 0x28]).toString('base64'), 'INVALID_JSON'],
    ['truncated JSON', b64('{"Name": "Shadowfax",'), 'INVALID_JSON'],
    ['empty data', '', 'INVALID_JSON'],
  ])('rejects %s', (_label, data, reason) => {
    const decoded = decodeJsonRecord(data);
    expect(decoded).toMatchObject({ ok: false, reason });
  });
});

describe('toQuarantineRecord', () => {
  it('keeps the original data and says where the record came from', () => {
    const record = kinesisRecord(7, { text: 'not json' }, { partitionKey: 'pk-1' });

    const quarantined = toQuarantineRecord(record, { reason: 'INVALID_JSON', detail: 'bad', ...BY });

    expect(quarantined).toEqual({
      schemaVersion: 1,
      quarantinedBy: 'kinesis-republisher',
      quarantinedAt: '2026-11-21T12:00:00.000Z',
      reason: 'INVALID_JSON',
      detail: 'bad',
      origin: {
        kind: 'kinesis',
        eventSourceArn: RAW_STREAM_ARN,
        shardId: 'shardId-000000000000',
        sequenceNumber: '49000000007',
        partitionKey: 'pk-1',
        approximateArrivalTimestamp: record.kinesis.approximateArrivalTimestamp,
      },
      data: record.kinesis.data,
    });
  });
});

describe('quarantineSlots', () => {
  it('marks stored records quarantined and keeps those the store refused for retry', async () => {
    // Prepare
    const slots = openSlots<'done'>([0, 1, 2].map((i) => kinesisRecord(i, { text: `bad ${i}` })));
    slots[0]!.poison = { reason: 'INVALID_JSON', detail: 'zero' };
    slots[2]!.poison = { reason: 'INVALID_JSON', detail: 'two' };
    const offered: QuarantineRecord[] = [];
    const store = async (records: readonly QuarantineRecord[]) => {
      offered.push(...records);
      return { failed: records.filter((record) => record.detail === 'two') };
    };

    // Act
    await quarantineSlots(slots, store, BY);

    // Assess
    expect(offered.map((record) => record.detail)).toEqual(['zero', 'two']);
    expect(slots.map((slot) => [slot.fate, slot.retryReason])).toEqual([
      ['quarantined', undefined],
      ['retry', undefined],
      ['retry', 'quarantine write failed'],
    ]);
  });

  it('does not call the store when nothing is poisoned', async () => {
    let calls = 0;
    const store = async () => {
      calls += 1;
      return { failed: [] };
    };
    await quarantineSlots(openSlots<'done'>([kinesisRecord(0, { text: '{}' })]), store, BY);
    expect(calls).toBe(0);
  });
});

describe('applyWriteOutcome', () => {
  it('settles written, retryable and rejected records, and returns the rejected ones', () => {
    const slots = openSlots<'published'>([0, 1, 2, 3].map((i) => kinesisRecord(i, { text: '{}' })));
    const [written, throttled, tooLarge, invalid] = slots as [(typeof slots)[0], (typeof slots)[0], (typeof slots)[0], (typeof slots)[0]];

    const rejected = applyWriteOutcome(
      {
        succeeded: [written],
        failed: [
          { ref: throttled, retryable: true, reason: 'MaxAttemptsReached: ProvisionedThroughputExceededException after 3 attempt(s)' },
          { ref: tooLarge, retryable: false, reason: 'RecordTooLarge: 1048600 bytes > limit 1048576 bytes' },
          { ref: invalid, retryable: false, reason: 'InvalidArgumentException: bad' },
        ],
      },
      { done: 'published', sink: 'Kinesis', tooLarge: /^RecordTooLarge\b/ },
    );

    expect(rejected).toEqual([tooLarge, invalid]);
    expect(written.fate).toBe('published');
    expect(throttled).toMatchObject({ fate: 'retry', retryReason: expect.stringMatching(/^MaxAttemptsReached/) });
    expect(tooLarge.poison).toEqual({ reason: 'TOO_LARGE', detail: 'Kinesis rejected the record: RecordTooLarge: 1048600 bytes > limit 1048576 bytes' });
    expect(invalid.poison?.reason).toBe('REJECTED_BY_SINK');
    expect([tooLarge.fate, invalid.fate]).toEqual(['retry', 'retry']);
  });
});

describe('reportSlots', () => {
  it('reports every retry slot by sequence number in delivery order, and counts fates', () => {
    const slots = openSlots<'published'>([0, 1, 2, 3].map((i) => kinesisRecord(i, { text: '{}' })));
    slots[0]!.fate = 'published';
    slots[1]!.retryReason = 'BlockedByEarlierFailure: ...';
    slots[2]!.fate = 'quarantined';
    slots[2]!.poison = { reason: 'SCHEMA_VIOLATION', detail: 'Latitude: Too big' };

    const report = reportSlots(slots, 'published');

    expect(report.response).toEqual({ batchItemFailures: [{ itemIdentifier: '49000000001' }, { itemIdentifier: '49000000003' }] });
    expect(report.summary).toEqual({ received: 4, published: 1, quarantined: 1, retry: 2 });
    expect(report.quarantined).toEqual([{ sequenceNumber: '49000000002', reason: 'SCHEMA_VIOLATION', detail: 'Latitude: Too big' }]);
    expect(report.failures).toEqual([
      { sequenceNumber: '49000000001', reason: 'BlockedByEarlierFailure: ...' },
      { sequenceNumber: '49000000003', reason: 'unknown' },
    ]);
  });
});

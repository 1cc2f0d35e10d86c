import { describe, expect, it } from 'vitest';
import { openSlots } from '../../src/record-slot.js';
import { reportSlots } from '../../src/slot-report.js';
import { jsonRecords } from './kinesis-records.js';

describe('reportSlots', () => {
  it('reports every retry slot by sequence number in delivery order, and counts fates', () => {
    // Prepare
    const slots = openSlots<'published'>(jsonRecords(4));
    slots[0]!.fate = 'published';
    slots[1]!.retryReason = 'BlockedByEarlierFailure: ...';
    slots[2]!.fate = 'quarantined';
    slots[2]!.poison = { reason: 'SCHEMA_VIOLATION', detail: 'Latitude: Too big' };

    // Act
    const report = reportSlots(slots, 'published');

    // Assess
    expect(report.response).toEqual({ batchItemFailures: [{ itemIdentifier: '49000000001' }, { itemIdentifier: '49000000003' }] });
    expect(report.summary).toEqual({ received: 4, published: 1, quarantined: 1, retry: 2 });
    expect(report.quarantined).toEqual([{ sequenceNumber: '49000000002', reason: 'SCHEMA_VIOLATION', detail: 'Latitude: Too big' }]);
    expect(report.failures).toEqual([
      { sequenceNumber: '49000000001', reason: 'BlockedByEarlierFailure: ...' },
      { sequenceNumber: '49000000003', reason: 'unknown' },
    ]);
  });

  it('lists the summary as received, done, quarantined, retry (the order of the log line)', () => {
    expect(Object.keys(reportSlots(openSlots<'stored'>(jsonRecords(1)), 'stored').summary)).toEqual(['received', 'stored', 'quarantined', 'retry']);
  });

  it('answers an empty batch with no failures and zero counts', () => {
    expect(reportSlots(openSlots<'stored'>([]), 'stored')).toEqual({
      response: { batchItemFailures: [] },
      summary: { received: 0, stored: 0, quarantined: 0, retry: 0 },
      quarantined: [],
      failures: [],
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { QuarantineRecord } from '@wildrydes/schemas';
import { quarantineSlots } from '../../src/quarantine-slots.js';
import { openSlots } from '../../src/record-slot.js';
import { jsonRecords } from './kinesis-records.js';

const BY = { functionName: 'kinesis-republisher', quarantinedAt: '2026-11-21T12:00:00.000Z' };

describe('quarantineSlots', () => {
  it('marks stored records quarantined and keeps those the store refused for retry', async () => {
    // Prepare
    const slots = openSlots<'done'>(jsonRecords(3));
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
    expect(offered.map((record) => [record.detail, record.quarantinedBy, record.quarantinedAt])).toEqual([
      ['zero', BY.functionName, BY.quarantinedAt],
      ['two', BY.functionName, BY.quarantinedAt],
    ]);
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

    await quarantineSlots(openSlots<'done'>(jsonRecords(1)), store, BY);

    expect(calls).toBe(0);
  });

  it('lets a store failure propagate rather than reporting the records as quarantined', async () => {
    const slots = openSlots<'done'>(jsonRecords(1));
    slots[0]!.poison = { reason: 'INVALID_JSON', detail: 'zero' };
    const store = async () => Promise.reject(new Error('S3 is down'));

    await expect(quarantineSlots(slots, store, BY)).rejects.toThrow('S3 is down');
    expect(slots[0]!.fate).toBe('retry');
  });
});

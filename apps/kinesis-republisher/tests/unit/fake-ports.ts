import type { QuarantineRecord } from '@wildrydes/schemas';
import type { SinkFailure } from '@wildrydes/stream-batch';
import type { RepublisherPorts, RepublisherSlot } from '../../src/process-batch.js';
import { positionOf } from './kinesis-records.js';

export const NOW = new Date('2026-11-21T12:00:00.000Z');

/** How the fake stream treats the record created at a position. */
export type PlannedFailure = Omit<SinkFailure<RepublisherSlot>, 'ref'>;

/**
 * In-memory ports. The fake stream keeps the batch writer's contract: records of one partition
 * key are written in order, and once one of them fails retryably the key's later records are
 * not written (`BlockedByEarlierFailure`); a non-retryable failure does not hold the key.
 */
export function fakePorts(options: { failures?: Map<number, PlannedFailure>; everyPutFails?: PlannedFailure; quarantineFails?: boolean } = {}) {
  const stream: Array<{ partitionKey: string; data: string }> = [];
  const quarantine = new Map<string, QuarantineRecord>();
  const calls = { publish: 0, quarantine: 0 };
  const ports: RepublisherPorts = {
    async publish(records) {
      calls.publish += 1;
      const written: RepublisherSlot[] = [];
      const failed: Array<SinkFailure<RepublisherSlot>> = [];
      const blockedKeys = new Set<string>();
      for (const record of records) {
        const failure = options.everyPutFails ?? options.failures?.get(positionOf(record.ref.record));
        if (blockedKeys.has(record.partitionKey)) {
          failed.push({ ref: record.ref, retryable: true, code: 'BlockedByEarlierFailure', reason: 'BlockedByEarlierFailure: not sent' });
        } else if (failure) {
          failed.push({ ref: record.ref, ...failure });
          if (failure.retryable) blockedKeys.add(record.partitionKey);
        } else {
          stream.push({ partitionKey: record.partitionKey, data: new TextDecoder().decode(record.data) });
          written.push(record.ref);
        }
      }
      return { written, failed };
    },
    async quarantine(records) {
      calls.quarantine += 1;
      if (options.quarantineFails) return { failed: records };
      for (const record of records) quarantine.set(record.origin.sequenceNumber, record);
      return { failed: [] };
    },
    now: () => NOW,
  };
  return { ports, stream, quarantine, calls };
}

import { describe, expect, it } from 'vitest';
import { OrderGuard } from '../../src/order-guard.js';
import { planRecord } from '../../src/plan-record.js';
import { parseQuarantineKey } from '../../src/quarantine-key.js';
import { quarantined } from '../support/quarantined.js';

const anyReason = { reasons: undefined };

function partsOf(key: string) {
  const parts = parseQuarantineKey(key);
  if (parts === undefined) throw new Error(`not a quarantine key: ${key}`);
  return parts;
}

describe('planRecord', () => {
  it('puts a record back with its original bytes and partition key on its source stream', () => {
    // Prepare
    const { key, record } = quarantined({ sequenceNumber: '7', partitionKey: 'Rocinante', text: '{"Name":"Rocinante"}' });

    // Act
    const decision = planRecord(partsOf(key), { kind: 'record', record }, anyReason, new OrderGuard());

    // Assess
    expect(decision).toEqual({ kind: 'put', streamName: 'unicorn-telemetry', partitionKey: 'Rocinante', data: new Uint8Array(Buffer.from('{"Name":"Rocinante"}')) });
  });

  it('skips a record whose data is not base64, saying why, and blocks nothing', () => {
    // Prepare
    const guard = new OrderGuard();
    const { key, record } = quarantined({ sequenceNumber: '7', data: 'not base64!', reason: 'INVALID_BASE64' });

    // Act
    const decision = planRecord(partsOf(key), { kind: 'record', record }, anyReason, guard);

    // Assess
    expect(decision).toMatchObject({ kind: 'skip', code: 'INVALID_BASE64' });
    expect(decision.kind === 'skip' && decision.detail).toContain('quarantined as INVALID_BASE64');
    expect(guard.blockerOf({ streamName: 'unicorn-telemetry', shardId: 'shardId-000000000000' }, 'Shadowfax')).toBeUndefined();
  });

  it('filters out records of other reasons', () => {
    // Prepare
    const { key, record } = quarantined({ sequenceNumber: '7', reason: 'INVALID_JSON' });

    // Act
    const decision = planRecord(partsOf(key), { kind: 'record', record }, { reasons: new Set(['SCHEMA_VIOLATION'] as const) }, new OrderGuard());

    // Assess
    expect(decision).toEqual({ kind: 'filtered' });
  });

  it('skips a record stored under a key its origin does not give', () => {
    // Prepare
    const { record } = quarantined({ sequenceNumber: '7' });
    const movedKey = 'kinesis-republisher/unicorn-telemetry/2026/11/21/shardId-000000000000/8.json';

    // Act
    const decision = planRecord(partsOf(movedKey), { kind: 'record', record }, anyReason, new OrderGuard());

    // Assess
    expect(decision).toMatchObject({ kind: 'skip', code: 'KEY_MISMATCH' });
  });

  it('skips objects that are not records, or gone', () => {
    // Prepare
    const parts = partsOf(quarantined({ sequenceNumber: '7' }).key);

    // Act / Assess
    expect(planRecord(parts, { kind: 'invalid', detail: 'not JSON' }, anyReason, new OrderGuard())).toEqual({ kind: 'skip', code: 'INVALID_OBJECT', detail: 'not JSON' });
    expect(planRecord(parts, { kind: 'gone' }, anyReason, new OrderGuard())).toMatchObject({ kind: 'skip', code: 'OBJECT_GONE' });
  });

  it('fails an unreadable object and holds back the rest of its shard, whatever their key', () => {
    // Prepare
    const guard = new OrderGuard();
    const unreadable = partsOf(quarantined({ sequenceNumber: '7' }).key);
    const later = quarantined({ sequenceNumber: '8', partitionKey: 'Bucephalus' });
    const otherShard = quarantined({ sequenceNumber: '9', shardId: 'shardId-000000000001' });

    // Act
    const failed = planRecord(unreadable, { kind: 'error', reason: 'InternalError: boom' }, anyReason, guard);
    const blocked = planRecord(partsOf(later.key), { kind: 'record', record: later.record }, anyReason, guard);
    const free = planRecord(partsOf(otherShard.key), { kind: 'record', record: otherShard.record }, anyReason, guard);

    // Assess
    expect(failed).toEqual({ kind: 'fail', code: 'ReadFailed', detail: 'could not read the object: InternalError: boom' });
    expect(blocked).toMatchObject({ kind: 'fail', code: 'BlockedByEarlierFailure' });
    expect(blocked.kind === 'fail' && blocked.detail).toContain(unreadable.key);
    expect(free.kind).toBe('put');
  });

  it('holds back the later records of a partition key that failed, on any shard of the stream', () => {
    // Prepare
    const guard = new OrderGuard();
    guard.blockPartitionKey('unicorn-telemetry', 'Shadowfax', 'the-blocker');
    const sameKey = quarantined({ sequenceNumber: '8', shardId: 'shardId-000000000002' });
    const otherKey = quarantined({ sequenceNumber: '9', partitionKey: 'Rocinante' });
    const otherStream = quarantined({ sequenceNumber: '10', streamName: 'other-stream' });

    // Act
    const decisions = [sameKey, otherKey, otherStream].map(({ key, record }) => planRecord(partsOf(key), { kind: 'record', record }, anyReason, guard).kind);

    // Assess
    expect(decisions).toEqual(['fail', 'put', 'put']);
  });
});

describe('OrderGuard', () => {
  it('keeps the first blocker of a key', () => {
    // Prepare
    const guard = new OrderGuard();

    // Act
    guard.blockPartitionKey('s', 'k', 'first');
    guard.blockPartitionKey('s', 'k', 'second');

    // Assess
    expect(guard.blockerOf({ streamName: 's', shardId: 'x' }, 'k')).toBe('first');
    expect(guard.blockerOf({ streamName: 't', shardId: 'x' }, 'k')).toBeUndefined();
  });
});

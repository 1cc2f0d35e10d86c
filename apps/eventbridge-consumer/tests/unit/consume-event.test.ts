import { describe, expect, it } from 'vitest';
import type { ApplyResult } from '../../src/apply-write-plan.js';
import { consumeEvent, type ConsumerPorts } from '../../src/consume-event.js';
import type { WritePlan } from '../../src/write-plan.js';
import { eventBridgeEvent, rideCompleted, unicornHealthLow } from '../support/events.js';
import { TABLE } from './plans.js';

/** Ports that record every plan and answer with the given results, in turn. */
function fakePorts(...results: ApplyResult[]) {
  const plans: WritePlan[] = [];
  const ports: ConsumerPorts = {
    tableName: TABLE,
    async applyPlan(plan) {
      plans.push(plan);
      const result = results.shift();
      if (!result) throw new Error('unexpected applyPlan call');
      return result;
    },
  };
  return { ports, plans };
}

const ride = eventBridgeEvent('RideCompleted@1', rideCompleted({ rideId: 'ride-5', eventId: 'evt-5', unicorn: 'Rocinante' }));
const alert = eventBridgeEvent('UnicornHealthLow@1', unicornHealthLow({ statusTime: '2026-11-21T10:00:00.000Z', eventId: 'evt-h' }));

describe('consumeEvent', () => {
  it('plans the ride for the configured table and reports it applied', async () => {
    // Prepare
    const { ports, plans } = fakePorts({ status: 'applied', attempts: 1 });

    // Act
    const result = await consumeEvent(ride, ports);

    // Assess
    expect(result).toEqual({ outcome: 'applied', detailType: 'RideCompleted', eventId: 'evt-5', unicorn: 'Rocinante', attempts: 1 });
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({ kind: 'ride', rideId: 'ride-5' });
    expect(plans[0]!.items.every((item) => (item.Put ?? item.Update)?.TableName === TABLE)).toBe(true);
  });

  it('reports a replayed ride as a duplicate', async () => {
    const { ports } = fakePorts({ status: 'duplicate', storedEventId: 'evt-5', attempts: 1 });

    expect(await consumeEvent(ride, ports)).toMatchObject({ outcome: 'duplicate' });
    expect(await consumeEvent(ride, fakePorts({ status: 'duplicate', attempts: 1 }).ports)).not.toHaveProperty('conflictingEventId');
  });

  it('names the other event when the same ride was already counted by a different one', async () => {
    const { ports } = fakePorts({ status: 'duplicate', storedEventId: 'evt-other', attempts: 1 });

    expect(await consumeEvent(ride, ports)).toMatchObject({ outcome: 'duplicate', conflictingEventId: 'evt-other' });
  });

  it('reports an older alert as superseded by the stored one', async () => {
    const { ports } = fakePorts({ status: 'superseded', storedEventId: 'evt-new', storedStatusTime: '2026-11-21T11:00:00.000Z', attempts: 1 });

    expect(await consumeEvent(alert, ports)).toEqual({
      outcome: 'superseded',
      detailType: 'UnicornHealthLow',
      eventId: 'evt-h',
      unicorn: 'Shadowfax',
      attempts: 1,
      storedEventId: 'evt-new',
      storedStatusTime: '2026-11-21T11:00:00.000Z',
    });
  });

  it('rejects an event it does not own without writing anything', async () => {
    const { ports, plans } = fakePorts();

    const result = await consumeEvent(eventBridgeEvent('RideRequested@1'), ports);

    expect(result).toMatchObject({ outcome: 'rejected', reason: 'NOT_OWNED' });
    expect(plans).toEqual([]);
  });

  it('rejects an invalid detail without writing anything', async () => {
    const { ports, plans } = fakePorts();

    const result = await consumeEvent(eventBridgeEvent('RideCompleted@1', { ...rideCompleted({ rideId: 'r' }), unicorn: '' }), ports);

    expect(result).toMatchObject({ outcome: 'rejected', reason: 'SCHEMA_VIOLATION' });
    expect(result.outcome === 'rejected' && result.detail).toBe('unicorn: Too small: expected string to have >=1 characters');
    expect(plans).toEqual([]);
  });

  it('rejects an event DynamoDB refuses for good', async () => {
    const { ports } = fakePorts({ status: 'rejected', reason: 'TransactionCanceled: item 0: ValidationError', attempts: 1 });

    expect(await consumeEvent(ride, ports)).toMatchObject({
      outcome: 'rejected',
      reason: 'REJECTED_BY_SINK',
      detail: 'TransactionCanceled: item 0: ValidationError',
      eventId: 'evt-5',
    });
  });

  it('asks for a retry when the write could not be made yet', async () => {
    const { ports } = fakePorts({ status: 'retry', reason: 'DeadlineReached: ThrottlingException after 6 attempt(s)', attempts: 6 });

    expect(await consumeEvent(alert, ports)).toMatchObject({
      outcome: 'retry',
      reason: 'DeadlineReached: ThrottlingException after 6 attempt(s)',
      attempts: 6,
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { RideCompletedV1, UnicornHealthLowV1, UnicornHealthRestoredV1 } from '@wildrydes/schemas';
import { planWrite } from '../../src/write-plan.js';
import { rideCompleted, unicornHealthLow, unicornHealthRestored } from '../support/events.js';

const TABLE = 'UnicornFleetReadModel';

const ride = (overrides: Parameters<typeof rideCompleted>[0]) =>
  ({ detailType: 'RideCompleted', detail: rideCompleted(overrides) as RideCompletedV1 }) as const;
const alert = (overrides: Parameters<typeof unicornHealthLow>[0]) =>
  ({ detailType: 'UnicornHealthLow', detail: unicornHealthLow(overrides) as UnicornHealthLowV1 }) as const;
const recovery = (overrides: Parameters<typeof unicornHealthRestored>[0]) =>
  ({ detailType: 'UnicornHealthRestored', detail: unicornHealthRestored(overrides) as UnicornHealthRestoredV1 }) as const;
const NO_REVISION = '0'.repeat(40);

describe('planWrite', () => {
  it('plans a ride as a marker put only if absent plus an increment of the state, in one transaction', () => {
    // Act
    const plan = planWrite(ride({ rideId: 'ride-9', distanceMetres: 1_250.5, eventId: 'evt-9' }), TABLE);

    // Assess
    expect(plan).toMatchObject({ kind: 'ride', unicorn: 'Shadowfax', eventId: 'evt-9', rideId: 'ride-9', guardIndex: 0 });
    const [marker, state] = plan.items;
    expect(marker?.Put).toEqual({
      TableName: TABLE,
      Item: {
        pk: { S: 'UNICORN#Shadowfax' },
        sk: { S: 'RIDE#ride-9' },
        itemType: { S: 'RIDE' },
        unicorn: { S: 'Shadowfax' },
        rideId: { S: 'ride-9' },
        eventId: { S: 'evt-9' },
        distanceMetres: { N: '1250.5' },
        completedAt: { S: '2026-11-21T10:00:00.000Z' },
      },
      ConditionExpression: 'attribute_not_exists(pk)',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    });
    expect(state?.Update?.Key).toEqual({ pk: { S: 'UNICORN#Shadowfax' }, sk: { S: 'STATE' } });
    expect(state?.Update?.UpdateExpression).toMatch(/ADD ridesCompleted :one, distanceMetres :distance$/);
    expect(state?.Update?.UpdateExpression).toContain('healthStatus = if_not_exists(healthStatus, :ok)');
    expect(state?.Update?.ExpressionAttributeValues).toMatchObject({ ':one': { N: '1' }, ':distance': { N: '1250.5' }, ':ok': { S: 'OK' } });
    // The increment itself is unconditional: the marker alone decides whether the ride counts.
    expect(state?.Update?.ConditionExpression).toBeUndefined();
    expect(plan.items).toHaveLength(2);
  });

  it('plans a health alert as one state update guarded by the (statusTime, revision, eventId) order', () => {
    const plan = planWrite(alert({ statusTime: '2026-11-21T10:00:05.000Z', healthPoints: 9, eventId: 'evt-h' }), TABLE);

    expect(plan).toMatchObject({ kind: 'health', unicorn: 'Shadowfax', eventId: 'evt-h', statusTime: '2026-11-21T10:00:05.000Z' });
    expect(plan.items).toHaveLength(1);
    const update = plan.items[0]?.Update;
    expect(update?.Key).toEqual({ pk: { S: 'UNICORN#Shadowfax' }, sk: { S: 'STATE' } });
    expect(update?.ConditionExpression).toBe(
      'attribute_not_exists(lastHealthAt) OR lastHealthAt < :statusTime OR (lastHealthAt = :statusTime AND (' +
        'attribute_not_exists(lastHealthRevision) OR lastHealthRevision < :revision OR ' +
        '(lastHealthRevision = :revision AND lastHealthEventId < :eventId)))',
    );
    expect(update?.ReturnValuesOnConditionCheckFailure).toBe('ALL_OLD');
    expect(update?.UpdateExpression).toContain('healthStatus = :status');
    expect(update?.UpdateExpression).toContain('lastAlert = :observation');
    expect(update?.UpdateExpression).toMatch(/ REMOVE lastRecovery$/);
    expect(update?.ExpressionAttributeValues).toMatchObject({
      ':status': { S: 'LOW' },
      ':statusTime': { S: '2026-11-21T10:00:05.000Z' },
      // An alert published before revisions existed is older than any revision of the same reading.
      ':revision': { S: NO_REVISION },
      ':eventId': { S: 'evt-h' },
      ':observation': {
        M: { eventId: { S: 'evt-h' }, statusTime: { S: '2026-11-21T10:00:05.000Z' }, healthPoints: { N: '9' }, threshold: { N: '20' } },
      },
    });
    // An alert for a unicorn with no rides yet creates a complete state item.
    expect(update?.UpdateExpression).toContain('ridesCompleted = if_not_exists(ridesCompleted, :zero)');
    expect(update?.UpdateExpression).toContain('distanceMetres = if_not_exists(distanceMetres, :zero)');
  });

  it('plans a recovery like an alert, setting the health OK and the last recovery, ordered by its revision', () => {
    const plan = planWrite(recovery({ statusTime: '2026-11-21T10:00:06.000Z', revision: '100000000000000000042', healthPoints: 33 }), TABLE);

    expect(plan).toMatchObject({ kind: 'health', statusTime: '2026-11-21T10:00:06.000Z', revision: '0000000000000000000100000000000000000042' });
    const update = plan.items[0]?.Update;
    expect(update?.UpdateExpression).toContain('lastRecovery = :observation');
    expect(update?.UpdateExpression).toMatch(/ REMOVE lastAlert$/);
    expect(update?.ExpressionAttributeValues).toMatchObject({
      ':status': { S: 'OK' },
      ':revision': { S: '0000000000000000000100000000000000000042' },
      ':observation': { M: { healthPoints: { N: '33' }, threshold: { N: '20' } } },
    });
    expect(update?.ConditionExpression).toBe(planWrite(alert({ statusTime: '2026-11-21T10:00:00.000Z' }), TABLE).items[0]?.Update?.ConditionExpression);
  });

  it('uses exactly the attribute values each expression names', () => {
    for (const plan of [
      planWrite(ride({ rideId: 'r' }), TABLE),
      planWrite(alert({ statusTime: '2026-11-21T10:00:00.000Z' }), TABLE),
      planWrite(recovery({ statusTime: '2026-11-21T10:00:00.000Z', revision: '1' }), TABLE),
    ]) {
      for (const item of plan.items) {
        const update = item.Update;
        if (!update) continue;
        const named = new Set(`${update.UpdateExpression} ${update.ConditionExpression ?? ''}`.match(/:[A-Za-z]+/g));
        expect(new Set(Object.keys(update.ExpressionAttributeValues ?? {}))).toEqual(named);
      }
    }
  });

  it('plans the same write for the same event: a replay sends an identical transaction', () => {
    const event = ride({ rideId: 'ride-1' });
    expect(planWrite(event, TABLE)).toEqual(planWrite(structuredClone(event), TABLE));
  });

  it('keys everything about a unicorn in its own partition', () => {
    const plan = planWrite(ride({ rideId: 'ride-1', unicorn: 'Rocinante' }), TABLE);
    expect(plan.items.map((item) => (item.Put?.Item ?? item.Update?.Key)?.['pk'])).toEqual([
      { S: 'UNICORN#Rocinante' },
      { S: 'UNICORN#Rocinante' },
    ]);
  });
});

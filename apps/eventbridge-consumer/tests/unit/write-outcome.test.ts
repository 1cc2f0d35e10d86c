import { describe, expect, it } from 'vitest';
import { interpretCancellation } from '../../src/write-outcome.js';
import { healthPlan, ridePlan } from './plans.js';

const ride = ridePlan({ rideId: 'ride-1', eventId: 'evt-1' });
const alert = healthPlan({ statusTime: '2026-11-21T10:00:05.000Z', eventId: 'evt-h' });

describe('interpretCancellation', () => {
  it('reads a failed marker condition as a duplicate ride, with the event that counted it', () => {
    // Act
    const verdict = interpretCancellation(ride, [
      { Code: 'ConditionalCheckFailed', Item: { eventId: { S: 'evt-1' }, rideId: { S: 'ride-1' } } },
      { Code: 'None' },
    ]);

    // Assess
    expect(verdict).toEqual({ status: 'duplicate', storedEventId: 'evt-1' });
  });

  it('reports the other event when a different event already counted the same ride', () => {
    const verdict = interpretCancellation(ride, [{ Code: 'ConditionalCheckFailed', Item: { eventId: { S: 'evt-other' } } }, { Code: 'None' }]);
    expect(verdict).toEqual({ status: 'duplicate', storedEventId: 'evt-other' });
  });

  it('still calls a failed marker condition a duplicate when DynamoDB returns no item', () => {
    expect(interpretCancellation(ride, [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }])).toEqual({ status: 'duplicate' });
  });

  it('trusts the guard over the other items: a failed marker condition is a duplicate even beside a conflict', () => {
    const verdict = interpretCancellation(ride, [{ Code: 'ConditionalCheckFailed' }, { Code: 'TransactionConflict' }]);
    expect(verdict.status).toBe('duplicate');
  });

  it('reads a failed health condition holding the same observation as a duplicate', () => {
    const verdict = interpretCancellation(alert, [
      { Code: 'ConditionalCheckFailed', Item: { lastHealthAt: { S: '2026-11-21T10:00:05.000Z' }, lastHealthEventId: { S: 'evt-h' } } },
    ]);
    expect(verdict).toEqual({ status: 'duplicate', storedEventId: 'evt-h' });
  });

  it('reads a failed health condition holding a newer observation as superseded', () => {
    const verdict = interpretCancellation(alert, [
      { Code: 'ConditionalCheckFailed', Item: { lastHealthAt: { S: '2026-11-21T11:00:00.000Z' }, lastHealthEventId: { S: 'evt-newer' } } },
    ]);
    expect(verdict).toEqual({ status: 'superseded', storedEventId: 'evt-newer', storedStatusTime: '2026-11-21T11:00:00.000Z' });
  });

  it.each([
    ['a transaction conflict', 'TransactionConflict'],
    ['throttling', 'ThrottlingError'],
    ['exceeded provisioned throughput', 'ProvisionedThroughputExceeded'],
    ['a code DynamoDB may add later', 'SomethingNew'],
  ])('retries %s', (_label, code) => {
    const verdict = interpretCancellation(ride, [{ Code: 'None' }, { Code: code, Message: 'try again' }]);
    expect(verdict).toEqual({ status: 'retry', reason: `TransactionCanceled: item 1: ${code} (try again)` });
  });

  it('retries a cancellation that gives no reason', () => {
    expect(interpretCancellation(ride, []).status).toBe('retry');
  });

  it.each(['ValidationError', 'ItemCollectionSizeLimitExceeded'])('rejects %s: no retry can succeed', (code) => {
    const verdict = interpretCancellation(ride, [{ Code: 'None' }, { Code: code, Message: 'Item size has exceeded the maximum allowed size' }]);
    expect(verdict).toEqual({ status: 'rejected', reason: `TransactionCanceled: item 1: ${code} (Item size has exceeded the maximum allowed size)` });
  });
});

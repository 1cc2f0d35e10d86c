import { PutEventsCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EventDeliveryFailedError,
  RuleAlreadyExistsError,
  startEventBridge,
  type BusEvent,
  type RunningEventBridge,
} from '../../src/index';
import { eventBridgeClient, gate, rideEntry, rideIds } from './eventbridge-helpers';

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

const COMPLETED = { source: ['wildrydes.rides'], 'detail-type': ['RideCompleted'] };

describe('EventBridge emulator: rules with function targets', () => {
  let eventbridge: RunningEventBridge;
  let client: EventBridgeClient;

  beforeEach(async () => {
    eventbridge = await startEventBridge({ retryBaseDelayMs: 5 });
    client = eventBridgeClient(eventbridge.endpoint);
  });

  afterEach(async () => {
    client.destroy();
    await eventbridge.stop();
  });

  it('delivers each matching event to each matching rule, and only those', async () => {
    // Prepare
    const expensive: BusEvent[] = [];
    const requested: BusEvent[] = [];
    const onRidesBus: BusEvent[] = [];
    eventbridge.createEventBus('rides');
    eventbridge.addRule({
      name: 'expensive-rides',
      eventPattern: { ...COMPLETED, detail: { fare: [{ numeric: ['>', 20] }] } },
      target: async (event) => void expensive.push(event),
    });
    eventbridge.addRule({
      name: 'requested',
      eventPattern: JSON.stringify({ 'detail-type': [{ prefix: 'RideReq' }] }),
      target: async (event) => void requested.push(event),
    });
    eventbridge.addRule({ name: 'expensive-rides', eventBusName: 'rides', eventPattern: COMPLETED, target: async (event) => void onRidesBus.push(event) });

    // Act
    const result = await client.send(
      new PutEventsCommand({
        Entries: [
          rideEntry('cheap', { Detail: JSON.stringify({ rideId: 'cheap', fare: 8 }) }),
          rideEntry('dear', { Detail: JSON.stringify({ rideId: 'dear', fare: 31 }) }),
          rideEntry('asked', { DetailType: 'RideRequested' }),
        ],
      }),
    );
    await eventbridge.whenIdle();

    // Assess
    expect(rideIds(expensive)).toEqual(['dear']);
    expect(expensive[0]).toEqual(eventbridge.published()[1]);
    expect(expensive[0]!.id).toBe(result.Entries![1]!.EventId);
    expect(rideIds(requested)).toEqual(['asked']);
    expect(onRidesBus).toEqual([]);
    expect(eventbridge.ruleCounters('expensive-rides')).toEqual({ matched: 1, delivered: 1, retried: 0, deadLettered: 0, dropped: 0 });
    expect(eventbridge.ruleCounters('expensive-rides', 'rides').matched).toBe(0);
  });

  it('answers PutEvents before targets run, and whenIdle waits for them', async () => {
    // Prepare
    const held = gate();
    const bothEntered = gate();
    const entered: string[] = [];
    const delivered: string[] = [];
    const rule = eventbridge.addRule({
      name: 'slow-consumer',
      eventPattern: COMPLETED,
      target: async (event) => {
        entered.push(event.id);
        if (entered.length === 2) bothEntered.open();
        await held.promise;
        delivered.push(event.id);
      },
    });

    // Act
    const result = await client.send(new PutEventsCommand({ Entries: [rideEntry('r-1'), rideEntry('r-2')] }));
    const pendingWhileHeld = eventbridge.pendingDeliveries();
    let idle = false;
    const idlePromise = eventbridge.whenIdle().then(() => {
      idle = true;
    });
    // Wait for an event, not for time: both deliveries are inside their target, held there.
    await bothEntered.promise;
    const idleWhileHeld = idle;
    const deliveredWhileHeld = [...delivered];
    held.open();
    await idlePromise;

    // Assess
    expect(result.FailedEntryCount).toBe(0);
    expect(pendingWhileHeld).toBe(2);
    expect(idleWhileHeld).toBe(false);
    expect(deliveredWhileHeld).toEqual([]);
    expect(delivered.sort()).toEqual(result.Entries!.map((entry) => entry.EventId).sort());
    expect(rule.counters()).toMatchObject({ matched: 2, delivered: 2 });
    expect(eventbridge.pendingDeliveries()).toBe(0);
    await expect(eventbridge.whenIdle()).resolves.toBeUndefined();
  });

  it('retries a failing target with backoff until it succeeds, with the same event each time', async () => {
    // Prepare
    const attempts: Array<{ id: string; at: number }> = [];
    const rule = eventbridge.addRule({
      name: 'flaky',
      eventPattern: COMPLETED,
      retryPolicy: { maximumRetryAttempts: 5 },
      target: async (event) => {
        attempts.push({ id: event.id, at: Date.now() });
        if (attempts.length < 3) throw new Error('consumer not ready');
      },
    });

    // Act
    const result = await client.send(new PutEventsCommand({ Entries: [rideEntry('r-1')] }));
    await eventbridge.whenIdle();

    // Assess
    expect(attempts.map((attempt) => attempt.id)).toEqual(Array(3).fill(result.Entries![0]!.EventId));
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(4);
    expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThanOrEqual(9);
    expect(rule.counters()).toEqual({ matched: 1, delivered: 1, retried: 2, deadLettered: 0, dropped: 0 });
  });

  it('hands the event to the dead-letter callback once maximumRetryAttempts is exhausted', async () => {
    // Prepare
    let calls = 0;
    const deadLetters: Array<{ event: BusEvent; error: unknown }> = [];
    const rule = eventbridge.addRule({
      name: 'broken',
      eventPattern: COMPLETED,
      retryPolicy: { maximumRetryAttempts: 2 },
      target: async () => {
        calls += 1;
        throw new Error('consumer down');
      },
      deadLetter: (event, error) => void deadLetters.push({ event, error }),
    });

    // Act
    const result = await client.send(new PutEventsCommand({ Entries: [rideEntry('r-1')] }));
    await eventbridge.whenIdle();

    // Assess
    expect(calls).toBe(3);
    expect(deadLetters).toHaveLength(1);
    const { event, error } = deadLetters[0]!;
    expect(event.id).toBe(result.Entries![0]!.EventId);
    expect(event.detail).toEqual({ rideId: 'r-1', fare: 12.5 });
    expect(error).toBeInstanceOf(EventDeliveryFailedError);
    expect(error).toMatchObject({ reason: 'retries-exhausted', attempts: 3, ruleName: 'broken', eventBusName: 'default', eventId: event.id });
    expect((error as Error).cause).toMatchObject({ message: 'consumer down' });
    expect(rule.counters()).toEqual({ matched: 1, delivered: 0, retried: 2, deadLettered: 1, dropped: 0 });
  });

  it('gives up when the next retry would come after maximumEventAgeSeconds', async () => {
    // Prepare: delays 20, 40, 80 ms… within an age of 0.1 s, far fewer than 185 retries fit.
    const slowBackoff = await startEventBridge({ retryBaseDelayMs: 20 });
    let calls = 0;
    const reasons: unknown[] = [];
    const rule = slowBackoff.addRule({
      name: 'stale',
      eventPattern: COMPLETED,
      retryPolicy: { maximumRetryAttempts: 185, maximumEventAgeSeconds: 0.1 },
      target: async () => {
        calls += 1;
        throw new Error('still down');
      },
      deadLetter: (_event, error) => void reasons.push(error.reason),
    });
    const slowClient = eventBridgeClient(slowBackoff.endpoint);

    try {
      // Act
      await slowClient.send(new PutEventsCommand({ Entries: [rideEntry('r-1')] }));
      await slowBackoff.whenIdle();

      // Assess: dead-lettered for its age after a handful of calls (how many depends on how busy
      // the machine is: delays of 20, 40, 80 ms fit in 0.1 s at most), far from 185 retries
      expect(reasons).toEqual(['maximum-event-age']);
      expect(calls).toBeGreaterThanOrEqual(1);
      expect(calls).toBeLessThanOrEqual(4);
      expect(rule.counters()).toMatchObject({ matched: 1, delivered: 0, deadLettered: 1, retried: calls - 1 });
    } finally {
      slowClient.destroy();
      await slowBackoff.stop();
    }
  });

  it('counts an event as dropped when there is no dead-letter callback or it throws', async () => {
    // Prepare
    const failing = async (): Promise<void> => {
      throw new Error('nope');
    };
    const noDlq = eventbridge.addRule({ name: 'no-dlq', eventPattern: COMPLETED, retryPolicy: { maximumRetryAttempts: 0 }, target: failing });
    const brokenDlq = eventbridge.addRule({
      name: 'broken-dlq',
      eventPattern: COMPLETED,
      retryPolicy: { maximumRetryAttempts: 0 },
      target: failing,
      deadLetter: () => {
        throw new Error('queue gone');
      },
    });

    // Act
    await client.send(new PutEventsCommand({ Entries: [rideEntry('r-1')] }));
    await eventbridge.whenIdle();

    // Assess
    expect(noDlq.counters()).toEqual({ matched: 1, delivered: 0, retried: 0, deadLettered: 0, dropped: 1 });
    expect(brokenDlq.counters()).toEqual({ matched: 1, delivered: 0, retried: 0, deadLettered: 0, dropped: 1 });
  });

  it('gives each target its own copy of the event', async () => {
    // Prepare
    const seen: unknown[] = [];
    eventbridge.addRule({
      name: 'mutating',
      eventPattern: COMPLETED,
      retryPolicy: { maximumRetryAttempts: 1 },
      target: async (event) => {
        seen.push(event.detail['rideId']);
        event.detail['rideId'] = 'changed';
        if (seen.length === 1) throw new Error('retry me');
      },
    });

    // Act
    await client.send(new PutEventsCommand({ Entries: [rideEntry('r-1')] }));
    await eventbridge.whenIdle();

    // Assess
    expect(seen).toEqual(['r-1', 'r-1']);
    expect(rideIds(eventbridge.published())).toEqual(['r-1']);
  });

  it('rejects a duplicate rule, an invalid pattern and an out-of-range retry policy; remove() stops matching', async () => {
    // Prepare
    const target = async (): Promise<void> => undefined;
    const rule = eventbridge.addRule({ name: 'once', eventPattern: COMPLETED, target });

    // Act
    const duplicate = thrown(() => eventbridge.addRule({ name: 'once', eventPattern: COMPLETED, target }));
    const badPattern = thrown(() => eventbridge.addRule({ name: 'bad', eventPattern: { source: 'not-an-array' }, target }));
    const badRetry = thrown(() => eventbridge.addRule({ name: 'bad', eventPattern: COMPLETED, target, retryPolicy: { maximumEventAgeSeconds: 0 } }));
    rule.remove();
    await client.send(new PutEventsCommand({ Entries: [rideEntry('r-1')] }));

    // Assess
    expect(duplicate).toBeInstanceOf(RuleAlreadyExistsError);
    expect(badPattern).toMatchObject({ name: 'InvalidEventPatternError' });
    expect(badRetry).toMatchObject({ name: 'InvalidEventBridgeOptionsError', message: expect.stringContaining('maximumEventAgeSeconds') });
    expect(() => eventbridge.ruleCounters('bad')).toThrow(/does not exist/);
    expect(rule.counters().matched).toBe(0);
    expect(eventbridge.pendingDeliveries()).toBe(0);
  });

  it('cancels waiting retries on stop, so whenIdle resolves', async () => {
    // Prepare
    const slow = await startEventBridge({ retryBaseDelayMs: 60_000 });
    let calls = 0;
    const rule = slow.addRule({
      name: 'down',
      eventPattern: COMPLETED,
      target: async () => {
        calls += 1;
        throw new Error('down');
      },
    });
    const slowClient = eventBridgeClient(slow.endpoint);
    await slowClient.send(new PutEventsCommand({ Entries: [rideEntry('r-1')] }));
    slowClient.destroy();
    while (calls === 0) await new Promise((resolve) => setTimeout(resolve, 5));

    // Act
    await slow.stop();

    // Assess
    await expect(slow.whenIdle()).resolves.toBeUndefined();
    expect(calls).toBe(1);
    expect(rule.counters()).toMatchObject({ retried: 1, deadLettered: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import { redriveQueue, type QueueRun } from '../../src/redrive-queue.js';
import { total } from '../../src/tally.js';
import type { EventPublisher } from '../../src/ports.js';
import { MemoryBuses, MemoryQueue } from '../support/fakes.js';

const OPTIONS: QueueRun['options'] = { since: undefined, dryRun: false, limit: undefined, keep: false };
const QUIET = { progress: { everyRecords: 1_000, everyMs: Number.POSITIVE_INFINITY } };
const RULE_ARN = 'arn:aws:events:us-east-1:123456789012:rule/wildrydes-bus/eventbridge-consumer';

const event = (n: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ version: '0', id: `e-${n}`, 'detail-type': 'RideCompleted', source: 'wildrydes.rides', account: '123456789012', time: '2026-12-07T10:00:00Z', region: 'us-east-1', resources: [], detail: { rideId: `r-${n}` }, ...extra });

function runWith(queue: MemoryQueue, buses: MemoryBuses, options: Partial<QueueRun['options']> = {}, queueKind: QueueRun['queueKind'] = 'dead-letter') {
  const lines: string[] = [];
  const run = redriveQueue({ options: { ...OPTIONS, ...options }, queueKind, queueName: 'consumer-dlq', fallbackBus: 'fallback-bus', queue, publisher: buses, write: (line) => lines.push(line), settings: QUIET });
  return { run, lines };
}

describe('redriveQueue', () => {
  it('drains the queue onto the bus named by RULE_ARN, deleting each message once its event was accepted', async () => {
    // Prepare: 23 messages, more than one receive.
    const queue = new MemoryQueue();
    for (let n = 0; n < 23; n++) queue.send(event(n), { RULE_ARN, ERROR_CODE: 'SDK_CLIENT_ERROR' });
    const buses = new MemoryBuses();

    // Act
    const tally = await runWith(queue, buses).run;

    // Assess
    expect(buses.events).toHaveLength(23);
    expect(buses.events[0]).toEqual({ Source: 'wildrydes.rides', DetailType: 'RideCompleted', Detail: '{"rideId":"r-0"}', EventBusName: 'wildrydes-bus', Time: new Date('2026-12-07T10:00:00Z') });
    expect(queue.messages.size).toBe(0);
    expect(tally).toMatchObject({ listed: 23, redriven: 23, deleted: 23 });
  });

  it('leaves every message visible in a dry run', async () => {
    // Prepare
    const queue = new MemoryQueue();
    const ids = [queue.send(event(1), { RULE_ARN }), queue.send('not json')];
    const buses = new MemoryBuses();

    // Act
    const { run, lines } = runWith(queue, buses, { dryRun: true });
    const tally = await run;

    // Assess
    expect(buses.events).toEqual([]);
    expect(queue.visibleIds()).toEqual(ids);
    expect(lines).toContain(`would re-drive message ${ids[0]} to bus wildrydes-bus: RideCompleted from wildrydes.rides (was event e-1)`);
    expect(Object.fromEntries(tally.skipped)).toEqual({ NOT_AN_EVENT: 1 });
  });

  it('keeps, visible again, the messages whose events PutEvents still failed, and those it could not delete, and fails them', async () => {
    // Prepare
    const queue = new MemoryQueue();
    const rejected = queue.send(event(1, { detail: { rideId: 'poison' } }), { RULE_ARN });
    const undeletable = queue.send(event(2), { RULE_ARN });
    const fine = queue.send(event(3), { RULE_ARN });
    queue.failDeletes.add(undeletable);
    const buses = new MemoryBuses((entry) => (String(entry.Detail).includes('poison') ? 'ThrottlingException: Rate exceeded' : undefined));

    // Act
    const tally = await runWith(queue, buses).run;

    // Assess
    expect(buses.events.map(({ Detail }) => Detail)).toEqual(['{"rideId":"r-2"}', '{"rideId":"r-3"}']);
    expect(queue.visibleIds()).toEqual([rejected]);
    expect(queue.messages.has(undeletable)).toBe(true);
    expect(queue.messages.has(fine)).toBe(false);
    expect(Object.fromEntries(tally.failed)).toEqual({ ThrottlingException: 1, DeleteFailed: 1 });
    expect(tally).toMatchObject({ redriven: 2, deleted: 1 });
  });

  it('puts the event of an on-failure record (requestPayload) on the fallback bus', async () => {
    // Prepare
    const queue = new MemoryQueue();
    queue.send(JSON.stringify({
      version: '1.0',
      timestamp: '2026-12-07T10:00:05.000Z',
      requestContext: { requestId: 'r', functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:eventbridge-consumer:$LATEST', condition: 'RetriesExhausted', approximateInvokeCount: 3 },
      requestPayload: JSON.parse(event(7)),
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: { errorMessage: 'throttled' },
    }));
    const buses = new MemoryBuses();

    // Act
    const tally = await runWith(queue, buses, {}, 'on-failure').run;

    // Assess
    expect(buses.events.map(({ EventBusName, Detail }) => [EventBusName, Detail])).toEqual([['fallback-bus', '{"rideId":"r-7"}']]);
    expect(tally).toMatchObject({ redriven: 1, deleted: 1 });
  });

  it('re-drives at most --limit messages and only those queued since --since, leaving the rest visible', async () => {
    // Prepare
    const queue = new MemoryQueue();
    const old = queue.send(event(1), { RULE_ARN }, Date.UTC(2026, 11, 1));
    queue.send(event(2), { RULE_ARN });
    const third = queue.send(event(3), { RULE_ARN });
    const buses = new MemoryBuses();

    // Act
    const tally = await runWith(queue, buses, { since: '2026-12-07', limit: 1 }).run;

    // Assess
    expect(buses.events.map(({ Detail }) => Detail)).toEqual(['{"rideId":"r-2"}']);
    expect(queue.visibleIds()).toEqual([old, third]);
    expect(tally).toMatchObject({ listed: 3, filteredOut: 1, redriven: 1, notReached: 1 });
  });

  it('fails, without throwing, when the queue cannot be read', async () => {
    // Prepare
    const queue = new MemoryQueue();
    queue.receive = () => Promise.reject(Object.assign(new Error('The specified queue does not exist.'), { name: 'QueueDoesNotExist' }));

    // Act
    const { run, lines } = runWith(queue, new MemoryBuses());
    const tally = await run;

    // Assess
    expect(Object.fromEntries(tally.failed)).toEqual({ ReceiveFailed: 1 });
    expect(lines[0]).toMatch(/^failed queue consumer-dlq: ReceiveFailed: .*QueueDoesNotExist/);
  });

  it('re-drives only what was queued before the run started: an event put back that fails again (a new message) is left for the next run, so the run ends', async () => {
    // Prepare: a target that fails at once, as EventBridge's missing-permission failures go straight
    // to the DLQ ("Using dead-letter queues to process undelivered events in EventBridge"): every
    // event put back returns as a new message, sent now. The cap only bounds a run that loops.
    const startedAtMs = Date.UTC(2026, 11, 7, 12);
    const queue = new MemoryQueue();
    const before = [1, 2, 3].map((n) => queue.send(event(n), { RULE_ARN }, startedAtMs - 60_000));
    const buses = new MemoryBuses();
    const CAP = 100;
    let returned = 0;
    const failingAgain: EventPublisher = {
      async put(events) {
        const outcome = await buses.put(events);
        for (const ref of outcome.accepted) {
          const entry = events.find((outgoing) => outgoing.ref === ref)?.entry;
          if (returned < CAP && entry !== undefined) {
            returned++;
            queue.send(JSON.stringify({ ...JSON.parse(event(0)), detail: JSON.parse(String(entry.Detail)) }), { RULE_ARN }, startedAtMs + returned);
          }
        }
        return outcome;
      },
    };
    const lines: string[] = [];

    // Act
    const tally = await redriveQueue({
      options: OPTIONS, queueKind: 'dead-letter', queueName: 'consumer-dlq', fallbackBus: 'fallback-bus',
      queue, publisher: failingAgain, write: (line) => lines.push(line), now: () => startedAtMs, settings: QUIET,
    });

    // Assess
    expect(buses.events.map(({ Detail }) => Detail)).toEqual(['{"rideId":"r-1"}', '{"rideId":"r-2"}', '{"rideId":"r-3"}']);
    expect(returned).toBe(3);
    expect(before.every((id) => !queue.messages.has(id))).toBe(true);
    expect(queue.visibleIds()).toHaveLength(3);
    expect(tally).toMatchObject({ listed: 6, redriven: 3, deleted: 3 });
    expect(Object.fromEntries(tally.skipped)).toEqual({ ARRIVED_DURING_RUN: 3 });
    expect(total(tally.failed)).toBe(0);
    expect(lines.filter((line) => line.includes('ARRIVED_DURING_RUN'))[0]).toMatch(/^skipped message m-4: ARRIVED_DURING_RUN: it was queued after this run started \(2026-12-07T12:00:00.000Z\).*its cause may not be fixed$/);
  });

  it('re-drives a message sent just before the start, and leaves one sent at the start', async () => {
    // Prepare
    const startedAtMs = Date.UTC(2026, 11, 7, 12);
    const queue = new MemoryQueue();
    queue.send(event(1), { RULE_ARN }, startedAtMs - 1);
    const atStart = queue.send(event(2), { RULE_ARN }, startedAtMs);
    const buses = new MemoryBuses();

    // Act
    const tally = await redriveQueue({
      options: OPTIONS, queueKind: 'dead-letter', queueName: 'consumer-dlq', fallbackBus: 'fallback-bus',
      queue, publisher: buses, write: () => undefined, now: () => startedAtMs, settings: QUIET,
    });

    // Assess
    expect(buses.events.map(({ Detail }) => Detail)).toEqual(['{"rideId":"r-1"}']);
    expect(queue.visibleIds()).toEqual([atStart]);
    expect(Object.fromEntries(tally.skipped)).toEqual({ ARRIVED_DURING_RUN: 1 });
  });
});

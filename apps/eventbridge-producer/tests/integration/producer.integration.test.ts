import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { startEmulators, type BusEvent, type PutEventsEntryInput, type RunningEmulators, type RunningEventBridge } from '@wildrydes/emulators';
import { functionUrlEvent } from '../support/function-url-event.js';
import { rideCompleted, rideRequested } from '../support/rides.js';

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
type EntryResult = { index: number; status: 'published' | 'failed'; eventId?: string; retryable?: boolean; reason?: string };

const BUNDLE = fileURLToPath(new URL('../../../../dist/apps/eventbridge-producer/index.mjs', import.meta.url));
const BUS = 'wildrydes-bus';
/** A fault count no test exhausts: the fault holds for the whole test (afterEach clears it). */
const EVERY_TIME = Number.MAX_SAFE_INTEGER;

let emulators: RunningEmulators;
let eventbridge: RunningEventBridge;

/** A Lambda context whose remaining time counts down from `remainingMs`, like the real one. */
const context = (remainingMs = 10_000) => {
  const start = Date.now();
  return { getRemainingTimeInMillis: () => remainingMs - (Date.now() - start) } as Context;
};
const bodyOf = (response: APIGatewayProxyStructuredResultV2) => JSON.parse(response.body ?? 'null') as Record<string, unknown>;
const resultsOf = (response: APIGatewayProxyStructuredResultV2) => bodyOf(response)['results'] as EntryResult[];
const rideIdOf = (event: BusEvent) => event.detail['rideId'] as string;
const entryRideId = (entry: PutEventsEntryInput) => (JSON.parse(entry.Detail ?? '{}') as { rideId: string }).rideId;
const isRide = (rideId: string) => (entry: PutEventsEntryInput) => entryRideId(entry) === rideId;
/** The events that landed on the producer's bus. */
const published = () => eventbridge.published(BUS);
/** How many entries each PutEvents call the emulator received carried (failed calls included), in arrival order. */
const requestSizes = () => eventbridge.requests('PutEvents').map(({ entries }) => entries.length);

/** Loads the deployable bundle as a fresh module instance, so it reads the env it is given now. */
async function loadHandler(env: Record<string, string>, instance: string): Promise<Handler> {
  Object.assign(process.env, env);
  const module = (await import(`${pathToFileURL(BUNDLE).href}?instance=${instance}`)) as { handler: Handler };
  return module.handler;
}

const producer = () => loadHandler({ EVENT_BUS_NAME: BUS }, 'main');

beforeAll(async () => {
  if (!existsSync(BUNDLE)) {
    throw new Error('dist/apps/eventbridge-producer/index.mjs is missing: run `npx nx run eventbridge-producer:build` (nx test does it for you)');
  }
  emulators = await startEmulators({ eventbridge: true });
  eventbridge = emulators.eventbridge!;
  eventbridge.createEventBus(BUS);
  Object.assign(process.env, emulators.env);
});

afterEach(() => {
  vi.restoreAllMocks();
  eventbridge.clearRequests();
  eventbridge.clearFaults();
  eventbridge.clearPublished();
});

afterAll(async () => {
  await emulators?.stop();
});

describe('eventbridge-producer bundle against the EventBridge emulator', () => {
  it('publishes one entry and answers 202 with the event ID EventBridge gave it', async () => {
    // Prepare
    const handler = await producer();
    const entry = rideCompleted('r-single');
    // Act
    const response = await handler(functionUrlEvent({ json: entry }), context());
    // Assess
    expect(response.statusCode).toBe(202);
    expect(response.headers?.['content-type']).toBe('application/json');
    expect(eventbridge.published()).toHaveLength(1);
    const [recorded] = published();
    expect(recorded).toMatchObject({ source: 'wildrydes.rides', 'detail-type': 'RideCompleted' });
    expect(recorded!.detail).toEqual(entry.detail);
    expect(resultsOf(response)).toEqual([{ index: 0, status: 'published', eventId: recorded!.id }]);
  });

  it('publishes a batch of 25 in PutEvents requests of at most 10 and reports every event ID in request order', async () => {
    const handler = await producer();
    const entries = Array.from({ length: 25 }, (_, i) => (i % 2 === 0 ? rideRequested(`r-${i}`) : rideCompleted(`r-${i}`)));

    const response = await handler(functionUrlEvent({ json: { entries } }), context());

    expect(response.statusCode).toBe(202);
    expect(requestSizes().sort((a, b) => b - a)).toEqual([10, 10, 5]);
    expect(published().map(rideIdOf).sort()).toEqual(entries.map(({ detail }) => detail.rideId).sort());
    const results = resultsOf(response);
    expect(results.map(({ index, status }) => [index, status])).toEqual(entries.map((_, i) => [i, 'published']));
    for (const result of results) {
      const recorded = published().find(({ id }) => id === result.eventId);
      expect(rideIdOf(recorded!)).toBe(entries[result.index]!.detail.rideId);
    }
  });

  it('publishes nothing from a batch with one invalid entry and answers 400 naming it', async () => {
    const handler = await producer();
    const entries = [rideRequested('a'), rideRequested('b', { pickup: { latitude: 91, longitude: 0 } }), rideCompleted('c')];

    const response = await handler(functionUrlEvent({ json: { entries } }), context());

    expect(response.statusCode).toBe(400);
    expect(bodyOf(response)).toMatchObject({ error: 'InvalidEntries', issues: [{ index: 1, message: expect.stringMatching(/^detail\.pickup\.latitude: /) }] });
    expect(requestSizes()).toEqual([]);
  });

  it('answers 415 to a body that is not application/json', async () => {
    const handler = await producer();

    const response = await handler(functionUrlEvent({ body: JSON.stringify(rideCompleted()), headers: { 'content-type': 'text/plain' } }), context());

    expect(response.statusCode).toBe(415);
    expect(bodyOf(response)['error']).toBe('UnsupportedMediaType');
    expect(requestSizes()).toEqual([]);
  });

  it('answers 413 to a body over MAX_BODY_BYTES, to too many entries and to an entry over MAX_EVENT_ENTRY_BYTES', async () => {
    const handler = await loadHandler({ EVENT_BUS_NAME: BUS, MAX_BODY_BYTES: '4096', MAX_ENTRIES_PER_REQUEST: '5', MAX_EVENT_ENTRY_BYTES: '300' }, 'small-limits');
    const bigBody = { entries: [rideCompleted()], padding: 'x'.repeat(4_096) };
    const tooMany = { entries: Array.from({ length: 6 }, (_, i) => rideRequested(`r-${i}`)) };
    const tooLarge = { entries: [rideCompleted('short'), rideCompleted('r'.repeat(128), { unicorn: 'U'.repeat(120) })] };

    const responses = await Promise.all([bigBody, tooMany, tooLarge].map((json) => handler(functionUrlEvent({ json }), context())));

    expect(responses.map(({ statusCode }) => statusCode)).toEqual([413, 413, 413]);
    expect(responses.map((response) => bodyOf(response)['error'])).toEqual(['BodyTooLarge', 'TooManyEntries', 'EntryTooLarge']);
    expect(bodyOf(responses[2]!)['issues']).toEqual([{ index: 1, message: expect.stringMatching(/limit is 300 bytes$/) }]);
    expect(requestSizes()).toEqual([]);
  });

  it('retries entries EventBridge throttles once and answers 202 with each published exactly once', async () => {
    // Prepare: every third entry is throttled on its first delivery.
    const handler = await producer();
    const entries = Array.from({ length: 12 }, (_, i) => rideRequested(`t-${i}`));
    const throttled = new Set(entries.filter((_, i) => i % 3 === 0).map(({ detail }) => detail.rideId));
    for (const rideId of throttled) {
      eventbridge.failNext({ count: 1, errorCode: 'ThrottlingException', errorMessage: 'Rate exceeded', match: isRide(rideId) });
    }
    // Act
    const response = await handler(functionUrlEvent({ json: { entries } }), context());
    // Assess
    expect(response.statusCode).toBe(202);
    expect(resultsOf(response).every(({ status }) => status === 'published')).toBe(true);
    expect(published()).toHaveLength(12);
    expect(new Set(published().map(rideIdOf)).size).toBe(12);
    expect(requestSizes().reduce((sum, size) => sum + size, 0)).toBe(12 + throttled.size);
  });

  it('answers 503 with retry-after and per-entry results when EventBridge keeps failing some entries until the deadline', async () => {
    // Prepare: the invocation has time for two PutEvents calls and none after them (the remaining
    // time follows the calls the emulator received, not the clock, so a busy machine changes nothing).
    const handler = await producer();
    const entries = [rideRequested('ok-1'), rideRequested('doomed-1'), rideCompleted('ok-2'), rideCompleted('doomed-2')];
    const doomed = (entry: PutEventsEntryInput) => entryRideId(entry).startsWith('doomed');
    eventbridge.failNext({ count: EVERY_TIME, errorCode: 'InternalFailure', errorMessage: 'try again', match: doomed });
    const twoCallsOfTime = { getRemainingTimeInMillis: () => (requestSizes().length < 2 ? 60_000 : 0) } as Context;
    // Act
    const response = await handler(functionUrlEvent({ json: { entries } }), twoCallsOfTime);
    // Assess: the retry of the failed entries only, then no call once the time was up
    expect(requestSizes()).toEqual([4, 2]);
    expect(response.statusCode).toBe(503);
    expect(response.headers?.['retry-after']).toBe('2');
    const results = resultsOf(response);
    expect(results.map(({ status }) => status)).toEqual(['published', 'failed', 'published', 'failed']);
    for (const failed of results.filter(({ status }) => status === 'failed')) {
      expect(failed).toMatchObject({ retryable: true, reason: 'DeadlineReached: InternalFailure' });
    }
    expect(published().map(rideIdOf).sort()).toEqual(['ok-1', 'ok-2']);
  });

  it.each([
    ['an empty object', {}],
    ['null', null],
    ['an event without a request context', { rawPath: '/events', body: '{}' }],
  ])('answers a direct invoke with %s with a JSON 400, not a bare 502', async (_case, event) => {
    // Prepare
    const handler = await producer();

    // Act
    const response = await handler(event as unknown as APIGatewayProxyEventV2, { ...context(), awsRequestId: 'invoke-1' } as Context);

    // Assess
    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-type']).toBe('application/json');
    expect(bodyOf(response)).toMatchObject({ error: 'InvalidRequest' });
    expect(requestSizes()).toEqual([]);
  });

  it('answers a request for a 64 KB path with a short 404', async () => {
    // Prepare
    const handler = await producer();

    // Act
    const response = await handler(functionUrlEvent({ path: `/${'p'.repeat(64 * 1024)}`, json: {} }), context());

    // Assess
    expect(response.statusCode).toBe(404);
    expect(response.body!.length).toBeLessThan(512);
  });

  it('answers 503 with retry-after, not 500, when the producer is not allowed to publish', async () => {
    const handler = await producer();
    eventbridge.failNextRequests({ count: EVERY_TIME, errorCode: 'AccessDeniedException', operation: 'PutEvents' });

    const response = await handler(functionUrlEvent({ json: rideCompleted() }), context());

    expect(response.statusCode).toBe(503);
    expect(response.headers?.['retry-after']).toBe('2');
    expect(bodyOf(response)['error']).toBe('PublishIncomplete');
    expect(resultsOf(response)).toEqual([{ index: 0, status: 'failed', retryable: true, reason: 'AccessDeniedException' }]);
  });

  it('answers 422 EntryRejected when EventBridge rejects an entry the producer validated, saying which were published', async () => {
    const handler = await producer();
    const entries = [rideRequested('ok-1'), rideCompleted('refused-1')];
    eventbridge.failNext({ count: EVERY_TIME, errorCode: 'MalformedDetail', errorMessage: 'Detail is malformed.', match: isRide('refused-1') });

    const response = await handler(functionUrlEvent({ json: { entries } }), context());

    expect(response.statusCode).toBe(422);
    expect(response.headers).not.toHaveProperty('retry-after');
    expect(bodyOf(response)['error']).toBe('EntryRejected');
    expect(resultsOf(response)).toEqual([
      { index: 0, status: 'published', eventId: expect.any(String) },
      { index: 1, status: 'failed', retryable: false, reason: 'MalformedDetail' },
    ]);
    expect(published().map(rideIdOf)).toEqual(['ok-1']);
  });

  it('answers 503 when some failed entries are worth resending even though another was rejected, marking it not retryable', async () => {
    const handler = await producer();
    const entries = [rideRequested('refused-1'), rideRequested('doomed-1'), rideCompleted('ok-1')];
    eventbridge.failNext({ count: EVERY_TIME, errorCode: 'MalformedDetail', errorMessage: 'Detail is malformed.', match: isRide('refused-1') });
    eventbridge.failNext({ count: EVERY_TIME, errorCode: 'InternalFailure', errorMessage: 'try again', match: isRide('doomed-1') });

    const response = await handler(functionUrlEvent({ json: { entries } }), context(3_000));

    expect(response.statusCode).toBe(503);
    expect(response.headers?.['retry-after']).toBe('2');
    const results = resultsOf(response);
    expect(results[0]).toEqual({ index: 0, status: 'failed', retryable: false, reason: 'MalformedDetail' });
    expect(results[1]).toMatchObject({ index: 1, status: 'failed', retryable: true });
    expect(results[2]).toMatchObject({ index: 2, status: 'published' });
    expect(published().map(rideIdOf)).toEqual(['ok-1']);
  });

  it('logs counts, never the riders’ data', async () => {
    const handler = await producer();
    const writes: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      writes.push(String(chunk));
      return true;
    });
    const secret = 'rider-secret-7788';

    await handler(functionUrlEvent({ json: rideRequested('r-log', { riderId: secret }) }), context());
    await handler(functionUrlEvent({ json: { entries: [rideRequested('r-bad', { riderId: secret, requestedAt: 'now' })] } }), context());

    const log = writes.join('');
    expect(log).toContain('"entries":1');
    expect(log).toContain('"invalidEntries":1');
    expect(log).not.toContain(secret);
  });

  it('answers GET /health with 200, and other paths and methods with 404 and 405', async () => {
    const handler = await producer();

    const health = await handler(functionUrlEvent({ method: 'GET', path: '/health' }), context());
    const unknown = await handler(functionUrlEvent({ method: 'POST', path: '/rides', json: rideCompleted() }), context());
    const wrongMethod = await handler(functionUrlEvent({ method: 'GET', path: '/events' }), context());

    expect(health.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(404);
    expect(wrongMethod.statusCode).toBe(405);
    expect(wrongMethod.headers?.['allow']).toBe('POST');
    expect(requestSizes()).toEqual([]);
  });
});

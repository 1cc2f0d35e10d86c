import { describe, expect, it } from 'vitest';
import { handleRequest, type ProducerPorts, type ProducerSettings } from '../../src/handle-request.js';
import type { PublishFailure, PublishReport } from '../../src/publish-outcome.js';
import type { BusEntry } from '../../src/validate-entries.js';
import { functionUrlEvent } from '../support/function-url-event.js';
import { rideCompleted, rideRequested } from '../support/rides.js';

const settings: ProducerSettings = { eventBusName: 'wildrydes-bus', maxBodyBytes: 64 * 1024, maxEntriesPerRequest: 100, maxEntryBytes: 1_048_576 };

/** An in-memory bus: records what is published; entries whose index is in `fail` fail with the given reason. */
function fakeBus(fail: ReadonlyMap<number, Omit<PublishFailure, 'index'>> = new Map()) {
  const published: BusEntry[] = [];
  const calls: number[] = [];
  const ports: ProducerPorts = {
    async publish(entries) {
      calls.push(entries.length);
      const report: { published: Array<{ index: number; eventId: string }>; failed: PublishFailure[] } = {
        published: [],
        failed: [],
      };
      entries.forEach((entry, index) => {
        const failure = fail.get(index);
        if (failure) {
          report.failed.push({ index, ...failure });
        } else {
          published.push(entry);
          report.published.push({ index, eventId: `event-${published.length}` });
        }
      });
      return report satisfies PublishReport;
    },
  };
  return { ports, published, calls };
}

const bodyOf = (response: { body?: string }) => JSON.parse(response.body ?? 'null');

describe('handleRequest', () => {
  it('publishes one entry and answers 202 with its event ID', async () => {
    // Prepare
    const bus = fakeBus();
    const entry = rideCompleted('r-1');
    // Act
    const { response, summary } = await handleRequest(functionUrlEvent({ json: entry }), bus.ports, settings);
    // Assess
    expect(response.statusCode).toBe(202);
    expect(bodyOf(response)).toEqual({ results: [{ index: 0, status: 'published', eventId: 'event-1' }] });
    expect(bus.published).toEqual([
      { Source: 'wildrydes.rides', DetailType: 'RideCompleted', Detail: JSON.stringify(entry.detail), EventBusName: 'wildrydes-bus' },
    ]);
    expect(summary).toEqual({ route: 'publish', status: 202, bodyBytes: JSON.stringify(entry).length, entries: 1, published: 1, failed: 0 });
  });

  it('publishes a batch posted to / as well as /events', async () => {
    const bus = fakeBus();

    const { response } = await handleRequest(functionUrlEvent({ path: '/', json: { entries: [rideRequested('a'), rideCompleted('a')] } }), bus.ports, settings);

    expect(response.statusCode).toBe(202);
    expect(bus.published.map((e) => e.DetailType)).toEqual(['RideRequested', 'RideCompleted']);
  });

  it('accepts a base64-encoded body with a charset parameter', async () => {
    const bus = fakeBus();
    const event = functionUrlEvent({ body: Buffer.from(JSON.stringify(rideCompleted())), headers: { 'content-type': 'application/json; charset=utf-8' } });

    expect((await handleRequest(event, bus.ports, settings)).response.statusCode).toBe(202);
  });

  it('publishes nothing when one entry of a batch is invalid, and answers 400 naming it', async () => {
    const bus = fakeBus();
    const entries = [rideRequested('a'), rideCompleted('a', { completedAt: 'yesterday' })];

    const { response, summary } = await handleRequest(functionUrlEvent({ json: { entries } }), bus.ports, settings);

    expect(response.statusCode).toBe(400);
    expect(bodyOf(response)).toMatchObject({ error: 'InvalidEntries', issues: [{ index: 1, message: 'detail.completedAt: Invalid ISO datetime' }] });
    expect(bus.calls).toEqual([]);
    expect(summary).toMatchObject({ status: 400, error: 'InvalidEntries', entries: 2, invalidEntries: 1, published: 0 });
  });

  it.each([
    ['a wrong content type', functionUrlEvent({ body: 'hello', headers: { 'content-type': 'text/plain' } }), 415],
    ['a missing content type', functionUrlEvent({ body: JSON.stringify(rideCompleted()) }), 415],
    ['a body over MAX_BODY_BYTES', functionUrlEvent({ json: { entries: [rideCompleted()], padding: 'x'.repeat(settings.maxBodyBytes) } }), 413],
    ['invalid JSON', functionUrlEvent({ body: '{', headers: { 'content-type': 'application/json' } }), 400],
    ['an unknown path', functionUrlEvent({ path: '/rides', json: rideCompleted() }), 404],
    ['a wrong method', functionUrlEvent({ method: 'PUT', json: rideCompleted() }), 405],
  ])('publishes nothing for %s and answers %i in JSON', async (_label, event, status) => {
    const bus = fakeBus();

    const { response, summary } = await handleRequest(event, bus.ports, settings);

    expect(response.statusCode).toBe(status);
    expect(response.headers?.['content-type']).toBe('application/json');
    expect(bodyOf(response)).toMatchObject({ error: expect.any(String), message: expect.any(String) });
    expect(bus.calls).toEqual([]);
    expect(summary.status).toBe(status);
  });

  it('finds the content type whatever the case of the header name', async () => {
    const event = functionUrlEvent({ body: JSON.stringify(rideCompleted()), headers: { 'Content-Type': 'application/json' } });

    expect((await handleRequest(event, fakeBus().ports, settings)).response.statusCode).toBe(202);
  });

  it('answers GET /health with 200 without publishing', async () => {
    const bus = fakeBus();

    const { response } = await handleRequest(functionUrlEvent({ method: 'GET', path: '/health' }), bus.ports, settings);

    expect(response).toEqual({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"status":"ok"}' });
    expect(bus.calls).toEqual([]);
  });

  it('answers 503 with the per-entry results when some entries failed transiently, and keeps the full reasons for the log', async () => {
    // Prepare
    const reason = 'DeadlineReached: ThrottlingException: Rate exceeded after 5 attempt(s)';
    const bus = fakeBus(new Map([[1, { retryable: true, code: 'DeadlineReached', reason }]]));
    const entries = [rideRequested('a'), rideRequested('b'), rideRequested('c')];
    // Act
    const { response, summary, failures } = await handleRequest(functionUrlEvent({ json: { entries } }), bus.ports, settings);
    // Assess
    expect(response.statusCode).toBe(503);
    expect(response.headers?.['retry-after']).toBe('2');
    expect(bodyOf(response).results.map((r: { status: string }) => r.status)).toEqual(['published', 'failed', 'published']);
    expect(summary).toMatchObject({ status: 503, error: 'PublishIncomplete', entries: 3, published: 2, failed: 1 });
    expect(failures).toEqual([{ index: 1, retryable: true, code: 'DeadlineReached', reason }]);
  });

  it('answers 503 with retry-after when the producer is not allowed to publish', async () => {
    const bus = fakeBus(new Map([[0, { retryable: true, code: 'Environment', reason: 'AccessDeniedException: no' }]]));

    const { response, summary } = await handleRequest(functionUrlEvent({ json: rideCompleted() }), bus.ports, settings);

    expect(response.statusCode).toBe(503);
    expect(response.headers?.['retry-after']).toBe('2');
    expect(summary).toMatchObject({ status: 503, error: 'PublishIncomplete', published: 0, failed: 1 });
  });

  it('answers 422 EntryRejected when EventBridge rejects an entry the producer validated', async () => {
    const reason = 'MalformedDetail: Detail is malformed.';
    const bus = fakeBus(new Map([[1, { retryable: false, code: 'Invalid', reason }]]));
    const entries = [rideRequested('a'), rideRequested('b')];

    const { response, summary, failures } = await handleRequest(functionUrlEvent({ json: { entries } }), bus.ports, settings);

    expect(response.statusCode).toBe(422);
    expect(response.headers).not.toHaveProperty('retry-after');
    expect(bodyOf(response)).toMatchObject({
      error: 'EntryRejected',
      results: [{ index: 0, status: 'published' }, { index: 1, status: 'failed', retryable: false, reason: 'MalformedDetail' }],
    });
    expect(summary).toMatchObject({ status: 422, error: 'EntryRejected', entries: 2, published: 1, failed: 1 });
    expect(failures).toEqual([{ index: 1, retryable: false, code: 'Invalid', reason }]);
  });
});

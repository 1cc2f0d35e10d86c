import {
  EventBridgeClient,
  InternalException,
  PutEventsCommand,
  ResourceNotFoundException,
  type PutEventsCommandInput,
  type PutEventsRequestEntry,
  type PutEventsResultEntry,
} from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidOptionsError, putEvents, type PutEventsInput } from '../../src/index.js';
import { fakeTime, type FakeTime } from '../support/fake-time.js';
import { serviceError } from '../support/service-errors.js';

const BUS = 'wildrydes';
const eventsMock = mockClient(EventBridgeClient);
const client = new EventBridgeClient({ region: 'eu-west-1' });

function rideEvent(index: number, detail: object = { rideId: `ride-${index}` }): PutEventsRequestEntry {
  return { EventBusName: BUS, Source: 'wildrydes.rides', DetailType: 'RideCompleted', Detail: JSON.stringify(detail) };
}

function events(count: number) {
  return Array.from({ length: count }, (_, index) => ({ ref: `ref-${index}`, entry: rideEvent(index) }));
}

function input(time: FakeTime, overrides: Partial<PutEventsInput<string>> = {}): PutEventsInput<string> {
  return {
    entries: events(3),
    deadline: time.deadline,
    sleep: time.sleep,
    random: () => 0.5,
    retry: { baseDelayMs: 100, maxDelayMs: 1_000, maxAttempts: 5, minCallBudgetMs: 200 },
    ...overrides,
  };
}

/** The ride IDs each PutEvents call carried. */
function sentRides(): string[][] {
  return eventsMock
    .commandCalls(PutEventsCommand)
    .map((call) => (call.args[0].input.Entries ?? []).map((entry) => (JSON.parse(entry.Detail ?? '{}') as { rideId: string }).rideId));
}

function rideOf(entry: PutEventsRequestEntry): string {
  return (JSON.parse(entry.Detail ?? '{}') as { rideId: string }).rideId;
}

/** A bus that accepts every entry unless `failure` names an error for it (given its ride ID and how many times it was sent). */
function fakeBus(failure: (rideId: string, sendCount: number) => PutEventsResultEntry | undefined = () => undefined) {
  const sendCounts = new Map<string, number>();
  eventsMock.on(PutEventsCommand).callsFake((request: PutEventsCommandInput) => {
    const results = (request.Entries ?? []).map((entry): PutEventsResultEntry => {
      const rideId = rideOf(entry);
      const sendCount = (sendCounts.get(rideId) ?? 0) + 1;
      sendCounts.set(rideId, sendCount);
      return failure(rideId, sendCount) ?? { EventId: `event-${rideId}-${sendCount}` };
    });
    return { FailedEntryCount: results.filter((result) => result.ErrorCode).length, Entries: results };
  });
}

const throttled: PutEventsResultEntry = { ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' };

describe('putEvents', () => {
  let time: FakeTime;

  beforeEach(() => {
    eventsMock.reset();
    time = fakeTime(30_000);
  });

  afterEach(() => {
    eventsMock.reset();
  });

  it('publishes every entry and reports its event ID, in input order', async () => {
    // Prepare
    fakeBus();

    // Act
    const result = await putEvents(client, input(time));

    // Assess
    expect(result).toEqual({
      published: [
        { ref: 'ref-0', eventId: 'event-ride-0-1' },
        { ref: 'ref-1', eventId: 'event-ride-1-1' },
        { ref: 'ref-2', eventId: 'event-ride-2-1' },
      ],
      failed: [],
      attempts: 1,
    });
  });

  it('sends the entries as given, with an abort signal for the deadline', async () => {
    // Prepare
    fakeBus();
    const entry = { ...rideEvent(0), Time: new Date('2026-11-21T10:00:00Z'), Resources: ['arn:aws:s3:::x'] };

    // Act
    await putEvents(client, input(time, { entries: [{ ref: 'r', entry }] }));

    // Assess
    const [call] = eventsMock.commandCalls(PutEventsCommand);
    expect(call?.args[0].input).toEqual({ Entries: [entry] });
    const options = (call?.args as unknown[] | undefined)?.[1] as { abortSignal?: AbortSignal } | undefined;
    expect(options?.abortSignal).toBeInstanceOf(AbortSignal);
  });

  it('makes no calls for no entries', async () => {
    // Act
    const result = await putEvents(client, input(time, { entries: [] }));

    // Assess
    expect(result).toEqual({ published: [], failed: [], attempts: 0 });
    expect(eventsMock.calls()).toHaveLength(0);
  });

  describe('request splitting', () => {
    it('sends at most 10 entries per request', async () => {
      // Prepare
      fakeBus();

      // Act
      const result = await putEvents(client, input(time, { entries: events(25) }));

      // Assess
      expect(sentRides().map((request) => request.length)).toEqual([10, 10, 5]);
      expect(result.published).toHaveLength(25);
      expect(result.attempts).toBe(3);
    });

    it('keeps requests within the request byte limit, as AWS sizes entries', async () => {
      // Prepare: each entry is 15 + 13 + 400 = 428 bytes; 1000 bytes hold 2
      fakeBus();
      const entries = Array.from({ length: 5 }, (_, index) => ({ ref: `ref-${index}`, entry: rideEvent(index, { rideId: `ride-${index}`, pad: 'x'.repeat(400 - 28) }) }));
      expect(entries.every(({ entry }) => (entry.Detail ?? '').length === 400)).toBe(true);

      // Act
      await putEvents(client, input(time, { entries, limits: { maxEntryBytes: 1_000, maxRequestBytes: 1_000 } }));

      // Assess
      expect(sentRides()).toEqual([['ride-0', 'ride-1'], ['ride-2', 'ride-3'], ['ride-4']]);
    });

    it('defaults the request byte limit to 1 MiB: two entries of 600 KB go in two requests', async () => {
      // Prepare
      fakeBus();
      const entries = [0, 1].map((index) => ({ ref: `ref-${index}`, entry: rideEvent(index, { rideId: `ride-${index}`, pad: 'x'.repeat(600 * 1024) }) }));

      // Act
      const result = await putEvents(client, input(time, { entries }));

      // Assess
      expect(sentRides()).toEqual([['ride-0'], ['ride-1']]);
      expect(result.published).toHaveLength(2);
    });
  });

  describe('entries that can never be published', () => {
    it('fails an entry over 1 MiB upfront, not retryable, with its size, and publishes the rest', async () => {
      // Prepare
      fakeBus();
      const entries = events(3);
      entries[1] = { ref: 'ref-1', entry: { Source: 'wildrydes.rides', DetailType: 'RideCompleted', Detail: `"${'x'.repeat(1024 * 1024)}"` } };

      // Act
      const result = await putEvents(client, input(time, { entries }));

      // Assess
      expect(result.failed).toEqual([{ ref: 'ref-1', retryable: false, code: 'TooLarge', reason: 'EntryTooLarge: 1048606 bytes > limit 1048576 bytes' }]);
      expect(result.published.map((published) => published.ref)).toEqual(['ref-0', 'ref-2']);
      expect(sentRides()).toEqual([['ride-0', 'ride-2']]);
    });

    it('takes the entry limit as a setting: 256 KB for an account that still has the old limit', async () => {
      // Prepare
      fakeBus();
      const entries = [{ ref: 'big', entry: rideEvent(0, { rideId: 'ride-0', pad: 'x'.repeat(300 * 1024) }) }];

      // Act
      const result = await putEvents(client, input(time, { entries, limits: { maxEntryBytes: 256 * 1024 } }));

      // Assess
      expect(result.failed[0]).toMatchObject({ code: 'TooLarge', reason: expect.stringMatching(/^EntryTooLarge: \d+ bytes > limit 262144 bytes$/) });
      expect(eventsMock.calls()).toHaveLength(0);
    });

    it.each([
      ['MalformedDetail', 'Detail is malformed.'],
      ['InvalidArgument', 'Parameter Source is not valid.'],
      ['ValidationException', 'Value failed to satisfy constraint'],
    ])('fails an entry rejected with %s, not retryable, without retrying it', async (code, message) => {
      // Prepare
      fakeBus((rideId) => (rideId === 'ride-1' ? { ErrorCode: code, ErrorMessage: message } : undefined));

      // Act
      const result = await putEvents(client, input(time));

      // Assess
      expect(result.failed).toEqual([{ ref: 'ref-1', retryable: false, code: 'Invalid', reason: `${code}: ${message}` }]);
      expect(result.attempts).toBe(1);
    });
  });

  describe('per-entry results, matched by position', () => {
    it('maps each result to the entry at its position', async () => {
      // Prepare: the response says entry 0 failed for good, entry 1 is event e-b, entry 2 is event e-c
      eventsMock.on(PutEventsCommand).resolves({
        FailedEntryCount: 1,
        Entries: [{ ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' }, { EventId: 'e-b' }, { EventId: 'e-c' }],
      });

      // Act
      const result = await putEvents(client, input(time));

      // Assess
      expect(result.published).toEqual([
        { ref: 'ref-1', eventId: 'e-b' },
        { ref: 'ref-2', eventId: 'e-c' },
      ]);
      expect(result.failed).toEqual([{ ref: 'ref-0', retryable: false, code: 'Invalid', reason: 'MalformedDetail: Detail is malformed.' }]);
    });

    it('resends exactly the entries that failed transiently, and maps the retry by its own positions', async () => {
      // Prepare: entries 1 and 3 of 5 fail at first
      eventsMock
        .on(PutEventsCommand)
        .resolvesOnce({
          FailedEntryCount: 2,
          Entries: [{ EventId: 'e0' }, throttled, { EventId: 'e2' }, { ErrorCode: 'InternalFailure', ErrorMessage: 'Internal' }, { EventId: 'e4' }],
        })
        .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e1' }, { EventId: 'e3' }] });
      const entries = events(5);

      // Act
      const result = await putEvents(client, input(time, { entries }));

      // Assess
      const calls = eventsMock.commandCalls(PutEventsCommand);
      expect(calls).toHaveLength(2);
      expect(calls[1]?.args[0].input).toEqual({ Entries: [entries[1]?.entry, entries[3]?.entry] });
      expect(result).toEqual({
        published: ['e0', 'e1', 'e2', 'e3', 'e4'].map((eventId, index) => ({ ref: `ref-${index}`, eventId })),
        failed: [],
        attempts: 2,
      });
      expect(time.sleeps).toEqual([50]);
    });

    it('retries every entry of a response whose results do not line up with the request', async () => {
      // Prepare
      eventsMock
        .on(PutEventsCommand)
        .resolvesOnce({ FailedEntryCount: 0, Entries: [{ EventId: 'e0' }] })
        .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'x0' }, { EventId: 'x1' }] });

      // Act
      const result = await putEvents(client, input(time, { entries: events(2) }));

      // Assess
      expect(result.published.map((published) => published.eventId)).toEqual(['x0', 'x1']);
      expect(result.attempts).toBe(2);
    });

    it('retries an entry that has neither an event ID nor an error code', async () => {
      // Prepare
      eventsMock.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{}] });

      // Act
      const result = await putEvents(client, input(time, { entries: events(1), retry: { maxAttempts: 2 } }));

      // Assess
      expect(result.failed).toEqual([
        {
          ref: 'ref-0',
          retryable: true,
          code: 'MaxAttemptsReached',
          reason: 'MaxAttemptsReached: MissingEventId: the result has neither an event ID nor an error after 2 attempt(s)',
        },
      ]);
    });
  });

  describe('retries', () => {
    it.each([['ThrottlingException'], ['InternalFailure'], ['InternalException']])('retries an entry that failed with %s', async (code) => {
      // Prepare
      fakeBus((rideId, sendCount) => (rideId === 'ride-0' && sendCount === 1 ? { ErrorCode: code, ErrorMessage: 'try again' } : undefined));

      // Act
      const result = await putEvents(client, input(time));

      // Assess
      expect(sentRides()).toEqual([['ride-0', 'ride-1', 'ride-2'], ['ride-0']]);
      expect(result.published.map((published) => published.eventId)).toEqual(['event-ride-0-2', 'event-ride-1-1', 'event-ride-2-1']);
    });

    it('retries a throttled request until it succeeds, with growing delays', async () => {
      // Prepare
      const error = serviceError('ThrottlingException', 'Rate exceeded');
      eventsMock
        .on(PutEventsCommand)
        .rejectsOnce(error)
        .rejectsOnce(new InternalException({ message: 'Internal', $metadata: { httpStatusCode: 500 } }))
        .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'a' }, { EventId: 'b' }, { EventId: 'c' }] });

      // Act
      const result = await putEvents(client, input(time));

      // Assess
      expect(result.published).toHaveLength(3);
      expect(result.attempts).toBe(3);
      expect(time.sleeps).toEqual([50, 100]);
    });

    it('stops at maxAttempts and fails what still fails, retryable, with its own last error', async () => {
      // Prepare
      fakeBus((rideId) => (rideId === 'ride-2' ? throttled : undefined));

      // Act
      const result = await putEvents(client, input(time, { retry: { maxAttempts: 3 } }));

      // Assess
      expect(sentRides()).toEqual([['ride-0', 'ride-1', 'ride-2'], ['ride-2'], ['ride-2']]);
      expect(result.failed).toEqual([
        { ref: 'ref-2', retryable: true, code: 'MaxAttemptsReached', reason: 'MaxAttemptsReached: ThrottlingException: Rate exceeded after 3 attempt(s)' },
      ]);
    });
  });

  describe('errors that retrying now will not fix', () => {
    it.each([
      ['AccessDeniedException', 'not authorized to perform events:PutEvents'],
      ['NotAuthorizedForSourceException', 'Not authorized for the source.'],
      ['NotAuthorizedForDetailTypeException', 'Not authorized for the detail type.'],
    ])('fails an entry rejected with %s retryable, without retrying it now', async (code, message) => {
      // Prepare
      fakeBus((rideId) => (rideId === 'ride-0' ? { ErrorCode: code, ErrorMessage: message } : undefined));

      // Act
      const result = await putEvents(client, input(time));

      // Assess
      expect(result.failed).toEqual([{ ref: 'ref-0', retryable: true, code: 'Environment', reason: `${code}: ${message}` }]);
      expect(result.attempts).toBe(1);
      expect(time.sleeps).toEqual([]);
    });

    it('fails every entry of a request retryable when the bus is missing', async () => {
      // Prepare
      const missing = new ResourceNotFoundException({ message: 'Event bus wildrydes does not exist.', $metadata: { httpStatusCode: 400 } });
      eventsMock.on(PutEventsCommand).rejects(missing);

      // Act
      const result = await putEvents(client, input(time));

      // Assess
      expect(result.attempts).toBe(1);
      expect(result.failed).toEqual(
        ['ref-0', 'ref-1', 'ref-2'].map((ref) => ({
          ref,
          retryable: true,
          code: 'Environment',
          reason: 'ResourceNotFoundException: Event bus wildrydes does not exist.',
          cause: missing,
        })),
      );
    });

    it('isolates a request rejected as invalid to its bad entry', async () => {
      // Prepare: any request containing ride-1 is rejected as a whole
      eventsMock.on(PutEventsCommand).callsFake((request: PutEventsCommandInput) => {
        const entries = request.Entries ?? [];
        if (entries.some((entry) => rideOf(entry) === 'ride-1')) throw serviceError('ValidationException', '1 validation error detected');
        return { FailedEntryCount: 0, Entries: entries.map((entry) => ({ EventId: rideOf(entry) })) };
      });

      // Act
      const result = await putEvents(client, input(time));

      // Assess
      expect(sentRides()).toEqual([['ride-0', 'ride-1', 'ride-2'], ['ride-0'], ['ride-1'], ['ride-2']]);
      expect(result.published.map((published) => published.ref)).toEqual(['ref-0', 'ref-2']);
      expect(result.failed).toEqual([
        { ref: 'ref-1', retryable: false, code: 'Invalid', reason: 'ValidationException: 1 validation error detected', cause: expect.any(Error) },
      ]);
    });

    it('fails an entry EventBridge refuses for its size (a whole-request ValidationException, as AWS answers) as TooLarge, alone', async () => {
      // Prepare: the account's limit is below the client's (e.g. 256 KB): any request holding ride-1 is over it
      eventsMock.on(PutEventsCommand).callsFake((request: PutEventsCommandInput) => {
        const entries = request.Entries ?? [];
        if (entries.some((entry) => rideOf(entry) === 'ride-1')) {
          throw serviceError('ValidationException', 'Total size of the entries in the request is over the limit.');
        }
        return { FailedEntryCount: 0, Entries: entries.map((entry) => ({ EventId: rideOf(entry) })) };
      });

      // Act
      const result = await putEvents(client, input(time));

      // Assess
      expect(result.published.map((published) => published.ref)).toEqual(['ref-0', 'ref-2']);
      expect(result.failed).toEqual([
        {
          ref: 'ref-1',
          retryable: false,
          code: 'TooLarge',
          reason: 'ValidationException: Total size of the entries in the request is over the limit.',
          cause: expect.any(Error),
        },
      ]);
    });
  });

  describe('the deadline', () => {
    it('makes no call at all when too little time is left, failing everything retryable', async () => {
      // Act
      const result = await putEvents(client, input(fakeTime(150)));

      // Assess
      expect(eventsMock.calls()).toHaveLength(0);
      expect(result.failed).toEqual(
        ['ref-0', 'ref-1', 'ref-2'].map((ref) => ({ ref, retryable: true, code: 'DeadlineReached', reason: 'DeadlineReached: not attempted' })),
      );
    });

    it('stops retrying when the time left does not cover the delay and a call', async () => {
      // Prepare: the call takes 29.76 s, leaving 240 ms < 50 ms delay + 200 ms budget
      eventsMock.on(PutEventsCommand).callsFake(() => {
        time.advance(29_760);
        return { FailedEntryCount: 1, Entries: [{ EventId: 'a' }, throttled, { EventId: 'c' }] };
      });

      // Act
      const result = await putEvents(client, input(time));

      // Assess
      expect(eventsMock.calls()).toHaveLength(1);
      expect(result.published.map((published) => published.ref)).toEqual(['ref-0', 'ref-2']);
      expect(result.failed).toEqual([
        { ref: 'ref-1', retryable: true, code: 'DeadlineReached', reason: 'DeadlineReached: ThrottlingException: Rate exceeded after 1 attempt(s)' },
      ]);
    });
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    // Prepare
    let inFlight = 0;
    let peak = 0;
    eventsMock.on(PutEventsCommand).callsFake(async (request: PutEventsCommandInput) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
      return { FailedEntryCount: 0, Entries: (request.Entries ?? []).map(() => ({ EventId: 'e' })) };
    });

    // Act
    const result = await putEvents(client, input(time, { entries: events(100), concurrency: 3 }));

    // Assess
    expect(result.published).toHaveLength(100);
    expect(result.attempts).toBe(10);
    expect(peak).toBe(3);
  });

  describe('programmer errors', () => {
    it.each([
      ['a concurrency of 0', { concurrency: 0 }, 'concurrency must be an integer >= 1 (given 0)'],
      ['no attempts', { retry: { maxAttempts: 0 } }, 'retry.maxAttempts must be an integer >= 1 (given 0)'],
      ['no entries per request', { limits: { maxEntriesPerRequest: 0 } }, 'limits.maxEntriesPerRequest must be an integer >= 1 (given 0)'],
    ])('throws for %s', async (_label, overrides, message) => {
      // Act & Assess
      await expect(putEvents(client, input(time, overrides))).rejects.toThrow(new InvalidOptionsError(message));
      expect(eventsMock.calls()).toHaveLength(0);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { formatReconciliation, reconcile, type RunObservations } from '../../src/report/reconcile.js';
import { percentile } from '../../src/report/percentile.js';

const base: RunObservations = {
  sentValid: new Set(['a|1', 'a|2', 'b|1']),
  sentMalformed: 2,
  storedKeys: new Set(['a|1', 'a|2', 'b|1']),
  quarantined: [
    { quarantinedBy: 'kinesis-republisher', reason: 'INVALID_JSON' },
    { quarantinedBy: 'kinesis-republisher', reason: 'SCHEMA_VIOLATION' },
  ],
  eventsPublished: 4,
  eventsConsumed: 4,
  eventsByType: { RideCompleted: 2, RideRequested: 2, UnicornHealthLow: 2 },
  lowReadingsWithoutAlert: 0,
  simulatorPutFailures: 0,
  readModelMismatches: [],
  readModelUnicorns: 2,
  onFailure: { reached: 0, records: 0, redriven: 0, remaining: 0, deliveryFailures: 0, expected: false },
  latenciesMs: [10, 20, 30, 40, 1000],
  rideEventsAccepted: 4,
  durationSeconds: 5,
};

describe('reconcile', () => {
  it('says nothing was lost when sent = stored + quarantined and every check holds', () => {
    const result = reconcile(base);
    expect(result).toMatchObject({ ok: true, sent: 5, stored: 3, quarantined: 2, lost: 0, problems: [] });
    expect(result.latencyMs).toEqual({ p50: 30, p99: 1000, max: 1000, samples: 5 });
    expect(result.quarantineByReason).toEqual({ 'kinesis-republisher: INVALID_JSON': 1, 'kinesis-republisher: SCHEMA_VIOLATION': 1 });
    expect(formatReconciliation(result)).toContain('Nothing lost.');
  });

  it('counts a reading that is neither stored nor quarantined as lost', () => {
    const result = reconcile({ ...base, storedKeys: new Set(['a|1', 'a|2']) });
    expect(result).toMatchObject({ ok: false, lost: 1, missingValid: 1 });
    expect(formatReconciliation(result)).toContain('PROBLEMS:\n  - 1 reading(s) neither stored nor quarantined');
  });

  it.each([
    [{ eventsConsumed: 3 }, '1 event(s) published but not consumed'],
    [{ onFailure: { ...base.onFailure, reached: 2, remaining: 2 } }, '2 object(s) or message(s) left in on-failure destinations'],
    [{ onFailure: { ...base.onFailure, reached: 2 } }, '2 record(s) or event(s) reached an on-failure destination'],
    [{ onFailure: { ...base.onFailure, reached: 3, redriven: 3, deliveryFailures: 1, expected: true } }, '1 record(s) or event(s) could not be delivered'],
    [{ onFailure: { ...base.onFailure, reached: 3, redriven: 2, remaining: 1, expected: true } }, '1 object(s) or message(s) left in on-failure destinations'],
    [{ readModelMismatches: ['b: ridesCompleted 1, expected 2'] }, 'read model differs'],
    [{ lowReadingsWithoutAlert: 1 }, '1 low reading(s) stored without a UnicornHealthLow event'],
  ])('fails on %j', (change, problem) => {
    const result = reconcile({ ...base, ...change });
    expect(result.ok).toBe(false);
    expect(result.problems.join('; ')).toContain(problem);
  });

  it('under --faults, what reached on-failure destinations and was re-driven is no problem; the report says so, with the faults', () => {
    // Prepare: a chaos run: 7 records and events reached destinations, all re-driven, none left.
    const onFailure = { reached: 7, records: 40, redriven: 7, remaining: 0, deliveryFailures: 0, expected: true };
    const faults = { kinesis: { throttle: 4, partialBatch: 2 }, dynamodb: { outage: 31, serverError: 0 } };

    // Act
    const result = reconcile({ ...base, onFailure, faults });

    // Assess
    expect(result).toMatchObject({ ok: true, onFailure, faults });
    const text = formatReconciliation(result);
    expect(text).toContain('ok  on-failure destinations and dead-letter queues: reached 7 (40 records/events), re-driven 7, left 0');
    expect(text).toContain('faults injected (requests affected):\n        kinesis: throttle 4, partialBatch 2\n        dynamodb: outage 31');
    expect(text).toContain('Nothing lost.');
  });

  it('does not count table changes the reactor quarantined as readings, and fails on them', () => {
    // Prepare: the readings balance; one change's events were rejected for good and quarantined.
    const quarantined = [...base.quarantined, { quarantinedBy: 'ddb-stream-reactor', reason: 'REJECTED_BY_SINK', origin: 'dynamodb-stream' as const }];

    // Act
    const result = reconcile({ ...base, quarantined });

    // Assess
    expect(result).toMatchObject({ ok: false, sent: 5, stored: 3, quarantined: 2, lost: 0, changesQuarantined: 1 });
    expect(result.problems).toEqual(['1 table change(s) quarantined: their events are not on the bus']);
    expect(formatReconciliation(result)).toContain('table changes with quarantined events: 1');
  });

  it('reports no latency, not 0 ms, when nothing was stored', () => {
    const result = reconcile({ ...base, sentValid: new Set(), storedKeys: new Set(), latenciesMs: [] });
    expect(result.latencyMs).toEqual({ p50: null, p99: null, max: null, samples: 0 });
    expect(formatReconciliation(result)).toContain('latency put -> stored: no reading was stored');
  });
});

describe('percentile', () => {
  it('uses the nearest rank', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([5], 99)).toBe(5);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 75)).toBe(3);
  });
});

describe('formatReconciliation', () => {
  it('keeps every line within an 80-column terminal, whatever the numbers, event types and problems', () => {
    // Prepare: big counts, many event types on the bus, long mismatches and several problems
    const big = 123_456_789;
    const eventsByType = Object.fromEntries(
      ['RideRequested', 'RideCompleted', 'UnicornHealthLow', 'UnicornHealthRestored', 'UnicornReadingCorrected', 'UnicornReadingRemoved'].map((type) => [type, big]),
    );
    const mismatches = Array.from({ length: 3 }, (_, index) => `unicorn-${index}: ridesCompleted ${big}, expected ${big + 1}; distanceMetres ${big}.123 expected ${big}.456; healthStatus LOW expected OK`);
    const result = reconcile({ ...base, eventsConsumed: 3, onFailure: { ...base.onFailure, reached: 2, remaining: 2 }, readModelMismatches: mismatches, latenciesMs: [big, big] });

    // Act
    const lines = formatReconciliation({ ...result, eventsByType, eventsPublished: big, eventsConsumed: big, sent: big, stored: big }).split('\n');

    // Assess
    expect(lines.filter((line) => line.length > 80)).toEqual([]);
    expect(lines.join(' ')).toContain('UnicornReadingRemoved 123456789');
    expect(lines).toContain('PROBLEMS:');
  });
});

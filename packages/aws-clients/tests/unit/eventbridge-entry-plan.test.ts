import { describe, expect, it } from 'vitest';
import { InvalidOptionsError, PUT_EVENTS_MAX_ENTRIES, PUT_EVENTS_MAX_ENTRY_BYTES, putEventsEntrySizeBytes, resolvePutEventsLimits } from '../../src/index.js';
import { planEntries } from '../../src/eventbridge-entry-plan.js';

describe('putEventsEntrySizeBytes', () => {
  it('counts Time as 14 bytes and Source, DetailType and Detail as UTF-8 bytes', () => {
    // Act & Assess
    expect(
      putEventsEntrySizeBytes({ Time: new Date(), Source: 'wildrydes.rides', DetailType: 'RideCompleted', Detail: '{"rideId":"r-1"}' }),
    ).toBe(14 + 15 + 13 + 16);
  });

  it('counts each of Resources, and multi-byte characters by their UTF-8 bytes', () => {
    // Act & Assess
    expect(putEventsEntrySizeBytes({ Source: 's', DetailType: 'é', Detail: '{"name":"🦄"}', Resources: ['arn:a', 'arn:bc'] })).toBe(
      1 + 2 + (11 + 4) + 5 + 6,
    );
  });

  it('does not count EventBusName or TraceHeader, nor absent fields', () => {
    // Act & Assess
    expect(putEventsEntrySizeBytes({ Source: 'ab', DetailType: 'cd', EventBusName: 'wildrydes-bus', TraceHeader: 'Root=1-5759e988' })).toBe(4);
    expect(putEventsEntrySizeBytes({})).toBe(0);
  });
});

describe('resolvePutEventsLimits', () => {
  it('defaults to 10 entries and the 1 MiB entry limit of January 2026, for the request too', () => {
    // Act & Assess
    expect(resolvePutEventsLimits()).toEqual({ maxEntriesPerRequest: 10, maxEntryBytes: 1_048_576, maxRequestBytes: 1_048_576 });
    expect([PUT_EVENTS_MAX_ENTRIES, PUT_EVENTS_MAX_ENTRY_BYTES]).toEqual([10, 1_048_576]);
  });

  it('lets the request limit follow a configured entry limit', () => {
    // Act & Assess
    expect(resolvePutEventsLimits({ maxEntryBytes: 256 * 1024 })).toEqual({ maxEntriesPerRequest: 10, maxEntryBytes: 262_144, maxRequestBytes: 262_144 });
  });

  it.each([
    [{ maxEntriesPerRequest: 0 }, 'limits.maxEntriesPerRequest must be an integer >= 1 (given 0)'],
    [{ maxEntryBytes: 0 }, 'limits.maxEntryBytes must be an integer >= 1 (given 0)'],
    [{ maxRequestBytes: 100 }, 'limits.maxEntryBytes must not exceed limits.maxRequestBytes (given 1048576 > 100)'],
  ])('rejects %o', (limits, message) => {
    // Act & Assess
    expect(() => resolvePutEventsLimits(limits)).toThrow(new InvalidOptionsError(message));
  });
});

describe('planEntries', () => {
  it('accepts an entry of exactly the limit and rejects one byte more, with both sizes in the reason', () => {
    // Prepare
    const atLimit = { Source: 's', DetailType: 't', Detail: 'x'.repeat(98) };
    const overLimit = { Source: 's', DetailType: 't', Detail: 'x'.repeat(99) };

    // Act
    const plan = planEntries([atLimit, overLimit], { maxEntryBytes: 100 });

    // Assess
    expect(plan.planned).toEqual([{ index: 0, entry: atLimit, sizeBytes: 100 }]);
    expect(plan.rejected).toEqual([{ index: 1, code: 'TooLarge', reason: 'EntryTooLarge: 101 bytes > limit 100 bytes' }]);
  });
});

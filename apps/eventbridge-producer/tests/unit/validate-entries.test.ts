import { describe, expect, it } from 'vitest';
import { putEventsEntrySizeBytes } from '@wildrydes/aws-clients';
import { toBusEntries, type EntrySettings } from '../../src/validate-entries.js';
import { rideCompleted, rideRequested } from '../support/rides.js';

const settings: EntrySettings = { eventBusName: 'wildrydes-bus', maxEntriesPerRequest: 5, maxEntryBytes: 1_048_576 };

const problemOf = (result: ReturnType<typeof toBusEntries>) => (result.ok ? undefined : result.problem);

describe('toBusEntries', () => {
  it('turns one entry into a PutEvents entry with the catalog source and the validated detail', () => {
    // Prepare
    const entry = rideCompleted('r-7');
    // Act
    const result = toBusEntries(entry, settings);
    // Assess
    expect(result).toEqual({
      ok: true,
      entries: [{ Source: 'wildrydes.rides', DetailType: 'RideCompleted', Detail: JSON.stringify(entry.detail), EventBusName: 'wildrydes-bus' }],
    });
  });

  it('turns a batch into entries in request order', () => {
    const result = toBusEntries({ entries: [rideRequested('a'), rideCompleted('a'), rideRequested('b')] }, settings);

    expect(result.ok ? result.entries.map((e) => [e.DetailType, JSON.parse(e.Detail).rideId]) : result).toEqual([
      ['RideRequested', 'a'],
      ['RideCompleted', 'a'],
      ['RideRequested', 'b'],
    ]);
  });

  it('publishes the validated detail: fields the catalog does not know are dropped', () => {
    const result = toBusEntries(rideCompleted('r-1', { riderPhone: '+1 555 0100' }), settings);

    expect(result.ok ? JSON.parse(result.entries[0]!.Detail) : result).not.toHaveProperty('riderPhone');
  });

  it('refuses the whole batch when one entry is invalid, naming each invalid entry by index', () => {
    // Prepare
    const entries = [
      rideRequested('ok'),
      rideCompleted('bad', { distanceMetres: -3 }),
      rideRequested('ok-2'),
      { detailType: 'UnicornHealthLow', schemaVersion: 1, detail: {} },
      { detailType: 'RideCompleted', schemaVersion: 2, detail: rideCompleted().detail },
      'not an object',
    ];
    // Act
    const problem = problemOf(toBusEntries({ entries }, { ...settings, maxEntriesPerRequest: 10 }));
    // Assess
    expect(problem).toMatchObject({ status: 400, error: 'InvalidEntries', message: '4 of 6 entries are invalid; nothing was published' });
    expect(problem?.issues?.map(({ index }) => index)).toEqual([1, 3, 4, 5]);
    expect(problem?.issues?.[0]?.message).toBe('detail.distanceMetres: Too small: expected number to be >=0');
    expect(problem?.issues?.[1]?.message).toBe(
      'detailType: UnicornHealthLow@1 is not an event this endpoint publishes (it publishes RideRequested@1, RideCompleted@1)',
    );
    expect(problem?.issues?.[2]?.message).toMatch(/RideCompleted@2 is not an event/);
  });

  it('requires metadata.eventId, the key consumers drop duplicates by', () => {
    const entry = rideRequested('r-1');
    const { eventId: _dropped, ...metadataWithoutId } = entry.detail.metadata;

    const problem = problemOf(toBusEntries({ ...entry, detail: { ...entry.detail, metadata: metadataWithoutId } }, settings));

    expect(problem).toMatchObject({
      status: 400,
      issues: [{ index: 0, message: 'detail.metadata.eventId: Invalid input: expected string, received undefined' }],
    });
  });

  it('requires the detail schema version to match the entry', () => {
    const entry = rideCompleted('r-1');
    const detail = { ...entry.detail, metadata: { ...entry.detail.metadata, schemaVersion: 2 } };

    const problem = problemOf(toBusEntries({ ...entry, detail }, settings));

    expect(problem?.issues?.[0]?.message).toBe('detail.metadata.schemaVersion: Invalid input: expected 1');
  });

  it.each([
    ['an envelope field missing', { schemaVersion: 1, detail: {} }, 'detailType: Invalid input: expected string, received undefined'],
    ['a fractional version', { detailType: 'RideCompleted', schemaVersion: 1.5, detail: {} }, 'schemaVersion: Invalid input: expected int, received number'],
    ['no detail', { detailType: 'RideCompleted', schemaVersion: 1 }, 'detail: Invalid input: expected object, received undefined'],
    ['a detail that is not an object', { detailType: 'RideCompleted', schemaVersion: 1, detail: 'ride' }, 'detail: Invalid input: expected object, received string'],
    ['a nested detail field out of range', rideRequested('r-1', { pickup: { latitude: 123, longitude: 0 } }), 'detail.pickup.latitude: Too big: expected number to be <=90'],
  ])('names the field of %s and says in English what is wrong', (_label, entry, message) => {
    expect(problemOf(toBusEntries(entry, settings))?.issues?.[0]?.message).toBe(message);
  });

  it.each([
    ['an array', [rideCompleted()], /must be a JSON object/],
    ['a string', 'RideCompleted', /must be a JSON object/],
    ['null', null, /must be a JSON object/],
    ['entries that is not an array', { entries: {} }, /entries must be an array/],
    ['an empty batch', { entries: [] }, /must not be empty/],
    ['a body that is both an entry and a batch', { ...rideCompleted(), entries: [rideCompleted()] }, /both an entry and a batch/],
  ])('refuses %s with 400 InvalidRequest', (_label, body, message) => {
    expect(problemOf(toBusEntries(body, settings))).toMatchObject({ status: 400, error: 'InvalidRequest', message: expect.stringMatching(message) });
  });

  it('refuses a batch over the entry limit with 413, valid or not', () => {
    const entries = Array.from({ length: 6 }, () => ({ nonsense: true }));

    const problem = problemOf(toBusEntries({ entries }, settings));

    expect(problem).toMatchObject({ status: 413, error: 'TooManyEntries', message: expect.stringMatching(/6 entries; the limit is 5/) });
  });

  it('accepts a batch of exactly the entry limit', () => {
    const entries = Array.from({ length: 5 }, (_, i) => rideRequested(`r-${i}`));
    expect(toBusEntries({ entries }, settings).ok).toBe(true);
  });

  it('refuses the request with 413 naming each entry over the entry size limit, as EventBridge counts it', () => {
    // Prepare: a limit between the sizes of a short and a long entry.
    const short = rideCompleted('r');
    const long = rideCompleted('r'.repeat(128), { unicorn: 'U'.repeat(200) });
    const shortSize = putEventsEntrySizeBytes({ Source: 'wildrydes.rides', DetailType: 'RideCompleted', Detail: JSON.stringify(short.detail) });
    const maxEntryBytes = shortSize + 10;
    // Act
    const problem = problemOf(toBusEntries({ entries: [short, long, short, long] }, { ...settings, maxEntryBytes }));
    // Assess
    expect(problem).toMatchObject({ status: 413, error: 'EntryTooLarge', message: '2 of 4 entries are too large; nothing was published' });
    expect(problem?.issues?.map(({ index }) => index)).toEqual([1, 3]);
    expect(problem?.issues?.[0]?.message).toMatch(new RegExp(`^the entry is \\d+ bytes as EventBridge counts them; the limit is ${maxEntryBytes} bytes$`));
  });

  it('reports invalid entries before entries that are too large', () => {
    const problem = problemOf(toBusEntries({ entries: [rideCompleted('x'.repeat(128)), rideCompleted('r', { rideId: '' })] }, { ...settings, maxEntryBytes: 256 }));

    expect(problem).toMatchObject({ status: 400, issues: [{ index: 1 }] });
  });
});

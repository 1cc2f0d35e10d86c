import { describe, expect, it } from 'vitest';
import { EVENT_CATALOG } from '@wildrydes/schemas';
import { eventsForChange } from '../../src/change-events.js';
import { decodeChange, type TableChange } from '../../src/decode-change.js';
import { deterministicEventId } from '../../src/event-id.js';
import type { DynamoDBRecord } from 'aws-lambda';
import { CREATED_SECONDS, TTL_IDENTITY, insert, modify, reading, remove, sequenceNumberOf } from './stream-records.js';

const settings = { healthLowThreshold: 20 };
const OCCURRED_AT = new Date(CREATED_SECONDS * 1000).toISOString();

function changeOf(record: DynamoDBRecord): TableChange {
  const decoded = decodeChange(record);
  if (!decoded.ok) throw new Error(`test record does not decode: ${decoded.detail}`);
  return decoded.change;
}
const kinds = (record: DynamoDBRecord, threshold = 20) =>
  eventsForChange(changeOf(record), { healthLowThreshold: threshold }).map((event) => event.catalogKey);

describe('eventsForChange', () => {
  it('raises UnicornHealthLow for an inserted reading below the threshold, and nothing at or above it', () => {
    expect(kinds(insert(1, reading({ HealthPoints: 19 })))).toEqual(['UnicornHealthLow@1']);
    expect(kinds(insert(2, reading({ HealthPoints: 0 })))).toEqual(['UnicornHealthLow@1']);
    expect(kinds(insert(3, reading({ HealthPoints: 20 })))).toEqual([]);
    expect(kinds(insert(4, reading({ HealthPoints: 20 })), 21)).toEqual(['UnicornHealthLow@1']);
  });

  it('describes the low reading, with metadata, in a detail its catalog schema accepts', () => {
    const [event] = eventsForChange(changeOf(insert(1, reading({ HealthPoints: 7 }))), settings);
    expect(event?.detail).toEqual({
      metadata: { eventId: expect.stringMatching(/^[0-9a-f]{64}$/), schemaVersion: 1, occurredAt: OCCURRED_AT },
      unicorn: 'Shadowfax',
      statusTime: '2026-11-21T10:00:00.000Z',
      healthPoints: 7,
      threshold: 20,
      latitude: 47.61,
      longitude: -122.33,
      revision: sequenceNumberOf(1),
    });
    expect(EVENT_CATALOG['UnicornHealthLow@1'].detail.safeParse(event?.detail).success).toBe(true);
    expect(event?.time).toEqual(new Date(CREATED_SECONDS * 1000));
  });

  it('raises UnicornReadingCorrected with both versions and the changed values for a modification', () => {
    const before = reading({ HealthPoints: 90, Distance: 3 });
    const after = reading({ HealthPoints: 80, Distance: 4 });
    const events = eventsForChange(changeOf(modify(5, before, after)), settings);
    expect(events.map((event) => event.catalogKey)).toEqual(['UnicornReadingCorrected@1']);
    expect(events[0]?.detail).toMatchObject({
      unicorn: 'Shadowfax',
      before: { latitude: 47.61, longitude: -122.33, distance: 3, healthPoints: 90, magicPoints: 120 },
      after: { latitude: 47.61, longitude: -122.33, distance: 4, healthPoints: 80, magicPoints: 120 },
      changed: ['distance', 'healthPoints'],
    });
    expect(EVENT_CATALOG['UnicornReadingCorrected@1'].detail.safeParse(events[0]?.detail).success).toBe(true);
  });

  it('also raises UnicornHealthLow when a correction moves HealthPoints into the low zone, and only then', () => {
    expect(kinds(modify(6, reading({ HealthPoints: 20 }), reading({ HealthPoints: 19 })))).toEqual([
      'UnicornReadingCorrected@1',
      'UnicornHealthLow@1',
    ]);
    expect(kinds(modify(7, reading({ HealthPoints: 10 }), reading({ HealthPoints: 5 })))).toEqual(['UnicornReadingCorrected@1']);
    expect(kinds(modify(8, reading({ HealthPoints: 5 }), reading({ HealthPoints: 90 })))).toEqual(['UnicornReadingCorrected@1']);
  });

  it('raises nothing for a modification that changed no reading value', () => {
    expect(kinds(modify(9, reading(), reading()))).toEqual([]);
  });

  it('raises UnicornReadingRemoved for a removal, expired only for TTL', () => {
    const [byCaller] = eventsForChange(changeOf(remove(10, reading())), settings);
    const [byTtl] = eventsForChange(changeOf(remove(11, reading(), TTL_IDENTITY)), settings);
    expect(byCaller?.catalogKey).toBe('UnicornReadingRemoved@1');
    expect(byCaller?.detail).toMatchObject({ unicorn: 'Shadowfax', statusTime: '2026-11-21T10:00:00.000Z', expired: false });
    expect(byTtl?.detail).toMatchObject({ expired: true });
    expect(EVENT_CATALOG['UnicornReadingRemoved@1'].detail.safeParse(byTtl?.detail).success).toBe(true);
  });
});

describe('event ids', () => {
  const idsOf = (record: DynamoDBRecord) =>
    eventsForChange(changeOf(record), settings).map((event) => event.detail.metadata.eventId);

  it('are the same when the same change is processed again', () => {
    const record = modify(12, reading({ HealthPoints: 50 }), reading({ HealthPoints: 5 }));
    expect(idsOf(structuredClone(record))).toEqual(idsOf(record));
  });

  it('differ between changes, and between the events of one change', () => {
    const [corrected, low] = idsOf(modify(13, reading({ HealthPoints: 50 }), reading({ HealthPoints: 5 })));
    const [otherChange] = idsOf(modify(14, reading({ HealthPoints: 50 }), reading({ HealthPoints: 5 })));
    expect(corrected).not.toBe(low);
    expect(otherChange).not.toBe(corrected);
  });

  it('cannot collide through a separator inside a name', () => {
    // Joined with '|', both would read 'UnicornHealthLow@1|Shadowfax|T1|T2|c'.
    const common = { catalogKey: 'UnicornHealthLow@1', changeId: 'c' };
    expect(deterministicEventId({ ...common, unicorn: 'Shadowfax|T1', statusTime: 'T2' })).not.toBe(
      deterministicEventId({ ...common, unicorn: 'Shadowfax', statusTime: 'T1|T2' }),
    );
  });
});

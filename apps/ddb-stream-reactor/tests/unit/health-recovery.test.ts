import { describe, expect, it } from 'vitest';
import { seededRandom } from '@wildrydes/emulators';
import { comparableRevision } from '@wildrydes/schemas';
import { eventsForChange, type DomainEvent } from '../../src/change-events.js';
import { decodeChange } from '../../src/decode-change.js';
import { healthRestoredFor, type StoredHealth, type WritingChange } from '../../src/health-recovery.js';
import { insert, modify, reading, sequenceNumberOf } from './stream-records.js';

const settings = { healthLowThreshold: 20 };
const at = (second: number) => `2026-11-21T10:00:${String(second).padStart(2, '0')}.000Z`;

function writing(record: ReturnType<typeof insert>): WritingChange {
  const decoded = decodeChange(record);
  if (!decoded.ok || decoded.change.kind === 'REMOVE') throw new Error('test record is not a written reading');
  return decoded.change;
}
const restoredAt = (change: WritingChange, window: StoredHealth[]) =>
  healthRestoredFor(change, window, settings).map((event) => [event.detail.statusTime, event.detail.healthPoints, event.detail.revision]);

describe('healthRestoredFor', () => {
  it('restores at a healthy reading whose stored predecessor is low', () => {
    const change = writing(insert(7, reading({ StatusTime: at(2), HealthPoints: 20 })));
    expect(restoredAt(change, [{ statusTime: at(1), healthPoints: 19 }])).toEqual([[at(2), 20, sequenceNumberOf(7)]]);
    expect(restoredAt(change, [{ statusTime: at(1), healthPoints: 20 }])).toEqual([]);
    expect(restoredAt(change, [])).toEqual([]);
  });

  it('looks only at the reading just before: an older low behind a healthy one does not count', () => {
    const change = writing(insert(7, reading({ StatusTime: at(3), HealthPoints: 90 })));
    const window = [
      { statusTime: at(1), healthPoints: 2 },
      { statusTime: at(2), healthPoints: 60 },
      { statusTime: at(3), healthPoints: 90 },
    ];
    expect(restoredAt(change, window)).toEqual([]);
  });

  it('restores at the healthy reading after a low one that arrived late', () => {
    const change = writing(insert(8, reading({ StatusTime: at(2), HealthPoints: 3 })));
    const window = [
      { statusTime: at(1), healthPoints: 50 },
      { statusTime: at(2), healthPoints: 3 },
      { statusTime: at(3), healthPoints: 70 },
    ];
    expect(restoredAt(change, window)).toEqual([[at(3), 70, sequenceNumberOf(8)]]);
    expect(restoredAt(change, window.slice(0, 2))).toEqual([]);
  });

  it('restores at a reading corrected from low to healthy, whatever precedes it', () => {
    const change = writing(modify(9, reading({ StatusTime: at(2), HealthPoints: 5 }), reading({ StatusTime: at(2), HealthPoints: 50 })));
    expect(restoredAt(change, [{ statusTime: at(1), healthPoints: 80 }])).toEqual([[at(2), 50, sequenceNumberOf(9)]]);
  });

  it('gives deterministic ids: the same change and window, the same id; another change, another id', () => {
    const window = [{ statusTime: at(1), healthPoints: 1 }];
    const id = (sequence: number) =>
      healthRestoredFor(writing(insert(sequence, reading({ StatusTime: at(2), HealthPoints: 90 }))), window, settings)[0]?.detail.metadata.eventId;
    expect(id(1)).toBe(id(1));
    expect(id(1)).not.toBe(id(2));
  });
});

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
function shuffled<T>(random: () => number, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

type Observation = { kind: 'LOW' | 'OK'; statusTime: string; revision: string; eventId: string };
const observationOf = (event: DomainEvent): Observation | undefined => {
  if (event.catalogKey !== 'UnicornHealthLow@1' && event.catalogKey !== 'UnicornHealthRestored@1') return undefined;
  return {
    kind: event.catalogKey === 'UnicornHealthLow@1' ? 'LOW' : 'OK',
    statusTime: event.detail.statusTime,
    revision: comparableRevision(event.detail.revision),
    eventId: event.detail.metadata.eventId,
  };
};
/** The consumer's rule: an observation replaces the stored one only when (statusTime, revision, eventId) is greater. */
const newer = (a: Observation, b: Observation) =>
  a.statusTime !== b.statusTime ? a.statusTime > b.statusTime : a.revision !== b.revision ? a.revision > b.revision : a.eventId > b.eventId;

describe('recovery, whatever the order (property)', () => {
  it.each(Array.from({ length: 300 }, (_, seed) => seed))(
    'seed %i: after every write is processed, late and repeated, and every event delivered in any order, the read model says what the latest stored reading says',
    (seed) => {
      // Prepare: writes of 1..5 readings (some corrected), low or healthy, in a random order.
      const random = seededRandom(seed);
      const table = new Map<string, number>();
      const states: Array<Map<string, number>> = [new Map()];
      const changes: WritingChange[] = [];
      const writes = 2 + Math.floor(random() * 10);
      for (let i = 0; i < writes; i++) {
        const statusTime = at(1 + Math.floor(random() * 5));
        const healthPoints = pick(random, [0, 10, 19, 20, 35, 90]);
        const before = table.get(statusTime);
        if (before === healthPoints) continue; // DynamoDB writes no stream record for an identical item
        table.set(statusTime, healthPoints);
        states.push(new Map(table));
        const sequence = changes.length + 1;
        const after = reading({ StatusTime: statusTime, HealthPoints: healthPoints });
        changes.push(writing(before === undefined ? insert(sequence, after) : modify(sequence, reading({ StatusTime: statusTime, HealthPoints: before }), after)));
      }

      // Act: the reactor processes each change once or twice (a retry), each time against the
      // table as it is then: at least as new as the change, possibly newer (the stream lags).
      const events: DomainEvent[] = [];
      changes.forEach((change, index) => {
        for (let run = 0; run < 1 + Math.floor(random() * 2); run++) {
          const seen = states[index + 1 + Math.floor(random() * (states.length - index - 1))] as Map<string, number>;
          const window = [...seen].map(([statusTime, healthPoints]) => ({ statusTime, healthPoints }));
          events.push(...eventsForChange(change, settings), ...healthRestoredFor(change, window, settings));
        }
      });
      let stored: Observation | undefined;
      for (const event of shuffled(random, events)) {
        const observation = observationOf(event);
        if (observation && (stored === undefined || newer(observation, stored))) stored = observation;
      }

      // Assess
      const latest = [...table].sort(([a], [b]) => (a < b ? -1 : 1)).at(-1);
      const expected = latest !== undefined && latest[1] < settings.healthLowThreshold ? 'LOW' : 'OK';
      expect({ status: stored?.kind ?? 'OK', table: [...table].sort() }).toEqual({ status: expected, table: [...table].sort() });
    },
  );
});

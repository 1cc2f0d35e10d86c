import { describe, expect, it } from 'vitest';
import { EVENT_CATALOG } from '@wildrydes/schemas';
import type { DomainEvent } from '../../src/change-events.js';
import { toEventEntry } from '../../src/event-entry.js';

const time = new Date('2026-11-21T10:00:05.000Z');
const removed = (overrides: Record<string, unknown> = {}): DomainEvent =>
  ({
    catalogKey: 'UnicornReadingRemoved@1',
    detail: {
      metadata: { eventId: 'e'.repeat(64), schemaVersion: 1, occurredAt: time.toISOString() },
      unicorn: 'Shadowfax',
      statusTime: '2026-11-21T10:00:00.000Z',
      expired: false,
      ...overrides,
    },
    time,
  }) as DomainEvent;

describe('toEventEntry', () => {
  it('builds the entry from the catalog: source, detail-type, JSON detail, the change time and the bus', () => {
    const built = toEventEntry(removed(), 'wildrydes-bus');
    expect(built).toEqual({
      ok: true,
      entry: {
        EventBusName: 'wildrydes-bus',
        Source: EVENT_CATALOG['UnicornReadingRemoved@1'].source,
        DetailType: 'UnicornReadingRemoved',
        Detail: JSON.stringify(removed().detail),
        Time: time,
      },
    });
  });

  it('refuses a detail its catalog schema rejects, naming the field, instead of publishing it', () => {
    const built = toEventEntry(removed({ statusTime: 'yesterday' }), 'wildrydes-bus');
    expect(built).toEqual({ ok: false, reason: 'InvalidDetail: UnicornReadingRemoved@1 statusTime: Invalid ISO datetime' });
  });

  it('publishes only the fields of the catalog schema', () => {
    const built = toEventEntry(removed({ internalNote: 'not for consumers' }), 'wildrydes-bus');
    expect(built.ok && JSON.parse(built.entry.Detail)).not.toHaveProperty('internalNote');
  });
});

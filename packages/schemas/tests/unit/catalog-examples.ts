import type { CatalogKey } from '../../src/index.js';

/** A valid detail of every catalog entry (a new entry does not compile until it has one). */
export const examples: Record<CatalogKey, unknown> = {
  'UnicornHealthLow@1': {
    metadata: { eventId: 'abc', schemaVersion: 1, occurredAt: '2026-11-21T10:00:00.000Z' },
    unicorn: 'Shadowfax',
    statusTime: '2026-11-21T10:00:00.000Z',
    healthPoints: 12,
    threshold: 20,
    latitude: 1,
    longitude: 2,
  },
  'UnicornHealthRestored@1': {
    metadata: { eventId: 'jkl', schemaVersion: 1, occurredAt: '2026-11-21T10:00:01.000Z' },
    unicorn: 'Shadowfax',
    statusTime: '2026-11-21T10:00:01.000Z',
    healthPoints: 45,
    threshold: 20,
    revision: '100000000000000000042',
  },
  'UnicornReadingCorrected@1': {
    metadata: { eventId: 'def', schemaVersion: 1, occurredAt: '2026-11-21T10:00:00.000Z' },
    unicorn: 'Shadowfax',
    statusTime: '2026-11-21T10:00:00.000Z',
    before: { latitude: 1, longitude: 2, distance: 3, healthPoints: 10, magicPoints: 20 },
    after: { latitude: 1, longitude: 2, distance: 3, healthPoints: 90, magicPoints: 20 },
    changed: ['healthPoints'],
  },
  'UnicornReadingRemoved@1': {
    metadata: { eventId: 'ghi', schemaVersion: 1, occurredAt: '2026-11-21T10:00:00.000Z' },
    unicorn: 'Shadowfax',
    statusTime: '2026-11-21T10:00:00.000Z',
    expired: false,
  },
  'RideRequested@1': {
    metadata: { eventId: 'r-1-requested', schemaVersion: 1, occurredAt: '2026-11-21T10:00:00.000Z' },
    rideId: 'r-1',
    riderId: 'rider-7',
    pickup: { latitude: 47.6, longitude: -122.3 },
    requestedAt: '2026-11-21T10:00:00.000Z',
  },
  'RideCompleted@1': {
    metadata: { eventId: 'r-1-completed', schemaVersion: 1, occurredAt: '2026-11-21T10:20:00.000Z' },
    rideId: 'r-1',
    unicorn: 'Shadowfax',
    distanceMetres: 5400,
    completedAt: '2026-11-21T10:20:00.000Z',
  },
};

import type { EventBridgeEvent } from 'aws-lambda';
import { EVENT_CATALOG, type CatalogKey } from '@wildrydes/schemas';

const OCCURRED_AT = '2026-11-21T10:00:00.000Z';
const metadata = (eventId: string) => ({ eventId, schemaVersion: 1, occurredAt: OCCURRED_AT });
const reading = { latitude: 47.61, longitude: -122.33, distance: 12.5, healthPoints: 140, magicPoints: 120 };

/**
 * A valid `detail` for every entry of the catalog. Typed against the catalog's keys, so a new
 * entry does not compile until it has a sample here, and the contract test then covers it.
 */
export const SAMPLE_DETAILS = {
  'UnicornHealthLow@1': {
    metadata: metadata('health-Shadowfax-2026-11-21T10:00:00.000Z'),
    unicorn: 'Shadowfax',
    statusTime: '2026-11-21T10:00:00.000Z',
    healthPoints: 12,
    threshold: 20,
    latitude: 47.61,
    longitude: -122.33,
  },
  'UnicornHealthRestored@1': {
    metadata: metadata('restored-Shadowfax-2026-11-21T10:00:01.000Z'),
    unicorn: 'Shadowfax',
    statusTime: '2026-11-21T10:00:01.000Z',
    healthPoints: 45,
    threshold: 20,
    revision: '100000000000000000002',
  },
  'UnicornReadingCorrected@1': {
    metadata: metadata('corrected-Shadowfax-2026-11-21T10:00:00.000Z'),
    unicorn: 'Shadowfax',
    statusTime: '2026-11-21T10:00:00.000Z',
    before: reading,
    after: { ...reading, healthPoints: 99 },
    changed: ['healthPoints'],
  },
  'UnicornReadingRemoved@1': {
    metadata: metadata('removed-Shadowfax-2026-11-21T10:00:00.000Z'),
    unicorn: 'Shadowfax',
    statusTime: '2026-11-21T10:00:00.000Z',
    expired: true,
  },
  'RideRequested@1': {
    metadata: metadata('ride-requested-ride-1'),
    rideId: 'ride-1',
    riderId: 'rider-7',
    pickup: { latitude: 47.61, longitude: -122.33 },
    requestedAt: OCCURRED_AT,
  },
  'RideCompleted@1': {
    metadata: metadata('ride-completed-ride-1'),
    rideId: 'ride-1',
    unicorn: 'Shadowfax',
    distanceMetres: 1_250.5,
    completedAt: OCCURRED_AT,
  },
} as const satisfies Record<CatalogKey, unknown>;

/**
 * An EventBridge event as Lambda receives it from a rule, with the catalog's source and
 * detail-type for `key` and the given detail.
 */
export function eventBridgeEvent(key: CatalogKey, detail: unknown = SAMPLE_DETAILS[key]): EventBridgeEvent<string, unknown> {
  const entry = EVENT_CATALOG[key];
  return {
    version: '0',
    id: `6a7e8feb-b491-4cf7-a9f1-bf3703467718-${key}`,
    'detail-type': entry.detailType,
    source: entry.source,
    account: '123456789012',
    time: '2026-11-21T10:00:01Z',
    region: 'eu-west-1',
    resources: [],
    detail,
  };
}

/** A `RideCompleted@1` detail. */
export function rideCompleted(overrides: { rideId: string; unicorn?: string; distanceMetres?: number; eventId?: string }) {
  return {
    ...SAMPLE_DETAILS['RideCompleted@1'],
    metadata: metadata(overrides.eventId ?? `ride-completed-${overrides.rideId}`),
    rideId: overrides.rideId,
    unicorn: overrides.unicorn ?? 'Shadowfax',
    distanceMetres: overrides.distanceMetres ?? 1_000,
  };
}

/** A `UnicornHealthLow@1` detail (without a revision unless given, like the events published before revisions). */
export function unicornHealthLow(overrides: { statusTime: string; unicorn?: string; healthPoints?: number; eventId?: string; revision?: string }) {
  const unicorn = overrides.unicorn ?? 'Shadowfax';
  return {
    ...SAMPLE_DETAILS['UnicornHealthLow@1'],
    metadata: metadata(overrides.eventId ?? `health-${unicorn}-${overrides.statusTime}`),
    unicorn,
    statusTime: overrides.statusTime,
    healthPoints: overrides.healthPoints ?? 12,
    ...(overrides.revision === undefined ? {} : { revision: overrides.revision }),
  };
}

/** A `UnicornHealthRestored@1` detail. */
export function unicornHealthRestored(overrides: { statusTime: string; revision: string; unicorn?: string; healthPoints?: number; eventId?: string }) {
  const unicorn = overrides.unicorn ?? 'Shadowfax';
  return {
    ...SAMPLE_DETAILS['UnicornHealthRestored@1'],
    metadata: metadata(overrides.eventId ?? `restored-${unicorn}-${overrides.statusTime}-${overrides.revision}`),
    unicorn,
    statusTime: overrides.statusTime,
    healthPoints: overrides.healthPoints ?? 45,
    revision: overrides.revision,
  };
}

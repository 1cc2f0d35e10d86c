import type * as z from 'zod/mini';
import { EVENT_SOURCES } from './metadata.js';
import { RideCompletedV1Schema, RideRequestedV1Schema } from './rides.js';
import { UnicornHealthLowV1Schema } from './unicorn-health-low.js';
import { UnicornHealthRestoredV1Schema } from './unicorn-health-restored.js';
import { UnicornReadingCorrectedV1Schema, UnicornReadingRemovedV1Schema } from './unicorn-reading-changes.js';

/** One versioned entry of the catalog: what goes on the bus as `source`, `detail-type` and `detail`. */
export interface CatalogEntry<TSchema extends z.ZodMiniType = z.ZodMiniType> {
  readonly source: string;
  readonly detailType: string;
  readonly schemaVersion: number;
  readonly detail: TSchema;
  readonly description: string;
}

/**
 * The domain-event catalog: every event a Wild Rydes function publishes, by detail-type and
 * version. A new version is a new entry; an existing entry never changes incompatibly.
 */
export const EVENT_CATALOG = {
  'UnicornHealthLow@1': {
    source: EVENT_SOURCES.telemetry,
    detailType: 'UnicornHealthLow',
    schemaVersion: 1,
    detail: UnicornHealthLowV1Schema,
    description: "A stored reading's HealthPoints fell below the configured threshold.",
  },
  'UnicornHealthRestored@1': {
    source: EVENT_SOURCES.telemetry,
    detailType: 'UnicornHealthRestored',
    schemaVersion: 1,
    detail: UnicornHealthRestoredV1Schema,
    description: 'A stored reading at or above the health threshold follows a low one: the unicorn is healthy again.',
  },
  'UnicornReadingCorrected@1': {
    source: EVENT_SOURCES.telemetry,
    detailType: 'UnicornReadingCorrected',
    schemaVersion: 1,
    detail: UnicornReadingCorrectedV1Schema,
    description: 'A stored reading was overwritten with different values.',
  },
  'UnicornReadingRemoved@1': {
    source: EVENT_SOURCES.telemetry,
    detailType: 'UnicornReadingRemoved',
    schemaVersion: 1,
    detail: UnicornReadingRemovedV1Schema,
    description: 'A stored reading was deleted from the table (by a caller or by TTL).',
  },
  'RideRequested@1': {
    source: EVENT_SOURCES.rides,
    detailType: 'RideRequested',
    schemaVersion: 1,
    detail: RideRequestedV1Schema,
    description: 'A rider asked for a unicorn.',
  },
  'RideCompleted@1': {
    source: EVENT_SOURCES.rides,
    detailType: 'RideCompleted',
    schemaVersion: 1,
    detail: RideCompletedV1Schema,
    description: 'A unicorn finished a ride.',
  },
} as const satisfies Record<string, CatalogEntry>;

export type CatalogKey = keyof typeof EVENT_CATALOG;

/** The catalog entry for a detail-type and version, or `undefined` when the catalog has none. */
export function findCatalogEntry(detailType: string, schemaVersion: number): CatalogEntry | undefined {
  return (EVENT_CATALOG as Record<string, CatalogEntry>)[`${detailType}@${schemaVersion}`];
}

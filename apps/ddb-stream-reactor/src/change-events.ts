import type {
  CleanTelemetryReading,
  UnicornHealthLowV1,
  UnicornReadingCorrectedV1,
  UnicornReadingRemovedV1,
} from '@wildrydes/schemas';
import type { ChangeOrigin, ReadingKey, TableChange } from './decode-change.js';
import { deterministicEventId } from './event-id.js';
import { isHealthLow } from './health.js';
import type { HealthRestoredEvent } from './health-recovery.js';

/** A domain event, ready to validate against its catalog entry and publish. */
export type DomainEvent =
  | { readonly catalogKey: 'UnicornHealthLow@1'; readonly detail: UnicornHealthLowV1; readonly time: Date }
  | HealthRestoredEvent
  | { readonly catalogKey: 'UnicornReadingCorrected@1'; readonly detail: UnicornReadingCorrectedV1; readonly time: Date }
  | { readonly catalogKey: 'UnicornReadingRemoved@1'; readonly detail: UnicornReadingRemovedV1; readonly time: Date };

export type ReactorCatalogKey = DomainEvent['catalogKey'];

type ReadingValues = UnicornReadingCorrectedV1['before'];
type ValueName = UnicornReadingCorrectedV1['changed'][number];

/** The values a correction compares, in the order `changed` lists them. */
const VALUE_NAMES: readonly ValueName[] = ['latitude', 'longitude', 'distance', 'healthPoints', 'magicPoints'];

/**
 * The domain events a table change causes. Pure: no I/O, no clock.
 *
 * - INSERT of a reading whose HealthPoints are below the threshold: `UnicornHealthLow`.
 * - MODIFY (the same unicorn and StatusTime written again with other values):
 *   `UnicornReadingCorrected` with both versions and the names of the values that differ; and
 *   `UnicornHealthLow` too when the correction moves HealthPoints into the low zone (below the
 *   threshold now, not before). A correction within the low zone raises no new alarm: the first
 *   one still stands.
 * - REMOVE: `UnicornReadingRemoved`, `expired` when DynamoDB's TTL removed it.
 *
 * Everything else (a healthy insert; a MODIFY that changed no reading value) causes nothing.
 * Every event's `metadata.eventId` is {@link deterministicEventId}, its `occurredAt` and `time`
 * are the change's ApproximateCreationDateTime.
 *
 * @example
 * ```ts
 * eventsForChange(change, { healthLowThreshold: 20 }).map((event) => event.catalogKey); // ['UnicornHealthLow@1']
 * ```
 */
export function eventsForChange(change: TableChange, settings: { readonly healthLowThreshold: number }): DomainEvent[] {
  const threshold = settings.healthLowThreshold;
  switch (change.kind) {
    case 'INSERT':
      return isHealthLow(change.after.HealthPoints, threshold) ? [healthLow(change, change.after, threshold)] : [];
    case 'MODIFY': {
      const events: DomainEvent[] = [];
      const before = valuesOf(change.before);
      const after = valuesOf(change.after);
      const changed = VALUE_NAMES.filter((name) => before[name] !== after[name]);
      if (changed.length > 0) {
        events.push({
          catalogKey: 'UnicornReadingCorrected@1',
          detail: { metadata: metadata('UnicornReadingCorrected@1', change), ...identity(change.key), before, after, changed },
          time: change.origin.occurredAt,
        });
      }
      if (isHealthLow(change.after.HealthPoints, threshold) && !isHealthLow(change.before.HealthPoints, threshold)) {
        events.push(healthLow(change, change.after, threshold));
      }
      return events;
    }
    case 'REMOVE':
      return [
        {
          catalogKey: 'UnicornReadingRemoved@1',
          detail: { metadata: metadata('UnicornReadingRemoved@1', change), ...identity(change.key), expired: change.expired },
          time: change.origin.occurredAt,
        },
      ];
  }
}

function healthLow(change: TableChange, reading: CleanTelemetryReading, threshold: number): DomainEvent {
  return {
    catalogKey: 'UnicornHealthLow@1',
    detail: {
      metadata: metadata('UnicornHealthLow@1', change),
      ...identity(change.key),
      healthPoints: reading.HealthPoints,
      threshold,
      latitude: reading.Latitude,
      longitude: reading.Longitude,
      // Orders it against a later correction of the same reading (a UnicornHealthRestored).
      revision: change.origin.sequenceNumber,
    },
    time: change.origin.occurredAt,
  };
}

function metadata(catalogKey: Exclude<ReactorCatalogKey, 'UnicornHealthRestored@1'>, change: { key: ReadingKey; origin: ChangeOrigin }) {
  return {
    eventId: deterministicEventId({ catalogKey, ...change.key, changeId: change.origin.changeId }),
    schemaVersion: 1 as const,
    occurredAt: change.origin.occurredAt.toISOString(),
  };
}

function identity(key: ReadingKey): { unicorn: string; statusTime: string } {
  return { unicorn: key.unicorn, statusTime: key.statusTime };
}

function valuesOf(reading: CleanTelemetryReading): ReadingValues {
  return {
    latitude: reading.Latitude,
    longitude: reading.Longitude,
    distance: reading.Distance,
    healthPoints: reading.HealthPoints,
    magicPoints: reading.MagicPoints,
  };
}

import type { UnicornHealthRestoredV1 } from '@wildrydes/schemas';
import type { TableChange } from './decode-change.js';
import { deterministicEventId } from './event-id.js';
import { isHealthLow } from './health.js';

/** A stored reading's health, as the reactor reads it back from `UnicornSensorData`. */
export interface StoredHealth {
  readonly statusTime: string;
  readonly healthPoints: number;
}

/**
 * One unicorn's stored readings around the changed ones, sorted by `statusTime`: at least the
 * reading just before the earliest changed one, every reading up to the latest changed one, and
 * the reading just after it (see `readNeighbourWindow`).
 */
export type NeighbourWindow = readonly StoredHealth[];

/** The `UnicornHealthRestored` event of a change, ready to validate and publish. */
export interface HealthRestoredEvent {
  readonly catalogKey: 'UnicornHealthRestored@1';
  readonly detail: UnicornHealthRestoredV1;
  readonly time: Date;
}

/** A change that writes a reading: the ones whose neighbours can decide a recovery. */
export type WritingChange = Extract<TableChange, { kind: 'INSERT' | 'MODIFY' }>;

/**
 * Whether a written reading brings its unicorn's health back, judged against the table itself.
 * Pure: the caller reads the window (one consistent Query per unicorn and batch).
 *
 * With r the reading as this change wrote it (`after`):
 * 1. a correction from low to at/above the threshold: `Restored(r)`;
 * 2. r at/above the threshold and the stored reading just before it low: `Restored(r)`;
 * 3. r low and the stored reading just after it at/above the threshold: `Restored(that reading)`
 *    (a low reading that arrived late, behind a healthy one, must not leave the unicorn low).
 *
 * The event's `revision` is the change's stream sequence number and its id is derived from the
 * change, like every event of the reactor, so a replay publishes the same id. Why this is right
 * in any arrival order is in the reactor's README ("Recovery").
 *
 * @example
 * ```ts
 * healthRestoredFor(change, window, { healthLowThreshold: 20 }); // [] or [{ catalogKey: 'UnicornHealthRestored@1', ... }]
 * ```
 */
export function healthRestoredFor(
  change: WritingChange,
  window: NeighbourWindow,
  settings: { readonly healthLowThreshold: number },
): HealthRestoredEvent[] {
  const threshold = settings.healthLowThreshold;
  const reading: StoredHealth = { statusTime: change.after.StatusTime, healthPoints: change.after.HealthPoints };
  if (!isHealthLow(reading.healthPoints, threshold)) {
    const correctedUp = change.kind === 'MODIFY' && isHealthLow(change.before.HealthPoints, threshold);
    const previous = neighbourBefore(window, reading.statusTime);
    const afterLow = previous !== undefined && isHealthLow(previous.healthPoints, threshold);
    return correctedUp || afterLow ? [restored(change, reading, threshold)] : [];
  }
  const next = neighbourAfter(window, reading.statusTime);
  return next !== undefined && !isHealthLow(next.healthPoints, threshold) ? [restored(change, next, threshold)] : [];
}

/** The latest stored reading strictly before `statusTime`. */
export function neighbourBefore(window: NeighbourWindow, statusTime: string): StoredHealth | undefined {
  let found: StoredHealth | undefined;
  for (const stored of window) if (stored.statusTime < statusTime && (found === undefined || stored.statusTime > found.statusTime)) found = stored;
  return found;
}

/** The earliest stored reading strictly after `statusTime`. */
export function neighbourAfter(window: NeighbourWindow, statusTime: string): StoredHealth | undefined {
  let found: StoredHealth | undefined;
  for (const stored of window) if (stored.statusTime > statusTime && (found === undefined || stored.statusTime < found.statusTime)) found = stored;
  return found;
}

function restored(change: WritingChange, reading: StoredHealth, threshold: number): HealthRestoredEvent {
  const catalogKey = 'UnicornHealthRestored@1';
  const { unicorn } = change.key;
  return {
    catalogKey,
    detail: {
      metadata: {
        eventId: deterministicEventId({ catalogKey, unicorn, statusTime: reading.statusTime, changeId: change.origin.changeId }),
        schemaVersion: 1,
        occurredAt: change.origin.occurredAt.toISOString(),
      },
      unicorn,
      statusTime: reading.statusTime,
      healthPoints: reading.healthPoints,
      threshold,
      revision: change.origin.sequenceNumber,
    },
    time: change.origin.occurredAt,
  };
}

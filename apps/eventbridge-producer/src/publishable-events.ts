import { EVENT_CATALOG, type CatalogKey } from '@wildrydes/schemas';

/**
 * The catalog events this endpoint publishes; every other detail-type or version is refused. The
 * stack's IAM grant is derived from this list too, so the role cannot publish anything else.
 */
export const PUBLISHABLE_EVENTS = ['RideRequested@1', 'RideCompleted@1'] as const satisfies readonly CatalogKey[];

/** A key of {@link PUBLISHABLE_EVENTS}. */
export type PublishableEvent = (typeof PUBLISHABLE_EVENTS)[number];

/**
 * True when `key` (`DetailType@version`) is an event this endpoint publishes.
 *
 * @example
 * ```ts
 * isPublishable('RideCompleted@1'); // true
 * isPublishable('UnicornHealthLow@1'); // false: in the catalog, but not a ride event
 * ```
 */
export function isPublishable(key: string): key is PublishableEvent {
  return (PUBLISHABLE_EVENTS as readonly string[]).includes(key);
}

/**
 * The distinct `source` and `detail-type` values of the publishable events, for the IAM
 * conditions (`events:source`, `events:detail-type`) of the PutEvents grant.
 *
 * @example
 * ```ts
 * publishableSourcesAndDetailTypes(); // { sources: ['wildrydes.rides'], detailTypes: ['RideRequested', 'RideCompleted'] }
 * ```
 */
export function publishableSourcesAndDetailTypes(): { sources: string[]; detailTypes: string[] } {
  const entries = PUBLISHABLE_EVENTS.map((key) => EVENT_CATALOG[key]);
  return {
    sources: [...new Set(entries.map(({ source }) => source))],
    detailTypes: [...new Set(entries.map(({ detailType }) => detailType))],
  };
}

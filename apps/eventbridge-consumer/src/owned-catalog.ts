import { EVENT_CATALOG, type CatalogKey } from '@wildrydes/schemas';

/**
 * The catalog entries this consumer owns: its rule selects them and its handler applies them.
 * Everything else about them (source, detail-type, detail schema) comes from the catalog, so no
 * name is written twice.
 */
export const OWNED_CATALOG_KEYS = ['UnicornHealthLow@1', 'UnicornHealthRestored@1', 'RideCompleted@1'] as const satisfies readonly CatalogKey[];

/** A catalog key this consumer owns. */
export type OwnedCatalogKey = (typeof OWNED_CATALOG_KEYS)[number];

/** True when the consumer owns the catalog entry with this key (`<detail-type>@<version>`). */
export function isOwnedCatalogKey(key: string): key is OwnedCatalogKey {
  return (OWNED_CATALOG_KEYS as readonly string[]).includes(key);
}

const distinct = (values: readonly string[]): string[] => [...new Set(values)].sort();
const ownedEntries = OWNED_CATALOG_KEYS.map((key) => EVENT_CATALOG[key]);

/**
 * The event pattern of the consumer's rule on the platform bus: the sources and detail-types of
 * the owned catalog entries.
 *
 * The schema version is deliberately not part of the pattern. When a new version of an owned
 * event enters the catalog, the rule delivers it, the handler rejects it loudly (an error log and
 * the rejected-events metric) and the contract test fails, so the owning team notices; a pattern
 * pinned to version 1 would make the consumer miss the new version silently.
 *
 * @example
 * ```ts
 * CONSUMER_EVENT_PATTERN;
 * // { source: ['wildrydes.rides', 'wildrydes.telemetry'], 'detail-type': ['RideCompleted', 'UnicornHealthLow', 'UnicornHealthRestored'] }
 * ```
 */
export const CONSUMER_EVENT_PATTERN = {
  source: distinct(ownedEntries.map((entry) => entry.source)),
  'detail-type': distinct(ownedEntries.map((entry) => entry.detailType)),
};

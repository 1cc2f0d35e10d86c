import {
  EVENT_CATALOG,
  findCatalogEntry,
  parseWithEnglishIssues,
  type RideCompletedV1,
  type UnicornHealthLowV1,
  type UnicornHealthRestoredV1,
} from '@wildrydes/schemas';
import { OWNED_CATALOG_KEYS, isOwnedCatalogKey } from './owned-catalog.js';

/** An event the consumer owns, with its `detail` validated against the catalog. */
export type OwnedEvent =
  | { readonly detailType: 'UnicornHealthLow'; readonly detail: UnicornHealthLowV1 }
  | { readonly detailType: 'UnicornHealthRestored'; readonly detail: UnicornHealthRestoredV1 }
  | { readonly detailType: 'RideCompleted'; readonly detail: RideCompletedV1 };

/**
 * Why an event can never be applied. None of them improves with a retry, so the handler logs
 * the event and returns instead of throwing.
 *
 * - `NOT_OWNED`: the detail-type is not one the consumer owns (the rule should not deliver it);
 * - `UNSUPPORTED_VERSION`: an owned detail-type in a schema version the consumer does not apply
 *   (unknown to the catalog, or a newer one the consumer has not adopted yet);
 * - `SOURCE_MISMATCH`: an owned detail-type from a source other than the catalog's;
 * - `SCHEMA_VIOLATION`: the detail does not satisfy the catalog's schema.
 */
export type EventRejectionReason = 'NOT_OWNED' | 'UNSUPPORTED_VERSION' | 'SOURCE_MISMATCH' | 'SCHEMA_VIOLATION';

/** What an incoming event turned out to be. */
export type ParsedEvent =
  | { readonly ok: true; readonly event: OwnedEvent }
  | { readonly ok: false; readonly reason: EventRejectionReason; readonly detail: string };

/** The envelope fields the consumer reads. */
interface EnvelopeFields {
  readonly source?: unknown;
  readonly 'detail-type'?: unknown;
  readonly detail?: unknown;
}

const OWNED_DETAIL_TYPES: ReadonlySet<string> = new Set(OWNED_CATALOG_KEYS.map((key) => EVENT_CATALOG[key].detailType));

/**
 * Checks an EventBridge event against the catalog entry for its detail-type and
 * `detail.metadata.schemaVersion` and returns the typed event, or says why the consumer can never
 * apply it. Takes `unknown` because anyone allowed to invoke the function can send anything.
 * Pure: no I/O, never throws.
 *
 * @example
 * ```ts
 * const parsed = parseOwnedEvent(event);
 * if (!parsed.ok) logger.error('event rejected', { reason: parsed.reason, detail: parsed.detail });
 * ```
 */
export function parseOwnedEvent(input: unknown): ParsedEvent {
  const event: EnvelopeFields = typeof input === 'object' && input !== null ? input : {};
  const detailType = event['detail-type'];
  if (typeof detailType !== 'string' || !OWNED_DETAIL_TYPES.has(detailType)) {
    return reject('NOT_OWNED', `detail-type ${JSON.stringify(detailType)} is not consumed by this function`);
  }
  const version = schemaVersionOf(event.detail);
  if (version === undefined) {
    return reject('SCHEMA_VIOLATION', 'metadata.schemaVersion: expected a positive integer');
  }
  const key = `${detailType}@${version}`;
  const entry = findCatalogEntry(detailType, version);
  if (!entry || !isOwnedCatalogKey(key)) {
    const known = entry ? 'is in the catalog but not consumed by this function' : 'is not in the event catalog';
    return reject('UNSUPPORTED_VERSION', `${key} ${known}`);
  }
  if (event.source !== entry.source) {
    return reject('SOURCE_MISMATCH', `${key} must come from ${JSON.stringify(entry.source)} (given ${JSON.stringify(event.source)})`);
  }
  return parseDetail(key, event.detail);
}

function parseDetail(key: (typeof OWNED_CATALOG_KEYS)[number], detail: unknown): ParsedEvent {
  switch (key) {
    case 'UnicornHealthLow@1': {
      const parsed = parseWithEnglishIssues(EVENT_CATALOG[key].detail, detail);
      return parsed.ok
        ? { ok: true, event: { detailType: 'UnicornHealthLow', detail: parsed.data } }
        : reject('SCHEMA_VIOLATION', parsed.detail);
    }
    case 'UnicornHealthRestored@1': {
      const parsed = parseWithEnglishIssues(EVENT_CATALOG[key].detail, detail);
      return parsed.ok
        ? { ok: true, event: { detailType: 'UnicornHealthRestored', detail: parsed.data } }
        : reject('SCHEMA_VIOLATION', parsed.detail);
    }
    case 'RideCompleted@1': {
      const parsed = parseWithEnglishIssues(EVENT_CATALOG[key].detail, detail);
      return parsed.ok
        ? { ok: true, event: { detailType: 'RideCompleted', detail: parsed.data } }
        : reject('SCHEMA_VIOLATION', parsed.detail);
    }
  }
}

function schemaVersionOf(detail: unknown): number | undefined {
  if (typeof detail !== 'object' || detail === null) return undefined;
  const metadata: unknown = (detail as { metadata?: unknown }).metadata;
  if (typeof metadata !== 'object' || metadata === null) return undefined;
  const version: unknown = (metadata as { schemaVersion?: unknown }).schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : undefined;
}

function reject(reason: EventRejectionReason, detail: string): ParsedEvent {
  return { ok: false, reason, detail };
}

import { EVENT_CATALOG, parseWithEnglishIssues } from '@wildrydes/schemas';
import type { DomainEvent } from './change-events.js';

/** A PutEvents entry (structurally the SDK's `PutEventsRequestEntry`, without importing the SDK). */
export interface EventEntry {
  readonly EventBusName: string;
  readonly Source: string;
  readonly DetailType: string;
  readonly Detail: string;
  readonly Time: Date;
}

export type BuiltEntry = { readonly ok: true; readonly entry: EventEntry } | { readonly ok: false; readonly reason: string };

/**
 * Validates a domain event's detail against its catalog entry and builds its PutEvents entry:
 * `Source` and `DetailType` from the catalog, `Detail` the validated detail as JSON, `Time` the
 * change's time. A detail the catalog rejects is a bug in this function, reported as
 * `InvalidDetail: <field>: <problem>` rather than published. Pure, never throws.
 *
 * @example
 * ```ts
 * const built = toEventEntry(event, 'wildrydes-bus');
 * if (built.ok) entries.push(built.entry);
 * ```
 */
export function toEventEntry(event: DomainEvent, eventBusName: string): BuiltEntry {
  const catalogEntry = EVENT_CATALOG[event.catalogKey];
  const parsed = parseWithEnglishIssues(catalogEntry.detail, event.detail);
  if (!parsed.ok) return { ok: false, reason: `InvalidDetail: ${event.catalogKey} ${parsed.detail}` };
  return {
    ok: true,
    entry: {
      EventBusName: eventBusName,
      Source: catalogEntry.source,
      DetailType: catalogEntry.detailType,
      Detail: JSON.stringify(parsed.data),
      Time: event.time,
    },
  };
}

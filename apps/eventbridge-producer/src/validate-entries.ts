import * as z from 'zod/mini';
import type { core } from 'zod/mini';
import { putEventsEntrySizeBytes } from '@wildrydes/aws-clients';
import { EVENT_CATALOG, formatIssues, safeParseInEnglish } from '@wildrydes/schemas';
import { isPublishable, PUBLISHABLE_EVENTS } from './publishable-events.js';
import type { EntryIssue, HttpProblem } from './responses.js';

/** A PutEvents request entry (the SDK's field names), ready to send. */
export interface BusEntry {
  readonly Source: string;
  readonly DetailType: string;
  readonly Detail: string;
  readonly EventBusName: string;
}

/** The limits and target a request is validated against. */
export interface EntrySettings {
  readonly eventBusName: string;
  readonly maxEntriesPerRequest: number;
  /** Bytes per entry as EventBridge counts them (`putEventsEntrySizeBytes`). */
  readonly maxEntryBytes: number;
}

/**
 * One entry as the client sends it; `detail` is checked against the catalog afterwards. It is an
 * object here already, so a missing one reads "expected object, received undefined".
 */
const EntryEnvelopeSchema = z.object({
  detailType: z.string().check(z.minLength(1)),
  schemaVersion: z.int().check(z.gte(1)),
  detail: z.looseObject({}),
});

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const SHAPE_HINT = 'one entry { "detailType", "schemaVersion", "detail" } or a batch { "entries": [ ... ] }';

/**
 * Turns a parsed request body into the PutEvents entries to publish, all or none:
 *
 * - the body is one entry or `{ "entries": [...] }` (400 otherwise, or for an empty batch);
 * - at most `maxEntriesPerRequest` entries (413 `TooManyEntries`: split the batch);
 * - every entry is `RideRequested@1` or `RideCompleted@1` and its `detail` satisfies the
 *   catalog schema, `metadata.eventId` included (400 `InvalidEntries` listing every invalid
 *   entry by index);
 * - every entry is at most `maxEntryBytes` as EventBridge counts it (413 `EntryTooLarge`
 *   naming each such entry).
 *
 * `Detail` is the JSON of the validated detail: fields the catalog does not know are dropped.
 * Pure; never throws.
 *
 * @example
 * ```ts
 * const result = toBusEntries(json, { eventBusName: 'wildrydes-bus', maxEntriesPerRequest: 100, maxEntryBytes: 1_048_576 });
 * if (!result.ok) return problemResponse(result.problem);
 * ```
 */
export function toBusEntries(
  json: unknown,
  settings: EntrySettings,
): { ok: true; entries: BusEntry[] } | { ok: false; problem: HttpProblem; entryCount?: number } {
  const split = splitEnvelope(json);
  if (!split.ok) return { ok: false, problem: { status: 400, error: 'InvalidRequest', message: split.message } };
  const { items } = split;
  if (items.length > settings.maxEntriesPerRequest) {
    const message = `the request has ${items.length} entries; the limit is ${settings.maxEntriesPerRequest} per request: split the batch`;
    return { ok: false, problem: { status: 413, error: 'TooManyEntries', message }, entryCount: items.length };
  }

  const entries: BusEntry[] = [];
  const invalid: EntryIssue[] = [];
  items.forEach((item, index) => {
    const validated = validateEntry(item, settings.eventBusName);
    if (validated.ok) entries.push(validated.entry);
    else invalid.push({ index, message: validated.message });
  });
  if (invalid.length > 0) {
    const message = `${invalid.length} of ${items.length} entries are invalid; nothing was published`;
    return { ok: false, problem: { status: 400, error: 'InvalidEntries', message, issues: invalid }, entryCount: items.length };
  }

  const tooLarge = entries.flatMap((entry, index) => {
    const sizeBytes = putEventsEntrySizeBytes(entry);
    return sizeBytes > settings.maxEntryBytes
      ? [{ index, message: `the entry is ${sizeBytes} bytes as EventBridge counts them; the limit is ${settings.maxEntryBytes} bytes` }]
      : [];
  });
  if (tooLarge.length > 0) {
    const message = `${tooLarge.length} of ${items.length} entries are too large; nothing was published`;
    return { ok: false, problem: { status: 413, error: 'EntryTooLarge', message, issues: tooLarge }, entryCount: items.length };
  }
  return { ok: true, entries };
}

/** The entries of a body: a batch's `entries`, or the body itself as the only entry. */
function splitEnvelope(json: unknown): { ok: true; items: unknown[] } | { ok: false; message: string } {
  if (!isObject(json)) return { ok: false, message: `the body must be a JSON object: ${SHAPE_HINT}` };
  if (!Object.hasOwn(json, 'entries')) return { ok: true, items: [json] };
  const { entries } = json;
  if (Object.hasOwn(json, 'detailType') || Object.hasOwn(json, 'detail')) {
    return { ok: false, message: `the body is both an entry and a batch: send ${SHAPE_HINT}` };
  }
  if (!Array.isArray(entries)) return { ok: false, message: 'entries must be an array' };
  if (entries.length === 0) return { ok: false, message: 'entries must not be empty' };
  return { ok: true, items: entries };
}

/** Validates one entry against the catalog and builds its PutEvents entry. */
function validateEntry(item: unknown, eventBusName: string): { ok: true; entry: BusEntry } | { ok: false; message: string } {
  const envelope = safeParseInEnglish(EntryEnvelopeSchema, item);
  if (!envelope.success) return { ok: false, message: formatIssues(envelope.error.issues) };
  const { detailType, schemaVersion, detail } = envelope.data;
  const key = `${detailType}@${schemaVersion}`;
  if (!isPublishable(key)) {
    return {
      ok: false,
      message: `detailType: ${key} is not an event this endpoint publishes (it publishes ${PUBLISHABLE_EVENTS.join(', ')})`,
    };
  }
  const catalogEntry = EVENT_CATALOG[key];
  const parsed = safeParseInEnglish(catalogEntry.detail, detail);
  if (!parsed.success) return { ok: false, message: formatIssues(underDetail(parsed.error.issues)) };
  return {
    ok: true,
    entry: { Source: catalogEntry.source, DetailType: catalogEntry.detailType, Detail: JSON.stringify(parsed.data), EventBusName: eventBusName },
  };
}

/** Issues of the detail schema, with paths from the entry (`detail.rideId`, not `rideId`). */
function underDetail(issues: readonly core.$ZodIssue[]): core.$ZodIssue[] {
  return issues.map((issue) => ({ ...issue, path: ['detail', ...issue.path] }));
}

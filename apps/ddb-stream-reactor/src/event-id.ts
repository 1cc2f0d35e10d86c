import { createHash } from 'node:crypto';

/** What an event's id is derived from. */
export interface EventIdSource {
  /** The catalog key of the event, e.g. `UnicornHealthLow@1`: one change can cause several events. */
  readonly catalogKey: string;
  readonly unicorn: string;
  readonly statusTime: string;
  /** The stream record's `eventID`. */
  readonly changeId: string;
}

/**
 * The deterministic id of a domain event: the SHA-256 (hex) of the event's catalog key, the
 * reading's key and the stream record's `eventID`. The same change processed twice (a Lambda
 * retry, a replay) gives the same id, so consumers can drop the duplicate; two different changes,
 * or two different events of one change, give different ids. Nothing in it depends on the stream
 * ARN, so it survives re-creating the mapping.
 *
 * @example
 * ```ts
 * deterministicEventId({ catalogKey: 'UnicornHealthLow@1', unicorn: 'Shadowfax', statusTime: '2026-11-21T10:00:00.000Z', changeId: 'c0ffee' });
 * // '3f1c…' (64 hex characters)
 * ```
 */
export function deterministicEventId(source: EventIdSource): string {
  // A JSON array, not a joined string: no separator a unicorn name could contain can make two sources collide.
  const canonical = JSON.stringify([source.catalogKey, source.unicorn, source.statusTime, source.changeId]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

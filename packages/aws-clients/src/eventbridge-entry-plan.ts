import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { InvalidOptionsError } from './errors.js';
import { requireIntegerAtLeast } from './validate-options.js';

/** PutEvents takes at most 10 entries per request. */
export const PUT_EVENTS_MAX_ENTRIES = 10;
/**
 * A PutEvents entry is at most 1 MiB (1,048,576 bytes) as EventBridge counts it: AWS raised the
 * limit from 256 KB in January 2026. Set `limits.maxEntryBytes` for a region or account that
 * still has the old limit.
 */
export const PUT_EVENTS_MAX_ENTRY_BYTES = 1024 * 1024;

/** The bytes EventBridge counts for `Time`, whatever its value. */
const TIME_BYTES = 14;

/** The PutEvents limits to plan requests with; settings, defaulting to the current AWS limits. */
export interface PutEventsLimits {
  /**
   * Entries per PutEvents request.
   * @default 10
   */
  maxEntriesPerRequest?: number;
  /**
   * Bytes per entry, as {@link putEventsEntrySizeBytes} counts them.
   * @default 1048576 (1 MiB)
   */
  maxEntryBytes?: number;
  /**
   * Bytes per request: the sum of its entries' sizes. Must not be below `maxEntryBytes`.
   * @default maxEntryBytes
   */
  maxRequestBytes?: number;
}

/** An entry ready to send, with the position of its input and its size. */
export interface PlannedEntry {
  index: number;
  entry: PutEventsRequestEntry;
  sizeBytes: number;
}

/**
 * Applies the defaults and validates the values.
 *
 * @throws InvalidOptionsError for a value that is not an integer >= 1, or an entry limit above
 *   the request limit (such an entry could never be sent)
 *
 * @example
 * ```ts
 * resolvePutEventsLimits({ maxEntryBytes: 256 * 1024 });
 * // { maxEntriesPerRequest: 10, maxEntryBytes: 262144, maxRequestBytes: 262144 }
 * ```
 */
export function resolvePutEventsLimits(limits: PutEventsLimits = {}): Required<PutEventsLimits> {
  const maxEntryBytes = limits.maxEntryBytes ?? PUT_EVENTS_MAX_ENTRY_BYTES;
  const resolved = {
    maxEntriesPerRequest: limits.maxEntriesPerRequest ?? PUT_EVENTS_MAX_ENTRIES,
    maxEntryBytes,
    maxRequestBytes: limits.maxRequestBytes ?? maxEntryBytes,
  };
  requireIntegerAtLeast('limits.maxEntriesPerRequest', resolved.maxEntriesPerRequest, 1);
  requireIntegerAtLeast('limits.maxEntryBytes', resolved.maxEntryBytes, 1);
  requireIntegerAtLeast('limits.maxRequestBytes', resolved.maxRequestBytes, 1);
  if (resolved.maxEntryBytes > resolved.maxRequestBytes) {
    throw new InvalidOptionsError(
      `limits.maxEntryBytes must not exceed limits.maxRequestBytes (given ${resolved.maxEntryBytes} > ${resolved.maxRequestBytes})`,
    );
  }
  return resolved;
}

/**
 * The size of a PutEvents entry as AWS documents it ("Calculating Amazon EventBridge PutEvents
 * event entry size"): 14 bytes for `Time` if present, plus the UTF-8 bytes of `Source`,
 * `DetailType`, `Detail` (if present) and each of `Resources`. `EventBusName` and `TraceHeader`
 * do not count. The event EventBridge delivers is larger (its JSON envelope); the limit is on
 * the entry.
 *
 * @example
 * ```ts
 * putEventsEntrySizeBytes({ Time: new Date(), Source: 'wildrydes.rides', DetailType: 'RideCompleted', Detail: '{"rideId":"r-1"}' });
 * // 14 + 15 + 13 + 16 = 58
 * ```
 */
export function putEventsEntrySizeBytes(entry: PutEventsRequestEntry): number {
  let size = entry.Time === undefined ? 0 : TIME_BYTES;
  size += utf8Length(entry.Source) + utf8Length(entry.DetailType) + utf8Length(entry.Detail);
  for (const resource of entry.Resources ?? []) size += utf8Length(resource);
  return size;
}

/** An entry that can never be published, found before anything is sent. */
export interface RejectedEntry {
  index: number;
  code: 'TooLarge';
  reason: string;
}

/**
 * Sizes the entries and rejects, before anything is sent, those over `maxEntryBytes` (code
 * `TooLarge`, `EntryTooLarge: N bytes > limit M bytes`): EventBridge would refuse them whatever
 * happens.
 *
 * @example
 * ```ts
 * const { planned, rejected } = planEntries(entries.map(({ entry }) => entry), resolvePutEventsLimits());
 * ```
 */
export function planEntries(
  entries: readonly PutEventsRequestEntry[],
  limits: Pick<Required<PutEventsLimits>, 'maxEntryBytes'>,
): { planned: PlannedEntry[]; rejected: RejectedEntry[] } {
  const planned: PlannedEntry[] = [];
  const rejected: RejectedEntry[] = [];
  entries.forEach((entry, index) => {
    const sizeBytes = putEventsEntrySizeBytes(entry);
    if (sizeBytes > limits.maxEntryBytes) {
      rejected.push({ index, code: 'TooLarge', reason: `EntryTooLarge: ${sizeBytes} bytes > limit ${limits.maxEntryBytes} bytes` });
    } else {
      planned.push({ index, entry, sizeBytes });
    }
  });
  return { planned, rejected };
}

function utf8Length(text: string | undefined): number {
  return text === undefined ? 0 : Buffer.byteLength(text, 'utf8');
}

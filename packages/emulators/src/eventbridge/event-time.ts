/**
 * Formats a time as EventBridge writes `time` in events: ISO 8601, UTC, whole seconds
 * (the milliseconds are dropped, not rounded).
 *
 * @example
 * ```ts
 * formatEventTime(new Date('2026-11-21T10:00:00.750Z')); // '2026-11-21T10:00:00Z'
 * ```
 */
export function formatEventTime(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Reads a PutEvents entry's `Time` as it arrives over the JSON protocol: epoch seconds (what the
 * SDK sends, possibly fractional) or an ISO 8601 string. Returns `undefined` for anything else.
 *
 * @example
 * ```ts
 * parseEntryTime(1795255200); // Date 2026-11-21T10:00:00.000Z
 * parseEntryTime('nope'); // undefined
 * ```
 */
export function parseEntryTime(value: unknown): Date | undefined {
  const millis =
    typeof value === 'number' ? value * 1000 : typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isFinite(millis) ? new Date(millis) : undefined;
}

import { CleanTelemetryReadingSchema, RawTelemetryReadingSchema, parseWithEnglishIssues, type CleanTelemetryReading } from '@wildrydes/schemas';
import { parseStatusTime } from './status-time.js';

/** What normalising needs to know besides the reading itself. */
export interface NormaliseContext {
  /** When the record arrived in the raw stream, epoch milliseconds: "the future" is measured from it. */
  readonly arrivalMs: number;
  /** How far a reading's `StatusTime` may be ahead of its arrival (sensor clocks drift), in ms. */
  readonly maxClockSkewMs: number;
}

/** A clean reading, or why the raw one can never become one. */
export type NormalisedReading =
  | { readonly ok: true; readonly reading: CleanTelemetryReading }
  | { readonly ok: false; readonly detail: string };

/**
 * Turns a raw reading (parsed JSON of any shape) into the clean reading published on
 * `unicorn-telemetry-clean`, or says why it cannot. Pure: no I/O, no clock, never throws.
 *
 * 1. The value must satisfy `RawTelemetryReadingSchema` (field types).
 * 2. `StatusTime` becomes the canonical `Date.prototype.toISOString()` form; see
 *    {@link parseStatusTime} for the formats accepted and the instants rejected. The future
 *    bound is the record's arrival plus `maxClockSkewMs`, not the time of processing, so a
 *    retried or replayed record gets the same answer as the first time.
 * 3. The result must satisfy `CleanTelemetryReadingSchema`: ranges, finite numbers, and integral
 *    `HealthPoints` and `MagicPoints`. A fraction is **rejected, not rounded**: a fractional point
 *    count means a broken sensor or transformer, and rounding would publish a value nobody sent.
 *    Unknown fields are dropped.
 *
 * Whatever this returns `ok` passes the writer's validation, because it is the writer's schema.
 *
 * @example
 * ```ts
 * normaliseReading(
 *   { Name: 'Shadowfax', StatusTime: '2026-11-21 10:00:00.5', Latitude: 47.6, Longitude: -122.3, Distance: 12, HealthPoints: 140, MagicPoints: 120 },
 *   { arrivalMs: Date.UTC(2026, 10, 21, 10, 0, 1), maxClockSkewMs: 300_000 },
 * );
 * // { ok: true, reading: { Name: 'Shadowfax', StatusTime: '2026-11-21T10:00:00.500Z', ... } }
 * ```
 */
export function normaliseReading(value: unknown, context: NormaliseContext): NormalisedReading {
  const raw = parseWithEnglishIssues(RawTelemetryReadingSchema, value);
  if (!raw.ok) return raw;

  const statusTime = parseStatusTime(raw.data.StatusTime, { latestMs: context.arrivalMs + context.maxClockSkewMs });
  if (!statusTime.ok) return statusTime;

  const clean = parseWithEnglishIssues(CleanTelemetryReadingSchema, { ...raw.data, StatusTime: new Date(statusTime.epochMs).toISOString() });
  if (!clean.ok) return clean;
  return { ok: true, reading: clean.data };
}

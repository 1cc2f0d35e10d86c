// Only the English messages: `z.locales` would bundle every language (~280 KB).
import english from 'zod/v4/locales/en.js';
import {
  CleanTelemetryReadingSchema,
  RawTelemetryReadingSchema,
  formatIssues,
  type CleanTelemetryReading,
} from '@wildrydes/schemas';
import { parseStatusTime } from './status-time.js';

/**
 * zod/mini ships no messages ("Invalid input"); the English ones, passed per parse (no global
 * config), make a quarantined record's detail say what is wrong ("Too big: expected number to be <=90").
 */
const ENGLISH = { error: english().localeError };

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
  const raw = RawTelemetryReadingSchema.safeParse(value, ENGLISH);
  if (!raw.success) return { ok: false, detail: formatIssues(raw.error.issues) };

  const statusTime = parseStatusTime(raw.data.StatusTime, { latestMs: context.arrivalMs + context.maxClockSkewMs });
  if (!statusTime.ok) return statusTime;

  const clean = CleanTelemetryReadingSchema.safeParse({ ...raw.data, StatusTime: new Date(statusTime.epochMs).toISOString() }, ENGLISH);
  if (!clean.success) return { ok: false, detail: formatIssues(clean.error.issues) };
  return { ok: true, reading: clean.data };
}

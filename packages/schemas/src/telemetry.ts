import * as z from 'zod/mini';
import { KINESIS_PARTITION_KEY_MAX_CHARS } from './limits.js';

/**
 * Ranges a unicorn reading must fall in. Wider than the workshop simulator's values on
 * purpose: the ranges catch corrupt data, not unusual unicorns.
 */
export const TELEMETRY_RANGES = {
  latitude: { min: -90, max: 90 },
  longitude: { min: -180, max: 180 },
  /** Metres travelled since the previous reading. */
  distanceMetres: { min: 0, max: 1_000_000 },
  healthPoints: { min: 0, max: 1_000 },
  magicPoints: { min: 0, max: 1_000 },
} as const;

const unicornName = z.string().check(z.minLength(1), z.maxLength(KINESIS_PARTITION_KEY_MAX_CHARS));
const finite = (range: { min: number; max: number }) => z.number().check(z.gte(range.min), z.lte(range.max));
const points = (range: { min: number; max: number }) => z.int().check(z.gte(range.min), z.lte(range.max));
const kindOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
/** A union's default message is a bare "Invalid input"; this one says what a `StatusTime` may be. */
const rawStatusTime = z.union([z.string().check(z.minLength(1)), z.number()], {
  error: (issue) => `Invalid input: expected a date-time string or epoch milliseconds, received ${kindOf(issue.input)}`,
});

/**
 * A reading as the unicorns' sensors send it to `unicorn-telemetry` (raw). Lenient on purpose:
 * `StatusTime` may be ISO-8601, the workshop's `YYYY-MM-DD HH:MM:SS.sss`, or epoch milliseconds.
 * The re-publisher normalises it into a {@link CleanTelemetryReading}.
 */
export const RawTelemetryReadingSchema = z.object({
  Name: unicornName,
  StatusTime: rawStatusTime,
  Latitude: z.number(),
  Longitude: z.number(),
  Distance: z.number(),
  HealthPoints: z.number(),
  MagicPoints: z.number(),
});
export type RawTelemetryReading = z.infer<typeof RawTelemetryReadingSchema>;

/**
 * A validated, normalised reading as it travels on `unicorn-telemetry-clean`: `StatusTime` is
 * the canonical `Date.prototype.toISOString()` form (UTC, exactly millisecond precision, `Z`),
 * because it is the table's sort key and only one fixed-width form sorts correctly as a
 * string. Every number is in range; unknown fields are dropped.
 */
export const CleanTelemetryReadingSchema = z.object({
  Name: unicornName,
  StatusTime: z.iso.datetime({ precision: 3 }),
  Latitude: finite(TELEMETRY_RANGES.latitude),
  Longitude: finite(TELEMETRY_RANGES.longitude),
  Distance: finite(TELEMETRY_RANGES.distanceMetres),
  HealthPoints: points(TELEMETRY_RANGES.healthPoints),
  MagicPoints: points(TELEMETRY_RANGES.magicPoints),
});
export type CleanTelemetryReading = z.infer<typeof CleanTelemetryReadingSchema>;

import * as z from 'zod/mini';
import { boundedInt, boundedNumber } from './dynamodb-number.js';
import { KINESIS_PARTITION_KEY_MAX_CHARS } from './limits.js';

/**
 * Ranges a unicorn reading must fall in. Wider than the workshop simulator's values on
 * purpose: the ranges catch corrupt data, not unusual unicorns. Every value must also be a
 * number DynamoDB can store (`dynamoDbNumber`): `Distance: 1e-200` is in range but would fail
 * the table write with "Number underflow".
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
const kindOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
/** A union's default message is a bare "Invalid input"; this one says what a `StatusTime` may be. */
const rawStatusTime = z.union([z.string().check(z.minLength(1)), z.number()], {
  error: (issue) => `Invalid input: expected a date-time string or epoch milliseconds, received ${kindOf(issue.input)}`,
});

/**
 * The numbers of a reading, raw or clean: each in its plausible range and storable in DynamoDB,
 * point counts whole.
 */
const readingNumbers = {
  Latitude: boundedNumber(TELEMETRY_RANGES.latitude),
  Longitude: boundedNumber(TELEMETRY_RANGES.longitude),
  Distance: boundedNumber(TELEMETRY_RANGES.distanceMetres),
  HealthPoints: boundedInt(TELEMETRY_RANGES.healthPoints),
  MagicPoints: boundedInt(TELEMETRY_RANGES.magicPoints),
};

/**
 * A reading as the unicorns' sensors send it to `unicorn-telemetry` (raw). Lenient on purpose
 * about `StatusTime` only: it may be ISO-8601, the workshop's `YYYY-MM-DD HH:MM:SS.sss`, or
 * epoch milliseconds (the re-publisher's `parseStatusTime` judges its plausibility; it is stored
 * as a string). Its numbers are held to the same plausible, storable bounds as a clean
 * reading's, so every offending field is named at once. The re-publisher normalises it into a
 * {@link CleanTelemetryReading}.
 */
export const RawTelemetryReadingSchema = z.object({
  Name: unicornName,
  StatusTime: rawStatusTime,
  ...readingNumbers,
});
export type RawTelemetryReading = z.infer<typeof RawTelemetryReadingSchema>;

/**
 * A validated, normalised reading as it travels on `unicorn-telemetry-clean`: `StatusTime` is
 * the canonical `Date.prototype.toISOString()` form (UTC, exactly millisecond precision, `Z`),
 * because it is the table's sort key and only one fixed-width form sorts correctly as a
 * string. Every number is in range and storable in DynamoDB; unknown fields are dropped.
 */
export const CleanTelemetryReadingSchema = z.object({
  Name: unicornName,
  StatusTime: z.iso.datetime({ precision: 3 }),
  ...readingNumbers,
});
export type CleanTelemetryReading = z.infer<typeof CleanTelemetryReadingSchema>;

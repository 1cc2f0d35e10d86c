import * as z from 'zod/mini';
import { boundedInt } from '../dynamodb-number.js';
import { CleanTelemetryReadingSchema, TELEMETRY_RANGES } from '../telemetry.js';
import { EventMetadataSchema } from './metadata.js';

/** v1: a stored reading's `HealthPoints` fell below the configured threshold. */
export const UnicornHealthLowV1Schema = z.object({
  metadata: z.extend(EventMetadataSchema, { schemaVersion: z.literal(1) }),
  unicorn: CleanTelemetryReadingSchema.shape.Name,
  statusTime: CleanTelemetryReadingSchema.shape.StatusTime,
  healthPoints: CleanTelemetryReadingSchema.shape.HealthPoints,
  /** HealthPoints below this are low: a health-point count itself. */
  threshold: boundedInt(TELEMETRY_RANGES.healthPoints),
  latitude: CleanTelemetryReadingSchema.shape.Latitude,
  longitude: CleanTelemetryReadingSchema.shape.Longitude,
});
export type UnicornHealthLowV1 = z.infer<typeof UnicornHealthLowV1Schema>;

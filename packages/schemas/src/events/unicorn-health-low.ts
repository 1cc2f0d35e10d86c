import * as z from 'zod/mini';
import { boundedInt } from '../dynamodb-number.js';
import { CleanTelemetryReadingSchema, TELEMETRY_RANGES } from '../telemetry.js';
import { HealthRevisionSchema } from './health-observation.js';
import { EventMetadataSchema } from './metadata.js';

/**
 * v1: a stored reading's `HealthPoints` fell below the configured threshold. `revision` (added
 * compatibly: optional, so every earlier event stays valid) orders it against other observations
 * of the same reading, such as a `UnicornHealthRestored` after a correction.
 */
export const UnicornHealthLowV1Schema = z.object({
  metadata: z.extend(EventMetadataSchema, { schemaVersion: z.literal(1) }),
  unicorn: CleanTelemetryReadingSchema.shape.Name,
  statusTime: CleanTelemetryReadingSchema.shape.StatusTime,
  healthPoints: CleanTelemetryReadingSchema.shape.HealthPoints,
  /** HealthPoints below this are low: a health-point count itself. */
  threshold: boundedInt(TELEMETRY_RANGES.healthPoints),
  latitude: CleanTelemetryReadingSchema.shape.Latitude,
  longitude: CleanTelemetryReadingSchema.shape.Longitude,
  revision: z.optional(HealthRevisionSchema),
});
export type UnicornHealthLowV1 = z.infer<typeof UnicornHealthLowV1Schema>;

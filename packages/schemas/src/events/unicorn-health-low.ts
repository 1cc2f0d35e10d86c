import * as z from 'zod/mini';
import { CleanTelemetryReadingSchema } from '../telemetry.js';
import { EventMetadataSchema } from './metadata.js';

/** v1: a stored reading's `HealthPoints` fell below the configured threshold. */
export const UnicornHealthLowV1Schema = z.object({
  metadata: z.extend(EventMetadataSchema, { schemaVersion: z.literal(1) }),
  unicorn: CleanTelemetryReadingSchema.shape.Name,
  statusTime: CleanTelemetryReadingSchema.shape.StatusTime,
  healthPoints: CleanTelemetryReadingSchema.shape.HealthPoints,
  threshold: z.int().check(z.gte(0)),
  latitude: CleanTelemetryReadingSchema.shape.Latitude,
  longitude: CleanTelemetryReadingSchema.shape.Longitude,
});
export type UnicornHealthLowV1 = z.infer<typeof UnicornHealthLowV1Schema>;

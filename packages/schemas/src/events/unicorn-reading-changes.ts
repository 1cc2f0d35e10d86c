import * as z from 'zod/mini';
import { CleanTelemetryReadingSchema } from '../telemetry.js';
import { EventMetadataSchema } from './metadata.js';

const readingValues = z.object({
  latitude: CleanTelemetryReadingSchema.shape.Latitude,
  longitude: CleanTelemetryReadingSchema.shape.Longitude,
  distance: CleanTelemetryReadingSchema.shape.Distance,
  healthPoints: CleanTelemetryReadingSchema.shape.HealthPoints,
  magicPoints: CleanTelemetryReadingSchema.shape.MagicPoints,
});

/**
 * v1: a stored reading was overwritten with different values (a correction: the same unicorn
 * and `StatusTime` sent again with other values). Carries both versions.
 */
export const UnicornReadingCorrectedV1Schema = z.object({
  metadata: z.extend(EventMetadataSchema, { schemaVersion: z.literal(1) }),
  unicorn: CleanTelemetryReadingSchema.shape.Name,
  statusTime: CleanTelemetryReadingSchema.shape.StatusTime,
  before: readingValues,
  after: readingValues,
  /** The names of the values that differ. */
  changed: z.array(z.enum(['latitude', 'longitude', 'distance', 'healthPoints', 'magicPoints'])),
});
export type UnicornReadingCorrectedV1 = z.infer<typeof UnicornReadingCorrectedV1Schema>;

/** v1: a stored reading was deleted from the table (by an operator, or by TTL). */
export const UnicornReadingRemovedV1Schema = z.object({
  metadata: z.extend(EventMetadataSchema, { schemaVersion: z.literal(1) }),
  unicorn: CleanTelemetryReadingSchema.shape.Name,
  statusTime: CleanTelemetryReadingSchema.shape.StatusTime,
  /** True when DynamoDB's TTL removed it rather than a caller. */
  expired: z.boolean(),
});
export type UnicornReadingRemovedV1 = z.infer<typeof UnicornReadingRemovedV1Schema>;

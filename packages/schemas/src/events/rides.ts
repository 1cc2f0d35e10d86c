import * as z from 'zod/mini';
import { CleanTelemetryReadingSchema } from '../telemetry.js';
import { EventMetadataSchema } from './metadata.js';

const rideId = z.string().check(z.minLength(1), z.maxLength(128));
const position = z.object({
  latitude: CleanTelemetryReadingSchema.shape.Latitude,
  longitude: CleanTelemetryReadingSchema.shape.Longitude,
});

/** v1: a rider asked for a unicorn. */
export const RideRequestedV1Schema = z.object({
  metadata: z.extend(EventMetadataSchema, { schemaVersion: z.literal(1) }),
  rideId,
  riderId: z.string().check(z.minLength(1), z.maxLength(128)),
  pickup: position,
  requestedAt: z.iso.datetime(),
});
export type RideRequestedV1 = z.infer<typeof RideRequestedV1Schema>;

/** v1: a unicorn finished a ride. */
export const RideCompletedV1Schema = z.object({
  metadata: z.extend(EventMetadataSchema, { schemaVersion: z.literal(1) }),
  rideId,
  unicorn: CleanTelemetryReadingSchema.shape.Name,
  distanceMetres: z.number().check(z.gte(0)),
  completedAt: z.iso.datetime(),
});
export type RideCompletedV1 = z.infer<typeof RideCompletedV1Schema>;

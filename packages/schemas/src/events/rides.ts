import * as z from 'zod/mini';
import { boundedNumber } from '../dynamodb-number.js';
import { CleanTelemetryReadingSchema } from '../telemetry.js';
import { EventMetadataSchema } from './metadata.js';

/**
 * Ranges a ride's numbers must fall in. A ride is at most 1,000 km: far beyond any city ride,
 * small enough that no single event can push a unicorn's distance counter anywhere near what
 * DynamoDB can store (the consumer adds every ride's distance to it).
 */
export const RIDE_RANGES = {
  distanceMetres: { min: 0, max: 1_000_000 },
} as const;

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
  distanceMetres: boundedNumber(RIDE_RANGES.distanceMetres),
  completedAt: z.iso.datetime(),
});
export type RideCompletedV1 = z.infer<typeof RideCompletedV1Schema>;

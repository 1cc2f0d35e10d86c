import * as z from 'zod/mini';
import { RideCompletedV1Schema, UnicornHealthLowV1Schema } from '@wildrydes/schemas';

/**
 * The fleet read model: one DynamoDB table owned by this function (partition key `pk`, sort key
 * `sk`, both strings). Per unicorn, in partition `UNICORN#<name>`:
 *
 * - `sk = STATE`: the unicorn's fleet state ({@link FleetStateItemSchema});
 * - `sk = RIDE#<rideId>`: one marker per ride counted into the state ({@link RideMarkerItemSchema}).
 *   It is written in the same transaction as the increment, only if it does not exist yet, so a
 *   replayed ride changes nothing; the markers also let anyone recount the state.
 */
export const READ_MODEL_KEY = { partitionKey: 'pk', sortKey: 'sk' } as const;

/** The sort key of a unicorn's state item. */
export const FLEET_STATE_SORT_KEY = 'STATE';

/**
 * The partition key of everything about one unicorn.
 *
 * @example
 * ```ts
 * unicornPartitionKey('Shadowfax'); // 'UNICORN#Shadowfax'
 * ```
 */
export function unicornPartitionKey(unicorn: string): string {
  return `UNICORN#${unicorn}`;
}

/**
 * The sort key of a ride's marker.
 *
 * @example
 * ```ts
 * rideMarkerSortKey('ride-42'); // 'RIDE#ride-42'
 * ```
 */
export function rideMarkerSortKey(rideId: string): string {
  return `RIDE#${rideId}`;
}

/** `LOW` after a `UnicornHealthLow`, `OK` before any and after a `UnicornHealthRestored` (the newest observation wins). */
export const HealthStatusSchema = z.enum(['OK', 'LOW']);
export type HealthStatus = z.infer<typeof HealthStatusSchema>;

const health = UnicornHealthLowV1Schema.shape;
const ride = RideCompletedV1Schema.shape;

/** The `UnicornHealthLow` a unicorn's `LOW` status reflects (absent while it is `OK`). */
export const LastAlertSchema = z.object({
  eventId: health.metadata.shape.eventId,
  statusTime: health.statusTime,
  healthPoints: health.healthPoints,
  threshold: health.threshold,
});
export type LastAlert = z.infer<typeof LastAlertSchema>;

/** The `UnicornHealthRestored` a unicorn's `OK` status reflects: the healthy reading after a low (absent while `LOW`). */
export const LastRecoverySchema = LastAlertSchema;
export type LastRecovery = z.infer<typeof LastRecoverySchema>;

/**
 * A unicorn's state item. `lastHealthAt`, `lastHealthRevision` and `lastHealthEventId` order
 * health observations: an observation is applied only when `(statusTime, revision, eventId)` is
 * greater than the stored one, so a late, older alert or recovery never rolls the state back, a
 * correction of the same reading wins by its later revision, and ties resolve the same way in
 * any arrival order.
 */
export const FleetStateItemSchema = z.object({
  pk: z.string(),
  sk: z.literal(FLEET_STATE_SORT_KEY),
  itemType: z.literal('FLEET_STATE'),
  unicorn: health.unicorn,
  ridesCompleted: z.int().check(z.gte(0)),
  distanceMetres: z.number().check(z.gte(0)),
  healthStatus: HealthStatusSchema,
  lastHealthAt: z.optional(health.statusTime),
  /** The observation's revision padded to 40 digits; absent on states written before revisions. */
  lastHealthRevision: z.optional(z.string().check(z.regex(/^\d{40}$/))),
  lastHealthEventId: z.optional(health.metadata.shape.eventId),
  lastAlert: z.optional(LastAlertSchema),
  lastRecovery: z.optional(LastRecoverySchema),
});
export type FleetStateItem = z.infer<typeof FleetStateItemSchema>;

/** The marker of a ride counted into its unicorn's state. */
export const RideMarkerItemSchema = z.object({
  pk: z.string(),
  sk: z.string().check(z.startsWith('RIDE#')),
  itemType: z.literal('RIDE'),
  unicorn: ride.unicorn,
  rideId: ride.rideId,
  /** The `metadata.eventId` of the event that counted the ride. */
  eventId: ride.metadata.shape.eventId,
  distanceMetres: ride.distanceMetres,
  completedAt: ride.completedAt,
});
export type RideMarkerItem = z.infer<typeof RideMarkerItemSchema>;

/** A unicorn's fleet state as callers see it: the state item without its keys. */
export interface FleetState {
  readonly unicorn: string;
  readonly ridesCompleted: number;
  readonly distanceMetres: number;
  readonly healthStatus: HealthStatus;
  /** The statusTime of the health observation `healthStatus` reflects. */
  readonly lastHealthAt?: string;
  readonly lastAlert?: LastAlert;
  readonly lastRecovery?: LastRecovery;
}

/**
 * The caller's view of a state item.
 *
 * @example
 * ```ts
 * toFleetState(FleetStateItemSchema.parse(unmarshall(Item)));
 * ```
 */
export function toFleetState(item: FleetStateItem): FleetState {
  return {
    unicorn: item.unicorn,
    ridesCompleted: item.ridesCompleted,
    distanceMetres: item.distanceMetres,
    healthStatus: item.healthStatus,
    ...(item.lastHealthAt === undefined ? {} : { lastHealthAt: item.lastHealthAt }),
    ...(item.lastAlert === undefined ? {} : { lastAlert: item.lastAlert }),
    ...(item.lastRecovery === undefined ? {} : { lastRecovery: item.lastRecovery }),
  };
}

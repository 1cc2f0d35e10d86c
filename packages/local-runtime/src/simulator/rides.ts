import type { Random } from './random.js';
import type { Unicorn } from './telemetry.js';

/** A ride the simulator requests and later completes through the producer's HTTP endpoint. */
export interface SimulatedRide {
  readonly rideId: string;
  readonly unicorn: string;
  readonly distanceMetres: number;
  readonly requested: Record<string, unknown>;
  readonly completed: Record<string, unknown>;
}

/** A ride for a random unicorn, as the two catalog events the ride app posts. */
export function nextRide(sequence: number, fleet: readonly Unicorn[], nowMs: number, random: Random, runId: string): SimulatedRide {
  const unicorn = fleet[Math.floor(random() * fleet.length)] ?? fleet[0];
  if (!unicorn) throw new Error('the fleet is empty');
  const rideId = `${runId}-ride-${sequence}`;
  const distanceMetres = Math.round(500 + random() * 9_500);
  const requestedAt = new Date(nowMs).toISOString();
  const completedAt = new Date(nowMs + 1).toISOString();
  return {
    rideId,
    unicorn: unicorn.name,
    distanceMetres,
    requested: {
      detailType: 'RideRequested',
      schemaVersion: 1,
      detail: {
        metadata: { eventId: `${rideId}-requested`, schemaVersion: 1, occurredAt: requestedAt },
        rideId,
        riderId: `rider-${Math.floor(random() * 1000)}`,
        pickup: { latitude: unicorn.latitude, longitude: unicorn.longitude },
        requestedAt,
      },
    },
    completed: {
      detailType: 'RideCompleted',
      schemaVersion: 1,
      detail: {
        metadata: { eventId: `${rideId}-completed`, schemaVersion: 1, occurredAt: completedAt },
        rideId,
        unicorn: unicorn.name,
        distanceMetres,
        completedAt,
      },
    },
  };
}

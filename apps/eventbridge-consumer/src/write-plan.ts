import type { AttributeValue, TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { RideCompletedV1 } from '@wildrydes/schemas';
import { distanceIncrement } from './distance-increment.js';
import { planHealthObservation, type HealthWritePlan } from './health-plan.js';
import type { OwnedEvent } from './parse-owned-event.js';
import { FLEET_STATE_SORT_KEY, rideMarkerSortKey, unicornPartitionKey } from './read-model.js';

/**
 * The DynamoDB transaction that applies one event to the read model, plus what is needed to
 * read DynamoDB's answer. `items[guardIndex]` carries the condition that makes the write
 * idempotent: when DynamoDB cancels the transaction because that condition failed, the event's
 * effect is already in the model (or was superseded by a newer observation).
 */
export type WritePlan =
  | {
      readonly kind: 'ride';
      readonly unicorn: string;
      readonly eventId: string;
      readonly rideId: string;
      readonly guardIndex: 0;
      readonly items: readonly TransactWriteItem[];
    }
  | HealthWritePlan;

const S = (value: string): AttributeValue => ({ S: value });
const N = (value: number): AttributeValue => ({ N: String(value) });

/**
 * Plans the write of an owned event. Pure: no I/O, same input, same plan.
 *
 * - `RideCompleted`: put the ride marker `RIDE#<rideId>` only if it does not exist, and in the
 *   same transaction add 1 ride and the distance (to the millimetre, see `distanceIncrement`) to
 *   the unicorn's state. Increments commute, so arrival order does not matter; the marker makes a
 *   replay (same ride again) change nothing. The marker keeps the distance as the event gave it.
 * - `UnicornHealthLow` / `UnicornHealthRestored`: set the state's health to `LOW` / `OK` and its
 *   last alert / recovery, only if the observation's `(statusTime, revision, eventId)` is greater
 *   than the stored one (`planHealthObservation`), so a replay or an older observation that
 *   arrives late changes nothing. No marker is needed: the condition alone is idempotent.
 *
 * @example
 * ```ts
 * const plan = planWrite(parsed.event, config.READ_MODEL_TABLE_NAME);
 * await client.send(new TransactWriteItemsCommand({ TransactItems: [...plan.items] }));
 * ```
 */
export function planWrite(event: OwnedEvent, tableName: string): WritePlan {
  return event.detailType === 'RideCompleted' ? planRide(event.detail, tableName) : planHealthObservation(event, tableName);
}

function planRide(ride: RideCompletedV1, tableName: string): WritePlan {
  const pk = unicornPartitionKey(ride.unicorn);
  const eventId = ride.metadata.eventId;
  return {
    kind: 'ride',
    unicorn: ride.unicorn,
    eventId,
    rideId: ride.rideId,
    guardIndex: 0,
    items: [
      {
        Put: {
          TableName: tableName,
          Item: {
            pk: S(pk),
            sk: S(rideMarkerSortKey(ride.rideId)),
            itemType: S('RIDE'),
            unicorn: S(ride.unicorn),
            rideId: S(ride.rideId),
            eventId: S(eventId),
            distanceMetres: N(ride.distanceMetres),
            completedAt: S(ride.completedAt),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
          // The stored marker tells a replay (same eventId) from a second event for the same ride.
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      {
        Update: {
          TableName: tableName,
          Key: { pk: S(pk), sk: S(FLEET_STATE_SORT_KEY) },
          UpdateExpression:
            'SET itemType = :itemType, unicorn = :unicorn, healthStatus = if_not_exists(healthStatus, :ok) ' +
            'ADD ridesCompleted :one, distanceMetres :distance',
          ExpressionAttributeValues: {
            ':itemType': S('FLEET_STATE'),
            ':unicorn': S(ride.unicorn),
            ':ok': S('OK'),
            ':one': N(1),
            // Rounded to the millimetre, so the counter's exact decimal sum stays storable.
            ':distance': { N: distanceIncrement(ride.distanceMetres) },
          },
        },
      },
    ],
  };
}

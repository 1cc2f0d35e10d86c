import type { AttributeValue, TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { comparableRevision, type UnicornHealthLowV1, type UnicornHealthRestoredV1 } from '@wildrydes/schemas';
import { FLEET_STATE_SORT_KEY, unicornPartitionKey } from './read-model.js';

/** An observation of a unicorn's health: low, or restored. */
export type HealthObservation =
  | { readonly detailType: 'UnicornHealthLow'; readonly detail: UnicornHealthLowV1 }
  | { readonly detailType: 'UnicornHealthRestored'; readonly detail: UnicornHealthRestoredV1 };

/** The plan of a health observation: one guarded update of the unicorn's state. */
export interface HealthWritePlan {
  readonly kind: 'health';
  readonly unicorn: string;
  readonly eventId: string;
  readonly statusTime: string;
  /** The observation's revision, padded to a fixed width (`comparableRevision`). */
  readonly revision: string;
  readonly guardIndex: 0;
  readonly items: readonly TransactWriteItem[];
}

const S = (value: string): AttributeValue => ({ S: value });
const N = (value: number): AttributeValue => ({ N: String(value) });

/**
 * The condition that makes a health observation idempotent and order-safe: it is applied only
 * when `(statusTime, revision, eventId)` is greater than the stored observation's. `statusTime`
 * is the canonical fixed-width ISO-8601 form and `revision` is padded to 40 digits, so string
 * order is time order and numeric order; a state written before revisions existed has none and
 * counts as older than any revision of the same reading.
 */
export const NEWER_HEALTH_OBSERVATION =
  'attribute_not_exists(lastHealthAt) OR lastHealthAt < :statusTime OR (lastHealthAt = :statusTime AND (' +
  'attribute_not_exists(lastHealthRevision) OR lastHealthRevision < :revision OR ' +
  '(lastHealthRevision = :revision AND lastHealthEventId < :eventId)))';

/**
 * Plans a health observation: set the unicorn's `healthStatus` (`LOW` for `UnicornHealthLow`,
 * `OK` for `UnicornHealthRestored`), the observation's order key, and `lastAlert` or
 * `lastRecovery` (removing the other), only if {@link NEWER_HEALTH_OBSERVATION}. A replay, or an older observation
 * arriving late (an alert behind a recovery, or the reverse), changes nothing; of two
 * observations of the same reading, the one caused by the later table change wins. Pure.
 *
 * @example
 * ```ts
 * planHealthObservation({ detailType: 'UnicornHealthRestored', detail }, 'UnicornFleetReadModel').items[0]?.Update?.ConditionExpression;
 * ```
 */
export function planHealthObservation(observation: HealthObservation, tableName: string): HealthWritePlan {
  const { detail } = observation;
  const eventId = detail.metadata.eventId;
  const revision = comparableRevision(detail.revision);
  const low = observation.detailType === 'UnicornHealthLow';
  const summary: AttributeValue = {
    M: { eventId: S(eventId), statusTime: S(detail.statusTime), healthPoints: N(detail.healthPoints), threshold: N(detail.threshold) },
  };
  return {
    kind: 'health',
    unicorn: detail.unicorn,
    eventId,
    statusTime: detail.statusTime,
    revision,
    guardIndex: 0,
    items: [
      {
        Update: {
          TableName: tableName,
          Key: { pk: S(unicornPartitionKey(detail.unicorn)), sk: S(FLEET_STATE_SORT_KEY) },
          UpdateExpression:
            'SET itemType = :itemType, unicorn = :unicorn, healthStatus = :status, lastHealthAt = :statusTime, ' +
            `lastHealthRevision = :revision, lastHealthEventId = :eventId, ${low ? 'lastAlert' : 'lastRecovery'} = :observation, ` +
            'ridesCompleted = if_not_exists(ridesCompleted, :zero), distanceMetres = if_not_exists(distanceMetres, :zero) ' +
            // Only the observation the status reflects is kept, so the state depends on the newest
            // observation alone, never on the order the others arrived in.
            `REMOVE ${low ? 'lastRecovery' : 'lastAlert'}`,
          ConditionExpression: NEWER_HEALTH_OBSERVATION,
          ExpressionAttributeValues: {
            ':itemType': S('FLEET_STATE'),
            ':unicorn': S(detail.unicorn),
            ':status': S(low ? 'LOW' : 'OK'),
            ':statusTime': S(detail.statusTime),
            ':revision': S(revision),
            ':eventId': S(eventId),
            ':observation': summary,
            ':zero': N(0),
          },
          // The stored observation tells a replay from an observation superseded by a newer one.
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
    ],
  };
}

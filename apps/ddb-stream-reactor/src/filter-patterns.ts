import { TELEMETRY_RANGES } from '@wildrydes/schemas';

/** Lambda's limit on one event-source-mapping filter pattern, in characters. */
export const LAMBDA_FILTER_PATTERN_MAX_CHARS = 4096;

/** A Lambda event filter pattern (the EventBridge pattern grammar, over the stream record). */
export type FilterPattern = Record<string, unknown>;

/** Matches when the image holds the table's partition key, i.e. when the image exists. */
const imagePresent = { Name: { S: [{ exists: true }] } };
const imageAbsent = { Name: { S: [{ exists: false }] } };

/**
 * The event-source-mapping filters of the reactor: Lambda invokes it only for the changes it acts
 * on (see `eventsForChange`), for a table whose stream view is NEW_AND_OLD_IMAGES:
 *
 * 1. an insert (no `OldImage`) whose `NewImage.HealthPoints` is below `healthLowThreshold`;
 * 2. a modification (both images);
 * 3. a removal (only `OldImage`).
 *
 * Every modification passes: the table's items hold exactly a reading's fields and DynamoDB
 * writes no stream record for a write that changes nothing, so each one corrects a value. (One
 * that changed only some other attribute would pass and cause nothing.)
 *
 * Two facts of Lambda filtering shape them:
 * - DynamoDB numbers reach the filter as strings (`{ "N": "12" }`) and the `numeric` operator
 *   only matches JSON numbers, so `{ "N": [{ "numeric": ["<", 20] }] }` would match no record at
 *   all. HealthPoints are integers in 0..1000 that DynamoDB writes in canonical form, so "below
 *   the threshold" is the finite list of strings "0" .. "threshold - 1".
 * - The event kind is told by which images exist, not by `eventName`: the Lambda documentation
 *   says DynamoDB event source mappings filter on the `dynamodb` key only.
 *
 * @throws RangeError when the threshold is not a whole number in 1..1000 or its list of values
 *   would exceed Lambda's {@link LAMBDA_FILTER_PATTERN_MAX_CHARS}-character pattern limit
 * @example
 * ```ts
 * trigger: { type: 'dynamodb-stream', table: 'sensorTable', filterPatterns: reactorFilterPatterns(20), ... }
 * ```
 */
export function reactorFilterPatterns(healthLowThreshold: number): FilterPattern[] {
  const max = TELEMETRY_RANGES.healthPoints.max;
  if (!Number.isInteger(healthLowThreshold) || healthLowThreshold < 1 || healthLowThreshold > max) {
    throw new RangeError(`healthLowThreshold must be a whole number between 1 and ${max} inclusive (given ${healthLowThreshold})`);
  }
  const lowHealthPoints = Array.from({ length: healthLowThreshold }, (_, healthPoints) => String(healthPoints));
  const patterns: FilterPattern[] = [
    { dynamodb: { OldImage: imageAbsent, NewImage: { HealthPoints: { N: lowHealthPoints } } } },
    { dynamodb: { OldImage: imagePresent, NewImage: imagePresent } },
    { dynamodb: { OldImage: imagePresent, NewImage: imageAbsent } },
  ];
  for (const pattern of patterns) {
    const length = JSON.stringify(pattern).length;
    if (length > LAMBDA_FILTER_PATTERN_MAX_CHARS) {
      throw new RangeError(
        `healthLowThreshold ${healthLowThreshold} needs a ${length}-character filter pattern, over Lambda's ${LAMBDA_FILTER_PATTERN_MAX_CHARS}`,
      );
    }
  }
  return patterns;
}

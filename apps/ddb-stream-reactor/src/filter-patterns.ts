/** Lambda's limit on one event-source-mapping filter pattern, in characters. */
export const LAMBDA_FILTER_PATTERN_MAX_CHARS = 4096;

/** A Lambda event filter pattern (the EventBridge pattern grammar, over the stream record). */
export type FilterPattern = Record<string, unknown>;

/** Matches when the image holds the table's partition key, i.e. when the image exists. */
const imagePresent = { Name: { S: [{ exists: true }] } };
const imageAbsent = { Name: { S: [{ exists: false }] } };

/**
 * The event-source-mapping filters of the reactor, for a table whose stream view is
 * NEW_AND_OLD_IMAGES: every change that carries the image it needs,
 *
 * 1. an insert (only `NewImage`): a low one raises `UnicornHealthLow`, and any one may bring a
 *    recovery (`UnicornHealthRestored`), which only the stored neighbours can tell: one record
 *    alone cannot, so no insert can be filtered out by its values;
 * 2. a modification (both images);
 * 3. a removal (only `OldImage`).
 *
 * What it keeps out: records without the images (another stream view type), which the reactor
 * could only skip. The event kind is told by which images exist, not by `eventName`: the Lambda
 * documentation says DynamoDB event source mappings filter on the `dynamodb` key only.
 *
 * @example
 * ```ts
 * trigger: { type: 'dynamodb-stream', table: 'sensorTable', filterPatterns: reactorFilterPatterns(), ... }
 * ```
 */
export function reactorFilterPatterns(): FilterPattern[] {
  return [
    { dynamodb: { OldImage: imageAbsent, NewImage: imagePresent } },
    { dynamodb: { OldImage: imagePresent, NewImage: imagePresent } },
    { dynamodb: { OldImage: imagePresent, NewImage: imageAbsent } },
  ];
}

import { GetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { formatIssues, safeParseInEnglish } from '@wildrydes/schemas';
import { ReadModelItemError } from './errors.js';
import { FLEET_STATE_SORT_KEY, FleetStateItemSchema, toFleetState, unicornPartitionKey, type FleetState } from './read-model.js';

/**
 * Reads one unicorn's fleet state (strongly consistent), or `undefined` when no event about it
 * has been applied yet. For tests, tools and reconciliation; the handler never reads.
 *
 * @throws {ReadModelItemError} when the stored item does not match the read-model schema
 * @example
 * ```ts
 * const state = await readFleetState(createDynamoDbClient(), 'UnicornFleetReadModel', 'Shadowfax');
 * state?.ridesCompleted; // 2
 * ```
 */
export async function readFleetState(client: DynamoDBClient, tableName: string, unicorn: string): Promise<FleetState | undefined> {
  const { Item } = await client.send(
    new GetItemCommand({
      TableName: tableName,
      Key: { pk: { S: unicornPartitionKey(unicorn) }, sk: { S: FLEET_STATE_SORT_KEY } },
      ConsistentRead: true,
    }),
  );
  if (!Item) return undefined;
  const parsed = safeParseInEnglish(FleetStateItemSchema, unmarshall(Item));
  if (!parsed.success) {
    throw new ReadModelItemError(`The state item of unicorn ${JSON.stringify(unicorn)} in ${tableName} is invalid: ${formatIssues(parsed.error.issues)}`, {
      cause: parsed.error,
    });
  }
  return toFleetState(parsed.data);
}

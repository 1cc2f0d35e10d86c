import { QueryCommand, type DynamoDBClient, type QueryCommandInput } from '@aws-sdk/client-dynamodb';
import { callWithRetry, type Deadline } from '@wildrydes/aws-clients';
import { SENSOR_TABLE_KEY } from '@wildrydes/schemas';
import type { NeighbourWindow, StoredHealth } from './health-recovery.js';

/** The readings of one unicorn the reactor needs around the ones a batch changed. */
export interface NeighbourWindowRequest {
  readonly unicorn: string;
  /** The earliest and latest `StatusTime` the batch changed for this unicorn. */
  readonly from: string;
  readonly to: string;
}

export type NeighbourWindowResult =
  | { readonly ok: true; readonly window: NeighbourWindow }
  | { readonly ok: false; readonly reason: string };

/** Items per Query page while walking from `from` to one past `to`. */
const PAGE_ITEMS = 100;

/**
 * Reads one unicorn's readings from the reading just before `from` through the reading just
 * after `to`, with strongly consistent Queries (DynamoDB developer guide, "Read consistency"),
 * so the reactor judges a change against the table as it is now: one Query for the reading
 * before `from` (descending, `Limit: 1`), and one walking up from `from`, page by page, until it
 * has passed `to`. Only `StatusTime` and `HealthPoints` are read. Throttling and transient errors
 * are retried within the deadline; what still fails is returned, never thrown, for the caller to
 * hand the records back to Lambda.
 *
 * @example
 * ```ts
 * const result = await readNeighbourWindow(dynamodb, { tableName, deadline }, { unicorn: 'Shadowfax', from: t1, to: t2 });
 * if (result.ok) healthRestoredFor(change, result.window, settings);
 * ```
 */
export async function readNeighbourWindow(
  client: DynamoDBClient,
  options: { readonly tableName: string; readonly deadline: Deadline },
  request: NeighbourWindowRequest,
): Promise<NeighbourWindowResult> {
  const base = {
    TableName: options.tableName,
    ConsistentRead: true,
    ProjectionExpression: '#t, #h',
    ExpressionAttributeNames: { '#n': SENSOR_TABLE_KEY.partitionKey, '#t': SENSOR_TABLE_KEY.sortKey, '#h': 'HealthPoints' },
  } satisfies Partial<QueryCommandInput>;
  const query = (input: QueryCommandInput) =>
    callWithRetry((abortSignal) => client.send(new QueryCommand(input), { abortSignal }), { deadline: options.deadline });

  const before = await query({
    ...base,
    KeyConditionExpression: '#n = :unicorn AND #t < :from',
    ExpressionAttributeValues: { ':unicorn': { S: request.unicorn }, ':from': { S: request.from } },
    ScanIndexForward: false,
    Limit: 1,
  });
  if (!before.ok) return { ok: false, reason: `Query before ${request.from}: ${before.reason}` };
  const window: StoredHealth[] = [...healthOf(before.value.Items)];

  let startKey: QueryCommandInput['ExclusiveStartKey'];
  do {
    const page = await query({
      ...base,
      KeyConditionExpression: '#n = :unicorn AND #t >= :from',
      ExpressionAttributeValues: { ':unicorn': { S: request.unicorn }, ':from': { S: request.from } },
      Limit: PAGE_ITEMS,
      ...(startKey ? { ExclusiveStartKey: startKey } : {}),
    });
    if (!page.ok) return { ok: false, reason: `Query from ${request.from}: ${page.reason}` };
    window.push(...healthOf(page.value.Items));
    startKey = page.value.LastEvaluatedKey;
  } while (startKey && (window.at(-1)?.statusTime ?? '') <= request.to); // ascending: the last read is the latest
  return { ok: true, window };
}

/** Items with a StatusTime and a numeric HealthPoints; anything else is not a clean reading and is left out. */
function healthOf(items: ReadonlyArray<Record<string, { S?: string; N?: string }>> | undefined): StoredHealth[] {
  return (items ?? []).flatMap((item) => {
    const statusTime = item[SENSOR_TABLE_KEY.sortKey]?.S;
    const healthPoints = Number(item['HealthPoints']?.N ?? Number.NaN);
    return statusTime !== undefined && Number.isFinite(healthPoints) ? [{ statusTime, healthPoints }] : [];
  });
}

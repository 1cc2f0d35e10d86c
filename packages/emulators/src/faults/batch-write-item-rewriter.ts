import { isJsonObject, objectArray, type BatchRewriter, type JsonObject } from './batch-rewriter';

/**
 * DynamoDB BatchWriteItem as a partial failure (Amazon DynamoDB API Reference, "BatchWriteItem":
 * `UnprocessedItems` is a map of table name to the write requests not processed, "in the same
 * form as RequestItems"). The withheld requests are removed before forwarding and added to the
 * answer's `UnprocessedItems`. Never every request: when none can be processed, DynamoDB answers
 * `ProvisionedThroughputExceededException` instead, so `canFailAll` is false.
 *
 * Entries are numbered table by table, in the request's table order.
 *
 * @example
 * ```ts
 * const split = batchWriteItemRewriter.withhold(request, new Map([[2, batchWriteItemRewriter.entryErrors[0]]]));
 * const answer = split.respond(await forward(split.forward)); // answer.UnprocessedItems holds entry 2
 * ```
 */
export const batchWriteItemRewriter: BatchRewriter = {
  canFailAll: false,
  entryErrors: [{ code: 'ProvisionedThroughputExceededException', message: 'Unprocessed (injected).' }],
  entryCount: (request) => tableRequests(request).reduce((total, [, writes]) => total + writes.length, 0),
  withhold(request, failures) {
    const kept: Record<string, JsonObject[]> = {};
    const withheld: Record<string, JsonObject[]> = {};
    let index = 0;
    for (const [table, writes] of tableRequests(request)) {
      for (const write of writes) {
        const into = failures.has(index) ? withheld : kept;
        (into[table] ??= []).push(write);
        index += 1;
      }
    }
    return {
      forward: Object.keys(kept).length === 0 ? undefined : { ...request, RequestItems: kept },
      respond(forwarded) {
        const unprocessed: Record<string, JsonObject[]> = {};
        const previous = isJsonObject(forwarded?.['UnprocessedItems']) ? forwarded['UnprocessedItems'] : {};
        for (const [table, writes] of Object.entries(previous)) unprocessed[table] = [...(objectArray(writes) ?? [])];
        for (const [table, writes] of Object.entries(withheld)) (unprocessed[table] ??= []).push(...writes);
        return { ...(forwarded ?? {}), UnprocessedItems: unprocessed };
      },
    };
  },
};

function tableRequests(request: unknown): Array<[string, JsonObject[]]> {
  if (!isJsonObject(request) || !isJsonObject(request['RequestItems'])) return [];
  return Object.entries(request['RequestItems']).map(([table, writes]) => [table, objectArray(writes) ?? []]);
}

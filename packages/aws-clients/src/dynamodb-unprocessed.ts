import type { WriteRequest } from '@aws-sdk/client-dynamodb';
import type { PlannedPut } from './dynamodb-batch-plan.js';
import { itemKeyOf } from './dynamodb-item-key.js';

/**
 * Splits the puts of a BatchWriteItem call into those written and those DynamoDB handed back
 * in `UnprocessedItems`, matched by key. When any unprocessed request cannot be matched to a
 * sent put, all sent puts count as unprocessed: puts are idempotent, so resending one that was
 * written is harmless, while counting an unwritten one as written would lose it.
 *
 * @example
 * ```ts
 * const { written, unprocessed } = splitUnprocessed(sent, response.UnprocessedItems?.[tableName], ['Name', 'StatusTime']);
 * ```
 */
export function splitUnprocessed(
  sent: readonly PlannedPut[],
  unprocessedRequests: readonly WriteRequest[] | undefined,
  keyAttributes: readonly string[],
): { written: PlannedPut[]; unprocessed: PlannedPut[] } {
  if (unprocessedRequests === undefined || unprocessedRequests.length === 0) {
    return { written: [...sent], unprocessed: [] };
  }
  const sentByKey = new Map(sent.map((put) => [put.key, put]));
  const unprocessedKeys = new Set<string>();
  for (const request of unprocessedRequests) {
    const item = request.PutRequest?.Item;
    const key = item === undefined ? undefined : itemKeyOf(item, keyAttributes);
    if (key === undefined || !sentByKey.has(key)) return { written: [], unprocessed: [...sent] };
    unprocessedKeys.add(key);
  }
  return {
    written: sent.filter((put) => !unprocessedKeys.has(put.key)),
    unprocessed: sent.filter((put) => unprocessedKeys.has(put.key)),
  };
}

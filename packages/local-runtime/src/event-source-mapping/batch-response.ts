/** How Lambda reads a stream function's answer. */
export type BatchVerdict =
  | { readonly kind: 'success' }
  /** Records before `firstFailedIndex` succeeded; Lambda checkpoints there and retries the rest. */
  | { readonly kind: 'partial'; readonly firstFailedIndex: number }
  | { readonly kind: 'failure'; readonly reason: string };

/**
 * Interprets a stream handler's return value exactly as Lambda does with
 * `ReportBatchItemFailures`:
 * - complete success: a null or empty response, or a null or empty `batchItemFailures`;
 * - complete failure: an item whose `itemIdentifier` is null, empty, missing or not a record of
 *   the batch (Lambda cannot checkpoint on it);
 * - otherwise a partial success checkpointed at the failed record that comes first in the batch.
 *
 * Without `ReportBatchItemFailures` Lambda ignores the response: any return is a success.
 *
 * @example
 * ```ts
 * readBatchResponse({ batchItemFailures: [{ itemIdentifier: '3' }] }, ['1', '2', '3', '4'], true);
 * // { kind: 'partial', firstFailedIndex: 2 }
 * ```
 */
export function readBatchResponse(response: unknown, batchIds: readonly string[], reportBatchItemFailures: boolean): BatchVerdict {
  if (!reportBatchItemFailures || response === null || response === undefined) return { kind: 'success' };
  if (typeof response !== 'object') return { kind: 'success' };
  const failures = (response as { batchItemFailures?: unknown }).batchItemFailures;
  if (failures === null || failures === undefined) return { kind: 'success' };
  if (!Array.isArray(failures)) return { kind: 'failure', reason: 'batchItemFailures is not a list' };
  if (failures.length === 0) return { kind: 'success' };

  let firstFailedIndex = Number.POSITIVE_INFINITY;
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || id === '') {
      return { kind: 'failure', reason: 'a batchItemFailures entry has no itemIdentifier' };
    }
    const index = batchIds.indexOf(id);
    if (index === -1) return { kind: 'failure', reason: `itemIdentifier ${id} is not a record of the batch` };
    firstFailedIndex = Math.min(firstFailedIndex, index);
  }
  return { kind: 'partial', firstFailedIndex };
}

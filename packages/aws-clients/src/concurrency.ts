import { requireIntegerAtLeast } from './validate-options.js';

/**
 * Maps `items` through the async `fn` with at most `limit` calls in flight, keeping the
 * results in input order. `fn` is expected to report failures in its result, not to throw;
 * if it throws anyway, the returned promise rejects.
 *
 * @example
 * ```ts
 * const results = await mapWithConcurrency(records, 8, (record) => store(record));
 * ```
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  requireIntegerAtLeast('concurrency', limit, 1);
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

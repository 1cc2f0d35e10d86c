/**
 * Splits sized items into consecutive groups of at most `maxItems` items and at most `maxBytes`
 * bytes in total, keeping their order: the request plan of every batch API (BatchWriteItem,
 * PutRecords, PutEvents). An item larger than `maxBytes` on its own still gets a group of its
 * own; callers reject such items before chunking.
 *
 * @example
 * ```ts
 * chunkBySize([{ sizeBytes: 3 }, { sizeBytes: 3 }, { sizeBytes: 3 }], { maxItems: 10, maxBytes: 6 });
 * // [[{ sizeBytes: 3 }, { sizeBytes: 3 }], [{ sizeBytes: 3 }]]
 * ```
 */
export function chunkBySize<T extends { sizeBytes: number }>(
  items: readonly T[],
  limits: { maxItems: number; maxBytes: number },
): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let currentBytes = 0;
  for (const item of items) {
    if (current.length > 0 && (current.length >= limits.maxItems || currentBytes + item.sizeBytes > limits.maxBytes)) {
      chunks.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(item);
    currentBytes += item.sizeBytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

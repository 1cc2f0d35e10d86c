import type { QuarantineKeyParts } from './quarantine-key.js';

/** Where a record sat in its source stream. */
export type StreamPosition = Pick<QuarantineKeyParts, 'streamName' | 'shardId' | 'sequenceNumber'>;

/**
 * Orders records by where they sat in their source stream: stream, then shard, then sequence
 * number compared as a BigInt (sequence numbers are decimal strings of varying length, so
 * `'10'` must come after `'9'`). Records of one partition key share a shard, so this is their
 * original order. After a reshard a key moves from a parent shard to a child, and child shard
 * ids are higher (`shardId-000000000002` after `shardId-000000000000`), so the parent's records
 * still come first.
 *
 * @example
 * ```ts
 * positions.sort(compareStreamPositions);
 * ```
 */
export function compareStreamPositions(a: StreamPosition, b: StreamPosition): number {
  return (
    compareStrings(a.streamName, b.streamName) ||
    compareStrings(a.shardId, b.shardId) ||
    compareBigInts(BigInt(a.sequenceNumber), BigInt(b.sequenceNumber))
  );
}

/**
 * The keys sorted into re-drive order ({@link compareStreamPositions}); equal positions (which
 * a consistent quarantine never has) keep a stable order by key.
 *
 * @example
 * ```ts
 * sortForRedrive([parts('s/.../10.json'), parts('s/.../9.json')]); // 9 first, then 10
 * ```
 */
export function sortForRedrive<T extends StreamPosition & { key: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareStreamPositions(a, b) || compareStrings(a.key, b.key));
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareBigInts(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

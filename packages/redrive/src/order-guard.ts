/** Where a record sat, as far as holding back later records is concerned. */
export interface GuardedPosition {
  readonly streamName: string;
  readonly shardId: string;
}

/**
 * Remembers which records failed, so that no later record overtakes them: records are re-driven
 * in windows, one after the other, and a record that failed in one window must hold back the
 * later records of its partition key in every later window too (the batch writer only orders
 * the records of one call).
 *
 * - A record whose re-drive failed (it stays quarantined for the next run) blocks its stream's
 *   partition key.
 * - A record that could not even be read blocks its whole shard: its partition key is unknown,
 *   and every record of that key is on that shard.
 *
 * Records that can never be re-driven (skipped) block nothing, like the batch writer's
 * non-retryable failures. Pure bookkeeping, no I/O.
 *
 * @example
 * ```ts
 * const guard = new OrderGuard();
 * guard.blockPartitionKey('unicorn-telemetry', 'Shadowfax', 'fn/unicorn-telemetry/.../9.json');
 * guard.blockerOf({ streamName: 'unicorn-telemetry', shardId: 'shardId-000000000000' }, 'Shadowfax');
 * // 'fn/unicorn-telemetry/.../9.json'
 * ```
 */
export class OrderGuard {
  readonly #shards = new Map<string, string>();
  readonly #partitionKeys = new Map<string, string>();

  /** Holds back every later record of the shard, behind the record at `blockerKey`. */
  public blockShard(position: GuardedPosition, blockerKey: string): void {
    const id = JSON.stringify([position.streamName, position.shardId]);
    if (!this.#shards.has(id)) this.#shards.set(id, blockerKey);
  }

  /** Holds back every later record of the stream's partition key, behind the record at `blockerKey`. */
  public blockPartitionKey(streamName: string, partitionKey: string, blockerKey: string): void {
    const id = JSON.stringify([streamName, partitionKey]);
    if (!this.#partitionKeys.has(id)) this.#partitionKeys.set(id, blockerKey);
  }

  /** The key of the failed record that holds this one back, if any. */
  public blockerOf(position: GuardedPosition, partitionKey: string): string | undefined {
    return (
      this.#shards.get(JSON.stringify([position.streamName, position.shardId])) ??
      this.#partitionKeys.get(JSON.stringify([position.streamName, partitionKey]))
    );
  }
}

/**
 * What order records are written in.
 *
 * - `per-partition-key`: a record is written only after every earlier record with the same
 *   partition key (see {@link PartitionKeySequencer}).
 * - `none`: every pending record is sent at once; retries may reorder records of one key.
 */
export type RecordOrdering = 'per-partition-key' | 'none';

/**
 * Decides which records may be sent now so that, per partition key, records are written in
 * input order even though PutRecords retries only failed entries and does not order the
 * entries of one request.
 *
 * In `per-partition-key` mode, {@link sendable} offers, for every partition key, only the
 * earliest record that is not settled yet, so one key never has two records in flight:
 *
 * - {@link markWritten}: written; the key's next record becomes sendable.
 * - {@link markDropped}: settled for good without being written, and without holding the key:
 *   a record that can never be written (it goes to the quarantine), or one the writer never
 *   attempted before its deadline.
 * - {@link markFailed}: attempted, not written, and given up on (a retryable failure for Lambda
 *   to hand back). Every later record of its key is then held back: {@link blocked} lists them.
 *
 * A record still unsettled (it failed transiently and will be retried) stays its key's head, so
 * nothing behind it is sent. In `none` mode every unsettled record is sendable and nothing is
 * held back. The sequencer does no I/O; the writer reports outcomes to it. `batchWriteItems`
 * sequences the puts of one table key the same way, with the item's key as `partitionKey`.
 *
 * @example
 * ```ts
 * const sequencer = new PartitionKeySequencer([
 *   { index: 0, partitionKey: 'Shadowfax' },
 *   { index: 1, partitionKey: 'Shadowfax' },
 *   { index: 2, partitionKey: 'Rocinante' },
 * ]);
 * sequencer.sendable(); // [0, 2]
 * sequencer.markWritten(0);
 * sequencer.sendable(); // [1, 2]
 * sequencer.markFailed(1);
 * sequencer.blocked(); // [] (nothing is behind record 1)
 * ```
 */
export class PartitionKeySequencer {
  readonly #ordering: RecordOrdering;
  /** Indexes of each key's records, in input order. */
  readonly #queues = new Map<string, number[]>();
  /** Per key, the position in its queue of the first record not settled. */
  readonly #heads = new Map<string, number>();
  /** Per key, its failed record that holds back the rest (`per-partition-key` mode only). */
  readonly #blockers = new Map<string, number>();
  readonly #settled = new Set<number>();
  readonly #keyOf = new Map<number, string>();

  public constructor(records: ReadonlyArray<{ index: number; partitionKey: string }>, ordering: RecordOrdering = 'per-partition-key') {
    this.#ordering = ordering;
    for (const { index, partitionKey } of [...records].sort((a, b) => a.index - b.index)) {
      const queue = this.#queues.get(partitionKey);
      if (queue) queue.push(index);
      else this.#queues.set(partitionKey, [index]);
      this.#keyOf.set(index, partitionKey);
    }
  }

  /** The records that may be sent now, in input order. */
  public sendable(): number[] {
    const indexes: number[] = [];
    for (const [key, queue] of this.#queues) {
      if (this.#blockers.has(key)) continue;
      const head = this.#advance(key, queue);
      // The head is unsettled; in `none` mode records behind it may already be settled.
      const last = this.#ordering === 'per-partition-key' ? Math.min(head + 1, queue.length) : queue.length;
      for (let position = head; position < last; position++) {
        const index = queue[position] as number;
        if (!this.#settled.has(index)) indexes.push(index);
      }
    }
    return indexes.sort((a, b) => a - b);
  }

  public markWritten(index: number): void {
    this.#settle(index);
  }

  public markDropped(index: number): void {
    this.#settle(index);
  }

  public markFailed(index: number): void {
    const key = this.#settle(index);
    if (this.#ordering === 'per-partition-key' && !this.#blockers.has(key)) this.#blockers.set(key, index);
  }

  /**
   * The unsettled records held back behind a failed earlier record of their key, each with that
   * record's index, in input order. Always empty in `none` mode.
   */
  public blocked(): Array<{ index: number; blockerIndex: number }> {
    const result: Array<{ index: number; blockerIndex: number }> = [];
    for (const [key, blockerIndex] of this.#blockers) {
      for (const index of this.#queues.get(key) ?? []) {
        if (index > blockerIndex && !this.#settled.has(index)) result.push({ index, blockerIndex });
      }
    }
    return result.sort((a, b) => a.index - b.index);
  }

  #settle(index: number): string {
    const key = this.#keyOf.get(index);
    if (key === undefined) throw new RangeError(`No record with index ${index} is being sequenced`);
    this.#settled.add(index);
    return key;
  }

  /** Moves the key's head past its settled records and returns it. */
  #advance(key: string, queue: readonly number[]): number {
    let head = this.#heads.get(key) ?? 0;
    while (head < queue.length && this.#settled.has(queue[head] as number)) head++;
    this.#heads.set(key, head);
    return head;
  }
}

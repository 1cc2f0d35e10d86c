import type { FaultCounts, FaultKind } from './types';

/**
 * Counts the requests each fault kind affected, plus the batch entries partial failures withheld.
 *
 * @example
 * ```ts
 * const counters = new FaultCounters();
 * counters.record('partialBatch', 3);
 * counters.snapshot(); // { partialBatch: 1, partialEntries: 3, throttle: 0, … }
 * ```
 */
export class FaultCounters {
  readonly #counts: FaultCounts = { throttle: 0, serverError: 0, dropBefore: 0, dropAfter: 0, partialBatch: 0, partialEntries: 0, outage: 0 };

  /** Counts one affected request; `withheldEntries` only for `partialBatch`. */
  record(kind: FaultKind | 'outage', withheldEntries = 0): void {
    this.#counts[kind] += 1;
    if (kind === 'partialBatch') this.#counts.partialEntries += withheldEntries;
  }

  /** A copy of the counts so far. */
  snapshot(): FaultCounts {
    return { ...this.#counts };
  }
}

/** Why one input was not written, and whether Lambda should hand it back for another try. */
export interface WriteFailure<TRef> {
  ref: TRef;
  /**
   * `false` only when the input itself can never be written (too large, rejected by
   * validation): quarantine it. `true` for everything else: report it in `batchItemFailures`.
   */
  retryable: boolean;
  /** `Code: detail`, for logs and the quarantine. */
  reason: string;
  cause?: unknown;
}

/** Where every input of a batch write ended: each ref is in exactly one of the three lists. */
export interface BatchWriteResult<TRef> {
  /** Written by this call. */
  written: TRef[];
  /** Not sent because a later input with the same key was written instead. */
  superseded: TRef[];
  failed: Array<WriteFailure<TRef>>;
  /** Service calls made. */
  attempts: number;
}

type Outcome = { kind: 'written' } | { kind: 'failed'; retryable: boolean; reason: string; cause?: unknown };

const UNACCOUNTED: Outcome = { kind: 'failed', retryable: true, reason: 'Unaccounted: no outcome was recorded' };

/**
 * Records the outcome of each input of a batch write by its position, and builds the
 * {@link BatchWriteResult}, in input order, once every input has one. Superseded inputs take
 * their winner's outcome.
 *
 * @example
 * ```ts
 * const ledger = new BatchWriteLedger(refs);
 * ledger.markWritten(1);
 * ledger.markSuperseded(0, 1);
 * ledger.toResult(1); // { written: [refs[1]], superseded: [refs[0]], failed: [], attempts: 1 }
 * ```
 */
export class BatchWriteLedger<TRef> {
  readonly #refs: readonly TRef[];
  readonly #outcomes = new Map<number, Outcome>();
  readonly #winnerOf = new Map<number, number>();

  public constructor(refs: readonly TRef[]) {
    this.#refs = refs;
  }

  public markWritten(index: number): void {
    this.#outcomes.set(index, { kind: 'written' });
  }

  public markFailed(index: number, failure: { retryable: boolean; reason: string; cause?: unknown }): void {
    this.#outcomes.set(index, { kind: 'failed', ...failure });
  }

  public markSuperseded(index: number, winnerIndex: number): void {
    this.#winnerOf.set(index, winnerIndex);
  }

  /**
   * The result, in input order. An input without an outcome (which would be a bug in the
   * writer) is reported as a retryable failure rather than lost.
   */
  public toResult(attempts: number): BatchWriteResult<TRef> {
    const result: BatchWriteResult<TRef> = { written: [], superseded: [], failed: [], attempts };
    this.#refs.forEach((ref, index) => {
      const winnerIndex = this.#winnerOf.get(index);
      const outcome = this.#outcomes.get(winnerIndex ?? index) ?? UNACCOUNTED;
      if (outcome.kind === 'failed') {
        const { retryable, reason, cause } = outcome;
        result.failed.push(cause === undefined ? { ref, retryable, reason } : { ref, retryable, reason, cause });
      } else if (winnerIndex === undefined) {
        result.written.push(ref);
      } else {
        result.superseded.push(ref);
      }
    });
    return result;
  }
}

import type { FailureDetail, WriteFailureCode } from './write-failure-code.js';

/** Why one input was not written, and whether Lambda should hand it back for another try. */
export interface WriteFailure<TRef> {
  ref: TRef;
  /**
   * `false` only when the input itself can never be written (too large, rejected by
   * validation): quarantine it. `true` for everything else: report it in `batchItemFailures`.
   */
  retryable: boolean;
  /** Why, for decisions: see {@link WriteFailureCode}. `retryable` is `false` exactly for `TooLarge` and `Invalid`. */
  code: WriteFailureCode;
  /** `Code: detail`, for logs and the quarantine; its prefix is for people, decide on `code`. */
  reason: string;
  cause?: unknown;
}

/** Where every input of a batch write ended: each ref is in exactly one of the three lists. */
export interface BatchWriteResult<TRef> {
  /** Written by this call. */
  written: TRef[];
  /** Not sent because the next input of its key carries the same item, and that one was written. */
  superseded: TRef[];
  failed: Array<WriteFailure<TRef>>;
  /** Service calls made. */
  attempts: number;
}

type FailedOutcome = { kind: 'failed' } & FailureDetail;
type Outcome = { kind: 'written' } | FailedOutcome;

const UNACCOUNTED: FailedOutcome = { kind: 'failed', retryable: true, code: 'Unaccounted', reason: 'Unaccounted: no outcome was recorded' };

/**
 * Records the outcome of each input of a batch write by its position, and builds the
 * {@link BatchWriteResult}, in input order, once every input has one. A superseded input (the
 * next input of its key carries the same item) takes its winner's outcome, failures included.
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

  public markFailed(index: number, failure: FailureDetail): void {
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
        result.failed.push(failureOf(ref, outcome));
      } else if (winnerIndex === undefined) {
        result.written.push(ref);
      } else {
        result.superseded.push(ref);
      }
    });
    return result;
  }
}

/** Where every entry of a batch call ended: each ref is in exactly one list, in input order. */
export interface EntryLedgerResult<TRef, TSuccess extends object> {
  succeeded: Array<{ ref: TRef } & TSuccess>;
  failed: Array<WriteFailure<TRef>>;
}

/**
 * Records, by input position, either what the service said about an entry it accepted (a
 * Kinesis sequence number and shard, an EventBridge event ID) or why the entry failed, and
 * builds the result in input order. The per-entry sibling of {@link BatchWriteLedger}, for APIs
 * whose successes carry details and that have no superseded inputs.
 *
 * @example
 * ```ts
 * const ledger = new EntryLedger<string, { eventId: string }>(['a', 'b']);
 * ledger.succeed(1, { eventId: 'e-1' });
 * ledger.fail(0, { retryable: false, code: 'Invalid', reason: 'MalformedDetail: Detail is malformed.' });
 * ledger.toResult(); // { succeeded: [{ ref: 'b', eventId: 'e-1' }], failed: [{ ref: 'a', retryable: false, code: 'Invalid', reason: ... }] }
 * ```
 */
export class EntryLedger<TRef, TSuccess extends object> {
  readonly #refs: readonly TRef[];
  readonly #outcomes = new Map<number, { kind: 'succeeded'; detail: TSuccess } | FailedOutcome>();

  public constructor(refs: readonly TRef[]) {
    this.#refs = refs;
  }

  public succeed(index: number, detail: TSuccess): void {
    this.#outcomes.set(index, { kind: 'succeeded', detail });
  }

  public fail(index: number, failure: FailureDetail): void {
    this.#outcomes.set(index, { kind: 'failed', ...failure });
  }

  /** The reason an entry failed with, if it did. */
  public failureReasonOf(index: number): string | undefined {
    const outcome = this.#outcomes.get(index);
    return outcome?.kind === 'failed' ? outcome.reason : undefined;
  }

  /**
   * The result, in input order. An entry without an outcome (which would be a bug in the writer)
   * is reported as a retryable failure rather than lost.
   */
  public toResult(): EntryLedgerResult<TRef, TSuccess> {
    const result: EntryLedgerResult<TRef, TSuccess> = { succeeded: [], failed: [] };
    this.#refs.forEach((ref, index) => {
      const outcome = this.#outcomes.get(index) ?? UNACCOUNTED;
      if (outcome.kind === 'failed') result.failed.push(failureOf(ref, outcome));
      else result.succeeded.push({ ref, ...outcome.detail });
    });
    return result;
  }
}

function failureOf<TRef>(ref: TRef, outcome: FailedOutcome): WriteFailure<TRef> {
  const { retryable, code, reason, cause } = outcome;
  return cause === undefined ? { ref, retryable, code, reason } : { ref, retryable, code, reason, cause };
}

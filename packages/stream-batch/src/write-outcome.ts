import type { WriteFailureCode } from '@wildrydes/aws-clients';
import type { RecordSlot } from './record-slot.js';

/** How a sink writer reports one input it did not write (the aws-clients batch writers' `WriteFailure`). */
export interface SinkFailure<TRef> {
  readonly ref: TRef;
  /** `false` only when the input itself can never be written: it is quarantined. */
  readonly retryable: boolean;
  /** Why, for decisions: `TooLarge` is quarantined as `TOO_LARGE` (see `WriteFailureCode`). */
  readonly code: WriteFailureCode;
  /** `Code: detail`, for the log and the quarantine detail; never parsed. */
  readonly reason: string;
}

/** Where every input of a sink write ended: each ref in `succeeded` or in `failed`. */
export interface WriteOutcome<TRef> {
  readonly succeeded: Iterable<TRef>;
  readonly failed: Iterable<SinkFailure<TRef>>;
}

/** How to name a sink's outcome in fates and quarantine details. */
export interface SinkRules<TDone extends string> {
  /** The fate of a record the sink took: `'stored'`, `'published'`. */
  readonly done: TDone;
  /** The sink as a quarantine detail names it: `'DynamoDB'`, `'Kinesis'`. */
  readonly sink: string;
  /** What the sink calls one write: `'item'`, `'record'`. */
  readonly unit: string;
}

/**
 * Applies a sink write's outcome to the slots: written ones end `done`, retryable failures stay
 * `retry` with their reason, and non-retryable ones get a poison (`TOO_LARGE` when their code is
 * `TooLarge`, `REJECTED_BY_SINK` otherwise) and are returned, still `retry`, for the quarantine.
 *
 * @example
 * ```ts
 * const rejected = applyWriteOutcome(
 *   { succeeded: result.written, failed: result.failed },
 *   { done: 'published', sink: 'Kinesis', unit: 'record' },
 * );
 * // rejected[0].poison: { reason: 'TOO_LARGE', detail: 'Kinesis rejected the record: RecordTooLarge: ...' }
 * await quarantineSlots(rejected, store, by);
 * ```
 */
export function applyWriteOutcome<TDone extends string>(
  outcome: WriteOutcome<RecordSlot<TDone>>,
  rules: SinkRules<TDone>,
): Array<RecordSlot<TDone>> {
  for (const slot of outcome.succeeded) slot.fate = rules.done;
  const rejected: Array<RecordSlot<TDone>> = [];
  for (const { ref: slot, retryable, code, reason } of outcome.failed) {
    if (retryable) {
      slot.retryReason = reason;
      continue;
    }
    slot.poison = {
      reason: code === 'TooLarge' ? 'TOO_LARGE' : 'REJECTED_BY_SINK',
      detail: `${rules.sink} rejected the ${rules.unit}: ${reason}`,
    };
    rejected.push(slot);
  }
  return rejected;
}

import type { RecordSlot } from './record-slot.js';

/** How a sink writer reports one input it did not write (the aws-clients batch writers' `WriteFailure`). */
export interface SinkFailure<TRef> {
  readonly ref: TRef;
  /** `false` only when the input itself can never be written: it is quarantined. */
  readonly retryable: boolean;
  /** `Code: detail`, for the log and the quarantine detail. */
  readonly reason: string;
}

/** Where every input of a sink write ended: each ref in `succeeded` or in `failed`. */
export interface WriteOutcome<TRef> {
  readonly succeeded: Iterable<TRef>;
  readonly failed: Iterable<SinkFailure<TRef>>;
}

/** How to read a sink's outcome into fates and quarantine reasons. */
export interface SinkRules<TDone extends string> {
  /** The fate of a record the sink took: `'stored'`, `'published'`. */
  readonly done: TDone;
  /** The sink as a quarantine detail names it: `'DynamoDB'`, `'Kinesis'`. */
  readonly sink: string;
  /** What the sink calls one write: `'item'`, `'record'`. */
  readonly unit: string;
  /** Matches the reasons that mean "larger than the sink's limit" (quarantined as `TOO_LARGE`). */
  readonly tooLarge: RegExp;
}

/**
 * Applies a sink write's outcome to the slots: written ones end `done`, retryable failures stay
 * `retry` with their reason, and non-retryable ones get a poison (`TOO_LARGE` when the reason
 * matches `tooLarge`, `REJECTED_BY_SINK` otherwise) and are returned, still `retry`, for the
 * quarantine.
 *
 * @example
 * ```ts
 * const rejected = applyWriteOutcome(
 *   { succeeded: result.written, failed: result.failed },
 *   { done: 'published', sink: 'Kinesis', unit: 'record', tooLarge: /^RecordTooLarge\b/ },
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
  for (const { ref: slot, retryable, reason } of outcome.failed) {
    if (retryable) {
      slot.retryReason = reason;
      continue;
    }
    slot.poison = {
      reason: rules.tooLarge.test(reason) ? 'TOO_LARGE' : 'REJECTED_BY_SINK',
      detail: `${rules.sink} rejected the ${rules.unit}: ${reason}`,
    };
    rejected.push(slot);
  }
  return rejected;
}

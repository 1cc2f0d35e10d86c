import type { KinesisStreamBatchResponse } from 'aws-lambda';
import type { Poison, RecordSlot, SlotFate } from './record-slot.js';

/** What an invocation did, for the Lambda response and the log. */
export interface SlotReport<TDone extends string> {
  /**
   * Every `retry` slot's sequence number, in delivery order. Lambda checkpoints at the lowest
   * one and redelivers everything after it, in order, so a later record of a key can never
   * overtake a failed one; records after it that did succeed are processed again (duplicates,
   * harmless when the sink write is idempotent).
   */
  readonly response: KinesisStreamBatchResponse;
  /** Records per fate, plus `received`. */
  readonly summary: Readonly<Record<SlotFate<TDone> | 'received', number>>;
  /** Why each quarantined record was rejected, for the log. */
  readonly quarantined: ReadonlyArray<{ sequenceNumber: string } & Poison>;
  /** Why each record handed back for retry failed, for the log. */
  readonly failures: ReadonlyArray<{ sequenceNumber: string; reason: string }>;
}

/**
 * Reads the slots' fates into the Lambda response, the counts and the log details.
 *
 * @example
 * ```ts
 * const report = reportSlots(slots, 'published');
 * report.response; // { batchItemFailures: [{ itemIdentifier: '4961...' }] }
 * report.summary; // { received: 500, published: 498, quarantined: 1, retry: 1 }
 * ```
 */
export function reportSlots<TDone extends string>(slots: ReadonlyArray<RecordSlot<TDone>>, done: TDone): SlotReport<TDone> {
  const sequenceOf = (slot: RecordSlot<TDone>) => slot.record.kinesis.sequenceNumber;
  const retry = slots.filter((slot) => slot.fate === 'retry');
  const count = (fate: SlotFate<TDone>) => slots.filter((slot) => slot.fate === fate).length;
  const summary = { received: slots.length, [done]: count(done), quarantined: count('quarantined'), retry: retry.length };
  return {
    response: { batchItemFailures: retry.map((slot) => ({ itemIdentifier: sequenceOf(slot) })) },
    summary: summary as SlotReport<TDone>['summary'],
    quarantined: slots.flatMap((slot) =>
      slot.fate === 'quarantined' && slot.poison ? [{ sequenceNumber: sequenceOf(slot), ...slot.poison }] : [],
    ),
    failures: retry.map((slot) => ({ sequenceNumber: sequenceOf(slot), reason: slot.retryReason ?? 'unknown' })),
  };
}

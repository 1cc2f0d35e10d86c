import type { KinesisStreamRecord } from 'aws-lambda';
import type { QuarantineReason } from '@wildrydes/schemas';

/** Why a record can never succeed. (A type, not an interface, so that it can be logged as attributes.) */
export type Poison = {
  readonly reason: QuarantineReason;
  readonly detail: string;
};

/** Where a record ends: `TDone` (the sink took it), `quarantined`, or `retry` (handed back to Lambda). */
export type SlotFate<TDone extends string> = TDone | 'quarantined' | 'retry';

/**
 * One source record of a batch and what became of it in this invocation. It starts as `retry`,
 * so a record nothing else happened to is handed back to Lambda rather than lost; `TDone` names
 * success (`'stored'`, `'published'`).
 */
export interface RecordSlot<TDone extends string> {
  readonly record: KinesisStreamRecord;
  fate: SlotFate<TDone>;
  /** Why it can never succeed, once known. */
  poison?: Poison;
  /** Why it is handed back for retry, once known. */
  retryReason?: string;
}

/**
 * Fresh slots for a batch, one per record in delivery order, every one `retry` until something
 * better is known.
 *
 * @example
 * ```ts
 * const slots = openSlots<'published'>(event.Records);
 * slots[0].fate; // 'retry'
 * ```
 */
export function openSlots<TDone extends string>(records: readonly KinesisStreamRecord[]): Array<RecordSlot<TDone>> {
  return records.map((record) => ({ record, fate: 'retry' }));
}

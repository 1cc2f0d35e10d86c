import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { WritePlan } from './write-plan.js';

/**
 * What applying a plan did to the read model. Every one of them is a success: the model now
 * reflects the event.
 *
 * - `applied`: the event changed the model;
 * - `duplicate`: its effect was already there (a replay). For a ride, `storedEventId` differs
 *   from the event's when another event already counted the same ride;
 * - `superseded`: a newer health observation is already there; this older one changes nothing.
 */
export type WriteOutcome =
  | { readonly status: 'applied' }
  | { readonly status: 'duplicate'; readonly storedEventId?: string }
  | { readonly status: 'superseded'; readonly storedEventId?: string; readonly storedStatusTime?: string };

/** How DynamoDB answered a cancelled transaction, from the consumer's point of view. */
export type CancellationVerdict =
  | Exclude<WriteOutcome, { status: 'applied' }>
  | { readonly status: 'retry'; readonly reason: string }
  | { readonly status: 'rejected'; readonly reason: string };

/** One entry of `TransactionCanceledException.CancellationReasons`. */
export interface CancellationReason {
  readonly Code?: string | undefined;
  readonly Message?: string | undefined;
  readonly Item?: Record<string, AttributeValue> | undefined;
}

/** Cancellation codes that no attempt will get past: the request itself is at fault. */
const REJECTED_CODES: ReadonlySet<string> = new Set(['ValidationError', 'ItemCollectionSizeLimitExceeded']);

const text = (item: Record<string, AttributeValue> | undefined, name: string): string | undefined => item?.[name]?.S;

/**
 * Reads the `CancellationReasons` of a cancelled `TransactWriteItems` (one per item, in order).
 * Pure.
 *
 * - `ConditionalCheckFailed` on the plan's guard item: the event is a duplicate or superseded,
 *   whatever the other items say, because the guard's condition is definitive;
 * - `TransactionConflict`, throttling: retry;
 * - `ValidationError`, `ItemCollectionSizeLimitExceeded`: rejected, no retry can succeed;
 * - anything else (codes DynamoDB may add later): retry, so that nothing is dropped on a guess.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (error instanceof TransactionCanceledException) return interpretCancellation(plan, error.CancellationReasons ?? []);
 * }
 * ```
 */
export function interpretCancellation(plan: WritePlan, reasons: readonly CancellationReason[]): CancellationVerdict {
  const guard = reasons[plan.guardIndex];
  if (guard?.Code === 'ConditionalCheckFailed') return guardVerdict(plan, guard.Item);

  const failures = reasons.flatMap((reason, index) =>
    reason.Code && reason.Code !== 'None' ? [{ index, code: reason.Code, message: reason.Message }] : [],
  );
  const describe = (list: typeof failures) =>
    list.map(({ index, code, message }) => `item ${index}: ${code}${message ? ` (${message})` : ''}`).join('; ');
  const rejected = failures.filter(({ code }) => REJECTED_CODES.has(code));
  if (rejected.length > 0) return { status: 'rejected', reason: `TransactionCanceled: ${describe(rejected)}` };
  if (failures.length === 0) return { status: 'retry', reason: 'TransactionCanceled: no cancellation reason given' };
  return { status: 'retry', reason: `TransactionCanceled: ${describe(failures)}` };
}

function guardVerdict(plan: WritePlan, stored: Record<string, AttributeValue> | undefined): CancellationVerdict {
  if (plan.kind === 'ride') {
    const storedEventId = text(stored, 'eventId');
    return storedEventId === undefined ? { status: 'duplicate' } : { status: 'duplicate', storedEventId };
  }
  const storedEventId = text(stored, 'lastHealthEventId');
  const storedStatusTime = text(stored, 'lastHealthAt');
  if (storedEventId === plan.eventId && storedStatusTime === plan.statusTime) return { status: 'duplicate', storedEventId };
  return {
    status: 'superseded',
    ...(storedEventId === undefined ? {} : { storedEventId }),
    ...(storedStatusTime === undefined ? {} : { storedStatusTime }),
  };
}

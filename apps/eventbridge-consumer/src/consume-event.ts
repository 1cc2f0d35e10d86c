import type { ApplyResult } from './apply-write-plan.js';
import { parseOwnedEvent, type EventRejectionReason } from './parse-owned-event.js';
import { planWrite, type WritePlan } from './write-plan.js';

/** The side effects the consumer needs; the handler wires them to DynamoDB. */
export interface ConsumerPorts {
  /** The read-model table. */
  readonly tableName: string;
  /** Runs a plan's transaction; never throws. */
  applyPlan(plan: WritePlan): Promise<ApplyResult>;
}

/** Which event a result is about. */
export interface EventSubject {
  readonly detailType: 'UnicornHealthLow' | 'UnicornHealthRestored' | 'RideCompleted';
  /** The detail's `metadata.eventId`: deterministic, the same for every delivery of one event. */
  readonly eventId: string;
  readonly unicorn: string;
  readonly attempts: number;
}

/**
 * What became of one event:
 * - `applied`, `duplicate`, `superseded`: the read model reflects it (see `WriteOutcome`);
 *   `conflictingEventId` is set when another event already counted the same ride;
 * - `rejected`: it can never be applied (not owned, unsupported version, wrong source, invalid
 *   detail, or refused by DynamoDB as invalid); retrying would not help;
 * - `retry`: it could not be applied yet; it must be delivered again.
 */
export type ConsumeResult =
  | (EventSubject & { readonly outcome: 'applied' })
  | (EventSubject & { readonly outcome: 'duplicate'; readonly conflictingEventId?: string })
  | (EventSubject & { readonly outcome: 'superseded'; readonly storedEventId?: string; readonly storedStatusTime?: string })
  | (Partial<EventSubject> & {
      readonly outcome: 'rejected';
      readonly reason: EventRejectionReason | 'REJECTED_BY_SINK';
      readonly detail: string;
    })
  | (EventSubject & { readonly outcome: 'retry'; readonly reason: string });

/**
 * Applies one EventBridge event to the fleet read model: validates it against the catalog,
 * plans its idempotent write and runs it. Never throws; the caller turns `retry` into a thrown
 * error (the only way an EventBridge target asks for a retry).
 *
 * @example
 * ```ts
 * const result = await consumeEvent(event, { tableName, applyPlan: (plan) => applyWritePlan(ddb, plan, { deadline }) });
 * if (result.outcome === 'retry') throw new RetryableEventError(result.reason);
 * ```
 */
export async function consumeEvent(event: unknown, ports: ConsumerPorts): Promise<ConsumeResult> {
  const parsed = parseOwnedEvent(event);
  if (!parsed.ok) return { outcome: 'rejected', reason: parsed.reason, detail: parsed.detail };

  const plan = planWrite(parsed.event, ports.tableName);
  const result = await ports.applyPlan(plan);
  const subject: EventSubject = {
    detailType: parsed.event.detailType,
    eventId: plan.eventId,
    unicorn: plan.unicorn,
    attempts: result.attempts,
  };
  switch (result.status) {
    case 'applied':
      return { ...subject, outcome: 'applied' };
    case 'duplicate':
      return result.storedEventId !== undefined && result.storedEventId !== plan.eventId
        ? { ...subject, outcome: 'duplicate', conflictingEventId: result.storedEventId }
        : { ...subject, outcome: 'duplicate' };
    case 'superseded': {
      const { storedEventId, storedStatusTime } = result;
      return {
        ...subject,
        outcome: 'superseded',
        ...(storedEventId === undefined ? {} : { storedEventId }),
        ...(storedStatusTime === undefined ? {} : { storedStatusTime }),
      };
    }
    case 'rejected':
      return { ...subject, outcome: 'rejected', reason: 'REJECTED_BY_SINK', detail: result.reason };
    case 'retry':
      return { ...subject, outcome: 'retry', reason: result.reason };
  }
}

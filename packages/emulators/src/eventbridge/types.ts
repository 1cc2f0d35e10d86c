import type { EventBridgeEvent } from 'aws-lambda';
import type { EventDeliveryFailedError } from './errors';

/**
 * An event as EventBridge delivers it to targets (the envelope a Lambda target receives), with
 * `detail` parsed: `version: '0'`, a UUID `id`, `detail-type`, `source`, the 12-digit `account`,
 * `time` in ISO 8601 without milliseconds (`2026-11-21T10:00:00Z`), `region`, `resources`.
 */
export type BusEvent = EventBridgeEvent<string, Record<string, unknown>>;

/**
 * A PutEvents request entry as the SDK's `PutEventsRequestEntry` describes it (field names as on
 * the wire; `Time` as a `Date`). Fault-injection `match` functions receive it.
 */
export interface PutEventsEntryInput {
  readonly Time?: Date;
  readonly Source?: string;
  readonly Resources?: readonly string[];
  readonly DetailType?: string;
  /** The event's detail: the text of a JSON object. */
  readonly Detail?: string;
  /** Name or ARN of the bus; absent means `default`. */
  readonly EventBusName?: string;
  readonly TraceHeader?: string;
}

/**
 * How long EventBridge keeps retrying a failing target, as in a target's `RetryPolicy`.
 */
export interface RetryPolicy {
  /**
   * Retries after the first attempt, 0..185.
   * @default 185
   */
  maximumRetryAttempts: number;
  /**
   * How long after the bus received the event retries may happen, in seconds. EventBridge accepts
   * 60..86400; the emulator accepts any value above 0 up to 86400 so tests can exercise expiry fast.
   * @default 86400
   */
  maximumEventAgeSeconds: number;
}

/** Delivery counters of one rule, summed over its targets. */
export interface RuleCounters {
  /** Events that matched the rule's pattern (counted once per event, whatever the targets). */
  matched: number;
  /** Target invocations that succeeded. */
  delivered: number;
  /** Retries scheduled after a failed target invocation. */
  retried: number;
  /** Events handed to the dead-letter callback (and accepted by it). */
  deadLettered: number;
  /** Events given up on with no dead-letter callback, or whose dead-letter callback threw. */
  dropped: number;
}

/** A function that handles an event delivered by a rule, like a Lambda target. Throwing means "retry". */
export type RuleTarget = (event: BusEvent) => Promise<void>;

/** Receives an event whose delivery gave up, with an `EventDeliveryFailedError` (its `cause` is the target's last error). */
export type DeadLetterHandler = (event: BusEvent, error: EventDeliveryFailedError) => Promise<void> | void;

/** Called for every accepted event, synchronously, before PutEvents answers. */
export type BusListener = (event: BusEvent, context: { readonly eventBusName: string }) => void;

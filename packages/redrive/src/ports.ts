import type { PutEventsInput } from '@wildrydes/aws-clients';
import type { QuarantineRecord, StreamOnFailureRecord } from '@wildrydes/schemas';

/** What reading one quarantine object gave. */
export type ReadOutcome =
  | { readonly kind: 'record'; readonly record: QuarantineRecord }
  /** The object is not a quarantine record (empty, not JSON, wrong shape): it can never be re-driven. */
  | { readonly kind: 'invalid'; readonly detail: string }
  /** The object was deleted since it was listed (another run re-drove it). */
  | { readonly kind: 'gone' }
  /** S3 failed, after retries: the object may be fine. */
  | { readonly kind: 'error'; readonly reason: string };

/** The quarantine bucket, as the command uses it. */
export interface QuarantineStore {
  /** Every key under the prefix. May throw: the command cannot start without a listing. */
  listKeys(prefix: string): AsyncIterable<string>;
  /** Never throws: every failure is an outcome. */
  read(key: string): Promise<ReadOutcome>;
  /** Never throws. Deleting a key that is already gone succeeds. */
  delete(key: string): Promise<{ readonly ok: true } | { readonly ok: false; readonly reason: string }>;
}

/** One record to put back, and the ref its outcome is reported by. */
export interface OutgoingRecord {
  readonly ref: number;
  readonly partitionKey: string;
  readonly data: Uint8Array;
}

/** A record of one put that was not written. */
export interface PutFailure {
  readonly ref: number;
  /** `false` when it can never be written as it is (too large, invalid): it does not hold its key. */
  readonly retryable: boolean;
  /** Not sent, because an earlier record of its partition key in this put was not written. */
  readonly heldBack: boolean;
  /** `Code: detail`, for the operator. */
  readonly reason: string;
}

/** What became of each record of one put: every ref is in exactly one list. */
export interface PutOutcome {
  readonly written: readonly number[];
  readonly failed: readonly PutFailure[];
}

/** The source streams, as the command uses them. */
export interface StreamWriter {
  /**
   * Puts the records on the stream, never letting a record overtake an earlier one (in the
   * order given) with the same partition key, retrying transient failures within a deadline.
   * Never throws for a service failure.
   */
  put(streamName: string, records: readonly OutgoingRecord[]): Promise<PutOutcome>;
}

/** What re-delivering a batch to a function gave. */
export type InvokeOutcome =
  | { readonly ok: true }
  /** `Code: detail`: a function error, records it reported failed, or a service error after retries. */
  | { readonly ok: false; readonly reason: string };

/** The function a batch is re-delivered to: `name`, optionally with a version or alias. */
export interface InvokeTarget {
  readonly functionName: string;
  readonly qualifier?: string;
}

/** Lambda, as the command uses it to re-deliver DynamoDB stream records. */
export interface FunctionInvoker {
  /**
   * Invokes the function synchronously with the payload, exactly as given. Fails when the
   * function throws or reports any record in `batchItemFailures`. Never throws.
   */
  invoke(target: InvokeTarget, payload: string): Promise<InvokeOutcome>;
}

/** What reading one on-failure object gave. */
export type OnFailureReadOutcome =
  | { readonly kind: 'record'; readonly record: StreamOnFailureRecord }
  /** The object is not a stream invocation record (not JSON, wrong shape). */
  | { readonly kind: 'invalid'; readonly detail: string }
  | { readonly kind: 'gone' }
  | { readonly kind: 'error'; readonly reason: string };

/** The failure bucket, as the command uses it. */
export interface OnFailureStore {
  /** Every key under the prefix. May throw: the command cannot start without a listing. */
  listKeys(prefix: string): AsyncIterable<string>;
  /** Never throws. */
  read(key: string): Promise<OnFailureReadOutcome>;
  /** Never throws. Deleting a key that is already gone succeeds. */
  delete(key: string): Promise<{ readonly ok: true } | { readonly ok: false; readonly reason: string }>;
}

/** One received SQS message. */
export interface QueueMessage {
  readonly messageId: string;
  readonly receiptHandle: string;
  readonly body: string;
  /** String message attributes (EventBridge's DLQ sets `RULE_ARN`, `ERROR_CODE`, ...). */
  readonly attributes: Readonly<Record<string, string>>;
  /** When the message was sent (SQS's `SentTimestamp`), epoch milliseconds. */
  readonly sentAtMs: number | undefined;
}

/** A message the queue would not delete or release. */
export interface QueueFailure {
  readonly messageId: string;
  readonly reason: string;
}

/** A queue of failed events, as the command uses it. */
export interface EventQueue {
  /**
   * Receives up to 10 messages, hidden from other consumers for the visibility timeout. An empty
   * answer means the queue is drained. Throws when the queue cannot be read (after retries).
   */
  receive(): Promise<QueueMessage[]>;
  /** Deletes the messages; returns those it could not delete. Never throws. */
  delete(messages: readonly QueueMessage[]): Promise<QueueFailure[]>;
  /** Makes the messages visible again at once; returns those it could not. Never throws. */
  release(messages: readonly QueueMessage[]): Promise<QueueFailure[]>;
}

/** A PutEvents request entry (Source, DetailType, Detail, Resources, Time, EventBusName). */
export type PutEventsEntry = PutEventsInput<number>['entries'][number]['entry'];

/** An event to put back on a bus, and the ref its outcome is reported by. */
export interface OutgoingEvent {
  readonly ref: number;
  readonly entry: PutEventsEntry;
}

/** The event buses, as the command uses them. */
export interface EventPublisher {
  /** Puts the events, retrying transient failures; every ref ends accepted or failed. Never throws. */
  put(events: readonly OutgoingEvent[]): Promise<{ readonly accepted: readonly number[]; readonly failed: ReadonlyArray<{ readonly ref: number; readonly reason: string }> }>;
}

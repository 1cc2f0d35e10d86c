import type { QuarantineRecord } from '@wildrydes/schemas';

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

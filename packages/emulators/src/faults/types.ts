/** The emulated services a fault proxy can stand in front of. */
export type FaultService = 'kinesis' | 'dynamodb' | 's3' | 'eventbridge' | 'sqs';

/** Every service a fault proxy knows, in a stable order (for reports). */
export const FAULT_SERVICES: readonly FaultService[] = ['kinesis', 'dynamodb', 's3', 'eventbridge', 'sqs'];

/**
 * What a fault does to one request:
 * - `throttle`: answered by the proxy with the service's own throttling error;
 * - `serverError`: answered by the proxy with a 5xx error of the service;
 * - `dropBefore`: the connection is destroyed before the request reaches the emulator;
 * - `dropAfter`: the emulator does the work, then the connection is destroyed instead of answering;
 * - `partialBatch`: a batch call (BatchWriteItem, PutRecords, PutEvents, SendMessageBatch,
 *   DeleteMessageBatch) succeeds for only some of its entries, the others come back as failed.
 */
export type FaultKind = 'throttle' | 'serverError' | 'dropBefore' | 'dropAfter' | 'partialBatch';

/** Every fault kind, in the order a plan's probabilities are laid out. */
export const FAULT_KINDS: readonly FaultKind[] = ['throttle', 'serverError', 'dropBefore', 'dropAfter', 'partialBatch'];

/**
 * How an outage fails requests: `unavailable`, a 503 in the service's protocol; `refused`, every
 * connection dropped; `denied`, the service's access-denied error (as when the key a resource is
 * encrypted with is disabled, or a policy change locks the callers out): not transient, so callers
 * do not retry it within an invocation.
 */
export type OutageKind = 'unavailable' | 'refused' | 'denied';

/**
 * Requests affected per fault kind (`partialEntries`: batch entries withheld by partial
 * failures; `outage`: requests failed by an outage).
 */
export interface FaultCounts {
  throttle: number;
  serverError: number;
  dropBefore: number;
  dropAfter: number;
  partialBatch: number;
  partialEntries: number;
  outage: number;
}

/** One fault the proxy injected, as reported to `onFault`. */
export interface InjectedFault {
  readonly service: FaultService;
  /** The API operation, e.g. `PutRecords` or, for S3, `PutObject`. */
  readonly operation: string;
  readonly kind: FaultKind | 'outage';
  /** For `partialBatch`: how many entries were withheld, of how many. */
  readonly withheldEntries?: number;
  readonly totalEntries?: number;
  /** For `throttle`, `serverError` and `unavailable` outages: the error code answered. */
  readonly errorCode?: string;
}

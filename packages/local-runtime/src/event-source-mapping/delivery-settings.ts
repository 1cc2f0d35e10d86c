/** An event source mapping's error-handling settings, as declared for the deployed function. */
export interface DeliverySettings {
  /** Retries after a failed invocation before the records go to the on-failure destination; -1 is unbounded. */
  readonly retryAttempts: number;
  /** Records older than this are sent to the on-failure destination without invoking; -1 is unbounded. */
  readonly maxRecordAgeSeconds: number;
  readonly bisectBatchOnError: boolean;
  readonly reportBatchItemFailures: boolean;
  /** Pause before a retry, in milliseconds. Lambda's own pause is short and undocumented. */
  readonly retryDelayMs: number;
}

/** Why records left the stream without succeeding. */
export type DiscardReason = 'RetryAttemptsExhausted' | 'RecordAgeExceeded';

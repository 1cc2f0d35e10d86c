/** What an emulated event source mapping has done so far; the live view shows these. */
export interface MappingStats {
  /** Records read from the source. */
  recordsIn: number;
  /** Records dropped by the filter criteria (never delivered, as in Lambda). */
  filtered: number;
  /** Records the function handled successfully. */
  succeeded: number;
  /** Records given up on and sent to the on-failure destination. */
  discarded: number;
  invocations: number;
  /** Invocations that failed in whole or in part. */
  failedInvocations: number;
  retries: number;
  /** Reads of the source that failed and were retried. */
  readErrors: number;
  /** Age of the oldest record not yet done, in ms (Lambda's IteratorAge); 0 when caught up. */
  lagMs: number;
}

export function emptyStats(): MappingStats {
  return { recordsIn: 0, filtered: 0, succeeded: 0, discarded: 0, invocations: 0, failedInvocations: 0, retries: 0, readErrors: 0, lagMs: 0 };
}

import type { KinesisStreamBatchResponse } from 'aws-lambda';

/** What happened to one source record in this invocation. */
export type RecordFate = 'stored' | 'quarantined' | 'retry';

/** Counts of an invocation's records by fate, for the log line and the metrics. */
export interface BatchSummary {
  readonly received: number;
  readonly stored: number;
  readonly quarantined: number;
  readonly retry: number;
}

/**
 * Builds the Lambda response from each record's fate, in delivery order.
 *
 * Every record to retry is reported. Lambda checkpoints at the lowest reported sequence number
 * and redelivers everything after it, in order, so a later record of the same key can never
 * overtake a failed one; records after it that were stored are rewritten identically (the
 * writes are idempotent).
 */
export function toBatchResponse(
  fates: ReadonlyArray<{ readonly sequenceNumber: string; readonly fate: RecordFate }>,
): KinesisStreamBatchResponse {
  return {
    batchItemFailures: fates
      .filter(({ fate }) => fate === 'retry')
      .map(({ sequenceNumber }) => ({ itemIdentifier: sequenceNumber })),
  };
}

/** Counts records by fate. */
export function summarise(fates: ReadonlyArray<{ readonly fate: RecordFate }>): BatchSummary {
  const count = (fate: RecordFate) => fates.filter((entry) => entry.fate === fate).length;
  return { received: fates.length, stored: count('stored'), quarantined: count('quarantined'), retry: count('retry') };
}

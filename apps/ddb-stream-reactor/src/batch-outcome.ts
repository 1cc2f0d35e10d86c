import type { DynamoDBBatchResponse } from 'aws-lambda';

/**
 * What happened to one stream record in this invocation.
 * - `published`: every event it causes is on the bus.
 * - `no-event`: a valid change that causes no event (a healthy insert, a write that changed no reading value).
 * - `skipped`: it can never cause an event (malformed record, images that are not clean readings); logged.
 * - `retry`: some of its events still fail transiently (or its quarantine write failed); handed
 *   back to Lambda.
 * - `quarantined`: some of its events can never be published (too large, rejected by
 *   EventBridge, a detail its catalog schema rejects) and none fails transiently: the record is
 *   in the quarantine with the reason, and not handed back, so it cannot block its shard.
 */
export type RecordFate = 'published' | 'no-event' | 'skipped' | 'retry' | 'quarantined';

/** Counts of an invocation's records by fate, and the events it published, for the log line. */
export interface BatchSummary {
  readonly received: number;
  readonly published: number;
  readonly noEvent: number;
  readonly skipped: number;
  readonly retry: number;
  readonly quarantined: number;
  readonly eventsPublished: number;
}

/** The fates Lambda gets back in `batchItemFailures`. */
const HANDED_BACK: ReadonlySet<RecordFate> = new Set(['retry']);

/**
 * Builds the Lambda response from each record's fate, in delivery order. Lambda checkpoints at
 * the lowest reported sequence number and redelivers everything after it; the events of records
 * after it that were already published are published again with the same deterministic ids.
 */
export function toBatchResponse(
  fates: ReadonlyArray<{ readonly sequenceNumber: string | undefined; readonly fate: RecordFate }>,
): DynamoDBBatchResponse {
  return {
    batchItemFailures: fates.flatMap(({ sequenceNumber, fate }) =>
      HANDED_BACK.has(fate) && sequenceNumber !== undefined ? [{ itemIdentifier: sequenceNumber }] : [],
    ),
  };
}

/** Counts records by fate. */
export function summarise(fates: ReadonlyArray<{ readonly fate: RecordFate }>, eventsPublished: number): BatchSummary {
  const count = (fate: RecordFate) => fates.filter((entry) => entry.fate === fate).length;
  return {
    received: fates.length,
    published: count('published'),
    noEvent: count('no-event'),
    skipped: count('skipped'),
    retry: count('retry'),
    quarantined: count('quarantined'),
    eventsPublished,
  };
}

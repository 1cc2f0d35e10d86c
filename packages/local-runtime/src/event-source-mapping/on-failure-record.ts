import type { StreamOnFailureCondition, StreamOnFailureRecord } from '@wildrydes/schemas';
import type { DiscardAttempts } from './deliver-batch.js';

/** What the event source mapping knows about a batch it gives up on. */
export interface DiscardedBatch {
  readonly kind: 'kinesis' | 'dynamodb-stream';
  readonly functionArn: string;
  /** The id of the last invocation (Lambda's `requestId`). */
  readonly requestId: string;
  readonly condition: StreamOnFailureCondition;
  readonly attempts: DiscardAttempts;
  /** When the mapping gave up. */
  readonly at: Date;
  readonly shardId: string;
  readonly streamArn: string;
  readonly firstSequenceNumber: string;
  readonly lastSequenceNumber: string;
  readonly firstArrivalMs: number;
  readonly lastArrivalMs: number;
  readonly batchSize: number;
  /** The invocation event of the given-up records (`{"Records":[…]}`), stored whole in S3 destinations. */
  readonly event: unknown;
}

/** Kinesis arrival times carry milliseconds (`2019-11-14T00:38:04.835Z`), DynamoDB's whole seconds (`2019-11-14T00:13:19Z`). */
function arrival(kind: DiscardedBatch['kind'], epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return kind === 'kinesis' ? iso : `${iso.slice(0, 19)}Z`;
}

/**
 * The invocation record Lambda writes to a stream mapping's S3 on-failure destination, field by
 * field as the Lambda Developer Guide shows it ("Retain discarded batch records for a Kinesis Data
 * Streams event source in Lambda", "Retain discarded records for a DynamoDB event source in Lambda"):
 * `requestContext`, `responseContext` (left out for `RecordAgeExceeded`: the records were given up on
 * for their age, not for an answer; `functionError` "Unhandled" only when the last invocation failed as
 * a whole), `version` "1.0", `timestamp`, `KinesisBatchInfo` or `DDBStreamBatchInfo`, and `payload`,
 * the whole invocation event as an escaped JSON string.
 *
 * @example
 * ```ts
 * const record = streamOnFailureRecord({ kind: 'kinesis', functionArn, requestId, condition: 'RetryAttemptsExhausted',
 *   attempts: { invokeCount: 3, functionError: true }, at: new Date(), shardId, streamArn, firstSequenceNumber, lastSequenceNumber,
 *   firstArrivalMs, lastArrivalMs, batchSize: 2, event });
 * ```
 */
export function streamOnFailureRecord(batch: DiscardedBatch): StreamOnFailureRecord {
  const batchInfo = {
    shardId: batch.shardId,
    startSequenceNumber: batch.firstSequenceNumber,
    endSequenceNumber: batch.lastSequenceNumber,
    approximateArrivalOfFirstRecord: arrival(batch.kind, batch.firstArrivalMs),
    approximateArrivalOfLastRecord: arrival(batch.kind, batch.lastArrivalMs),
    batchSize: batch.batchSize,
    streamArn: batch.streamArn,
  };
  const common = {
    requestContext: {
      requestId: batch.requestId,
      functionArn: batch.functionArn,
      condition: batch.condition,
      approximateInvokeCount: batch.attempts.invokeCount,
    },
    ...(batch.condition === 'RecordAgeExceeded'
      ? {}
      : {
          responseContext: {
            statusCode: 200,
            executedVersion: '$LATEST',
            ...(batch.attempts.functionError ? { functionError: 'Unhandled' } : {}),
          },
        }),
    version: '1.0',
    timestamp: batch.at.toISOString(),
  };
  const payload = JSON.stringify(batch.event);
  return batch.kind === 'kinesis'
    ? { ...common, KinesisBatchInfo: batchInfo, payload }
    : { ...common, DDBStreamBatchInfo: batchInfo, payload };
}

import type { BatchRewriter } from './batch-rewriter';
import { batchWriteItemRewriter } from './batch-write-item-rewriter';
import { putEventsRewriter } from './put-events-rewriter';
import { putRecordsRewriter } from './put-records-rewriter';
import { sqsBatchRewriter } from './sqs-batch-rewriter';
import type { FaultService } from './types';

const REWRITERS: Readonly<Record<FaultService, Readonly<Record<string, BatchRewriter>>>> = {
  kinesis: { PutRecords: putRecordsRewriter },
  dynamodb: { BatchWriteItem: batchWriteItemRewriter },
  eventbridge: { PutEvents: putEventsRewriter },
  sqs: { SendMessageBatch: sqsBatchRewriter, DeleteMessageBatch: sqsBatchRewriter, ChangeMessageVisibilityBatch: sqsBatchRewriter },
  s3: {},
};

/**
 * The rewriter for a batch operation that reports per-entry failures, if `operation` is one.
 *
 * @example
 * ```ts
 * batchRewriterFor('kinesis', 'PutRecords'); // putRecordsRewriter
 * batchRewriterFor('kinesis', 'PutRecord'); // undefined
 * ```
 */
export function batchRewriterFor(service: FaultService, operation: string): BatchRewriter | undefined {
  return Object.hasOwn(REWRITERS[service], operation) ? REWRITERS[service][operation] : undefined;
}

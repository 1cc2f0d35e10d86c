/**
 * SQS limits and defaults, from the Amazon SQS API Reference (CreateQueue, SendMessage,
 * ReceiveMessage, SendMessageBatch) and "Amazon SQS message quotas".
 */

/** Account in queue URLs and ARNs unless `accountId` is given. */
export const DEFAULT_ACCOUNT_ID = '000000000000';
/** Region in queue ARNs unless `region` is given. */
export const DEFAULT_REGION = 'us-east-1';
/**
 * Largest message (body plus message attributes) since August 2025: 1 MiB. It is also the
 * largest `MaximumMessageSize` a queue accepts and the largest total of a SendMessageBatch.
 */
export const DEFAULT_MAX_MESSAGE_BYTES = 1_048_576;
/** The smallest `MaximumMessageSize` a queue accepts (1 KiB). */
export const MIN_MESSAGE_BYTES = 1_024;
/** Batch actions take 1..10 entries. */
export const MAX_BATCH_ENTRIES = 10;
/** ReceiveMessage returns 1..10 messages. */
export const MAX_RECEIVE_MESSAGES = 10;
/** A long poll waits at most 20 s. */
export const MAX_WAIT_TIME_SECONDS = 20;
/** A message has at most 10 message attributes. */
export const MAX_MESSAGE_ATTRIBUTES = 10;
/** PurgeQueue may run once every 60 s per queue. */
export const PURGE_INTERVAL_MS = 60_000;
/** ListQueues returns at most 1,000 queue URLs. */
export const MAX_LIST_QUEUES_RESULTS = 1_000;
/** A redrive policy's `maxReceiveCount` is 1..1000. */
export const MAX_RECEIVE_COUNT_LIMIT = 1_000;

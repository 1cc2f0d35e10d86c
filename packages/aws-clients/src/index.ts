// Errors
export { AwsClientsError, InvalidOptionsError, InvalidQuarantinedObjectError } from './errors.js';

// Clients
export {
  createDynamoDbClient,
  createEventBridgeClient,
  createKinesisClient,
  createS3Client,
  type ClientFactoryOptions,
} from './client-factory.js';
export {
  createKeepAliveHttpHandler,
  keepAliveHandlerOptions,
  DEFAULT_HTTP_HANDLER_SETTINGS,
  type HttpHandlerSettings,
} from './http-handler.js';

// Retry primitives
export { fullJitterDelayMs, type BackoffOptions, type Random } from './backoff.js';
export {
  deadlineFromLambdaContext,
  deadlineAt,
  sleepWithinDeadline,
  realSleep,
  abortSignalForDeadline,
  DEFAULT_LAMBDA_SAFETY_MARGIN_MS,
  type Deadline,
  type Sleep,
  type RemainingTimeSource,
} from './deadline.js';
export {
  classifyError,
  classifyErrorCode,
  isRetryableError,
  describeError,
  THROTTLING_ERROR_NAMES,
  type ErrorCategory,
  type ErrorClassification,
} from './error-classification.js';
export {
  decideRetry,
  resolveRetryOptions,
  DEFAULT_RETRY_OPTIONS,
  type RetryOptions,
  type ResolvedRetryOptions,
  type RetryDecision,
  type RetryStop,
} from './retry-policy.js';
export { callWithRetry, type CallOutcome, type CallWithRetryOptions } from './call-with-retry.js';
export type { WriteFailureCode } from './write-failure-code.js';
export { mapWithConcurrency } from './concurrency.js';

// DynamoDB
export { batchWriteItems, DEFAULT_BATCH_WRITE_CONCURRENCY, type BatchWriteItemsInput } from './dynamodb-batch-writer.js';
export type { BatchWriteResult, WriteFailure } from './batch-write-ledger.js';
export { BATCH_WRITE_MAX_ITEMS, BATCH_WRITE_MAX_REQUEST_BYTES } from './dynamodb-batch-plan.js';
export { estimateItemSizeBytes } from './dynamodb-item-size.js';

// S3 quarantine
export {
  quarantineRecords,
  listQuarantined,
  readQuarantined,
  deleteQuarantined,
  DEFAULT_QUARANTINE_CONCURRENCY,
  type QuarantineRecordsInput,
  type QuarantineResult,
  type QuarantineFailure,
} from './s3-quarantine.js';

// Kinesis
export {
  putRecords,
  DEFAULT_PUT_RECORDS_CONCURRENCY,
  type PutRecordsInput,
  type PutRecordsResult,
  type WrittenRecord,
} from './kinesis-put-records.js';
export {
  kinesisRecordSizeBytes,
  resolvePutRecordsLimits,
  PUT_RECORDS_MAX_RECORDS,
  PUT_RECORDS_MAX_REQUEST_BYTES,
  KINESIS_RECORD_MAX_BYTES,
  type KinesisRecordInput,
  type PutRecordsLimits,
} from './kinesis-record-plan.js';
export { PartitionKeySequencer, type RecordOrdering } from './partition-key-sequencer.js';

// EventBridge
export {
  putEvents,
  DEFAULT_PUT_EVENTS_CONCURRENCY,
  type PutEventsInput,
  type PutEventsResult,
  type PublishedEvent,
} from './eventbridge-put-events.js';
export {
  putEventsEntrySizeBytes,
  resolvePutEventsLimits,
  PUT_EVENTS_MAX_ENTRIES,
  PUT_EVENTS_MAX_ENTRY_BYTES,
  type PutEventsLimits,
} from './eventbridge-entry-plan.js';

export { RedriveError, SetupError, UsageError } from './errors.js';
export { USAGE, REDRIVE_SOURCES, parseRedriveArgs, type RedriveCommand, type RedriveOptions, type RedriveSource } from './options.js';
export { main, EXIT, type MainIo } from './main.js';
export { redriveFunction, type RedriveClients, type RedriveFunctionInput, type SourceTally } from './redrive-function.js';
export { planSources, type SourceKind } from './sources.js';
export { resolveLocations, requireLocation, type RedriveLocations, type LocationNeeds, type ParameterReader } from './locations.js';
export { redrive, DEFAULT_REDRIVE_SETTINGS, type RedriveRun, type RedriveSettings } from './redrive.js';
export { redriveOnFailureObjects, type OnFailureRun } from './redrive-on-failure.js';
export { redriveQueue, type QueueRun } from './redrive-queue.js';
export { planRecord, type RecordDecision, type SkipCode } from './plan-record.js';
export { planOnFailureObject, invokeTargetOf, functionNameOf, type OnFailureDecision, type BatchRecord } from './plan-on-failure.js';
export { planQueueMessage, busOfRuleArn, type EventQueueKind, type QueueMessageDecision } from './plan-queue-message.js';
export { selectKeys, type KeySelection } from './select-keys.js';
export { compareStreamPositions, sortForRedrive, type StreamPosition } from './ordering.js';
export { parseQuarantineKey, functionPrefix, type QuarantineKeyParts } from './quarantine-key.js';
export { decodeExactBase64 } from './exact-base64.js';
export { OrderGuard, type GuardedPosition } from './order-guard.js';
export { ProgressThrottle, type ProgressSettings } from './progress-throttle.js';
export { TallyRecorder } from './tally-recorder.js';
export { newTally, countInto, total, failureCode, type RedriveTally } from './tally.js';
export { progressLine, summaryLines, type SummaryContext } from './report.js';
export type {
  QuarantineStore,
  StreamWriter,
  ReadOutcome,
  OutgoingRecord,
  PutOutcome,
  PutFailure,
  FunctionInvoker,
  InvokeOutcome,
  InvokeTarget,
  OnFailureStore,
  OnFailureReadOutcome,
  EventQueue,
  QueueMessage,
  QueueFailure,
  EventPublisher,
  OutgoingEvent,
  PutEventsEntry,
} from './ports.js';
export { s3QuarantineStore, type S3QuarantineStoreSettings } from './adapters/s3-quarantine-store.js';
export { s3OnFailureStore } from './adapters/s3-on-failure-store.js';
export { kinesisStreamWriter, type KinesisStreamWriterSettings } from './adapters/kinesis-stream-writer.js';
export { lambdaInvoker, judgeResponse } from './adapters/lambda-invoker.js';
export { sqsEventQueue, type SqsEventQueueSettings } from './adapters/sqs-event-queue.js';
export { eventBridgePublisher, type EventBridgePublisherSettings } from './adapters/eventbridge-publisher.js';
export { readQuarantineBucketName, readParameter, type ParameterHint } from './adapters/ssm-bucket-name.js';
export type { CallSettings } from './adapters/retry-settings.js';

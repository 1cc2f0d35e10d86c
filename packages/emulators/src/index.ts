export type { RunningEmulator } from './running-emulator';
export {
  PortInUseError,
  JavaNotFoundError,
  EmulatorStartError,
  EmulatorStopError,
  InvalidKinesisRecordError,
} from './errors';
export { findFreePort, isPortFree } from './ports';
export { checkJava, parseJavaVersion, MINIMUM_JAVA_VERSION, type JavaVersion } from './java';
export { startKinesalite, type KinesaliteOptions } from './kinesalite';
export { startDynamoDbLocal, type DynamoDbLocalOptions } from './dynamodb-local';
export { startS3rver, type S3rverOptions, type RunningS3rver } from './s3rver';
export {
  startEmulators,
  buildEmulatorEnv,
  type StartEmulatorsOptions,
  type RunningEmulators,
} from './start-emulators';
export { kinesisEventFromRecords, type KinesisEventSource } from './kinesis-event';
export { readShard, type ReadShardOptions } from './read-shard';
export { dynamoDbStreamEventFromRecords, type DynamoDbStreamEventSource } from './dynamodb-stream-event';
export {
  startEventBridge,
  LocalEventBridge,
  EventBridgeEmulatorError,
  EventBridgeApiError,
  EventBridgeValidationError,
  EventBusNotFoundError,
  EventBusAlreadyExistsError,
  RuleNotFoundError,
  RuleAlreadyExistsError,
  TargetLimitExceededError,
  InvalidEventBridgeOptionsError,
  EventDeliveryFailedError,
  DEFAULT_EVENT_BUS_NAME,
  DEFAULT_MAX_ENTRY_BYTES,
  DEFAULT_RETRY_POLICY,
  formatEventTime,
  type EventBridgeOptions,
  type RunningEventBridge,
  type EventBridgeBusApi,
  type AddRuleOptions,
  type LocalRule,
  type LocalEventBridgeOptions,
  type EntryFault,
  type RequestFault,
  type BusEvent,
  type BusListener,
  type DeadLetterHandler,
  type PutEventsEntryInput,
  type RetryPolicy,
  type RuleCounters,
  type RuleTarget,
  type DeliveryFailureReason,
} from './eventbridge/index';

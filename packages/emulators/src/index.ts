export type { RunningEmulator } from './running-emulator';
export {
  PortInUseError,
  JavaNotFoundError,
  EmulatorStartError,
  EmulatorStopError,
  InvalidKinesisRecordError,
  ResourceNotReadyError,
} from './errors';
export { findFreePort, isPortFree } from './ports';
export { seededRandom, type Random } from './seeded-random';
export { checkJava, parseJavaVersion, MINIMUM_JAVA_VERSION, type JavaVersion } from './java';
export { startKinesalite, type KinesaliteOptions } from './kinesalite';
export { startDynamoDbLocal, type DynamoDbLocalOptions } from './dynamodb-local';
export { startS3rver, type S3rverOptions, type RunningS3rver, type S3ObjectEvent } from './s3rver';
export {
  startEmulators,
  buildEmulatorEnv,
  type StartEmulatorsOptions,
  type RunningEmulators,
} from './start-emulators';
export { kinesisEventFromRecords, type KinesisEventSource } from './kinesis-event';
export { readShard, type ReadShardOptions } from './read-shard';
export { followShard, type FollowedShard, type ShardFollower } from './follow-shard';
export { createKinesisStream, listShardIds, type CreateKinesisStreamOptions, type CreatedKinesisStream } from './kinesis-stream';
export { createTable, type CreateTableOptions, type CreatedTable } from './dynamodb-table';
export { readDynamoDbStream } from './read-dynamodb-stream';
export type { PollStatusOptions } from './poll-status';
export { dynamoDbStreamEventFromRecords, type DynamoDbStreamEventSource } from './dynamodb-stream-event';
export * from './eventbridge/index';
export * from './faults/index';
export * from './sqs/index';

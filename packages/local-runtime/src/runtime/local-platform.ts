import type { KinesisClient } from '@aws-sdk/client-kinesis';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import {
  PLATFORM_RESOURCE_NAMES,
  SENSOR_TABLE_KEYS,
  type PlatformParameterName,
} from '@wildrydes/infra/function-declaration';
import { createKinesisStream, createTable, type RunningEventBridge } from '@wildrydes/emulators';

/** The quarantine bucket's local name (CloudFormation names it in AWS). */
export const LOCAL_QUARANTINE_BUCKET = 'wildrydes-quarantine';

/** The failure bucket's local name: the stream mappings' S3 on-failure destination (CloudFormation names it in AWS). */
export const LOCAL_FAILURE_BUCKET = 'wildrydes-failures';

/** The platform as it exists locally: every SSM parameter's local value. */
export type LocalPlatform = Readonly<Record<PlatformParameterName, string>>;

/** A table a function's own stack creates (for example the consumer's read model). */
export interface OwnedTable {
  readonly tableName: string;
  readonly partitionKey: string;
  readonly sortKey?: string;
}

/**
 * Creates the platform stack's resources on the emulators, with the names the platform stack
 * gives them, and returns what its SSM parameters would hold.
 */
export async function createLocalPlatform(clients: {
  kinesis: KinesisClient;
  dynamodb: DynamoDBClient;
  s3: S3Client;
  eventbridge: RunningEventBridge;
  shardCount: number;
  region: string;
  accountId: string;
}): Promise<LocalPlatform> {
  const { kinesis, dynamodb, s3, eventbridge } = clients;
  const streamOptions = { shardCount: clients.shardCount };
  const [raw, clean] = await Promise.all([
    createKinesisStream(kinesis, PLATFORM_RESOURCE_NAMES.telemetryRawStream, streamOptions),
    createKinesisStream(kinesis, PLATFORM_RESOURCE_NAMES.telemetryCleanStream, streamOptions),
  ]);
  const sensorTable = await createTable(dynamodb, { tableName: PLATFORM_RESOURCE_NAMES.sensorTable, ...SENSOR_TABLE_KEYS, stream: 'NEW_AND_OLD_IMAGES' });
  await s3.send(new CreateBucketCommand({ Bucket: LOCAL_QUARANTINE_BUCKET }));
  await s3.send(new CreateBucketCommand({ Bucket: LOCAL_FAILURE_BUCKET }));
  const bus = eventbridge.createEventBus(PLATFORM_RESOURCE_NAMES.eventBus);
  return {
    telemetryRawStreamName: PLATFORM_RESOURCE_NAMES.telemetryRawStream,
    telemetryRawStreamArn: raw.streamArn,
    telemetryCleanStreamName: PLATFORM_RESOURCE_NAMES.telemetryCleanStream,
    telemetryCleanStreamArn: clean.streamArn,
    sensorTableName: PLATFORM_RESOURCE_NAMES.sensorTable,
    sensorTableArn: sensorTable.tableArn,
    sensorTableStreamArn: sensorTable.streamArn,
    quarantineBucketName: LOCAL_QUARANTINE_BUCKET,
    quarantineBucketArn: `arn:aws:s3:::${LOCAL_QUARANTINE_BUCKET}`,
    eventBusName: bus.name,
    eventBusArn: bus.arn,
    platformKeyArn: `arn:aws:kms:${clients.region}:${clients.accountId}:key/local-platform-key`,
    failureBucketName: LOCAL_FAILURE_BUCKET,
    failureBucketArn: `arn:aws:s3:::${LOCAL_FAILURE_BUCKET}`,
    alarmTopicArn: `arn:aws:sns:${clients.region}:${clients.accountId}:wildrydes-alarms`,
  };
}

/** Creates a table a function stack owns (string keys, on demand), as its stack does. */
export async function createOwnedTable(dynamodb: DynamoDBClient, table: OwnedTable): Promise<void> {
  await createTable(dynamodb, table);
}

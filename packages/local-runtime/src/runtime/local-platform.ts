import { CreateStreamCommand, DescribeStreamSummaryCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import { CreateTableCommand, DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import {
  PLATFORM_RESOURCE_NAMES,
  SENSOR_TABLE_KEYS,
  type PlatformParameterName,
} from '@wildrydes/infra/function-declaration';
import type { RunningEventBridge } from '@wildrydes/emulators';

/** The quarantine bucket's local name (CloudFormation names it in AWS). */
export const LOCAL_QUARANTINE_BUCKET = 'wildrydes-quarantine';

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
  const [rawArn, cleanArn] = await Promise.all(
    [PLATFORM_RESOURCE_NAMES.telemetryRawStream, PLATFORM_RESOURCE_NAMES.telemetryCleanStream].map((name) =>
      createStream(kinesis, name, clients.shardCount),
    ),
  );
  await dynamodb.send(
    new CreateTableCommand({
      TableName: PLATFORM_RESOURCE_NAMES.sensorTable,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: SENSOR_TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: SENSOR_TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: SENSOR_TABLE_KEYS.partitionKey, AttributeType: 'S' },
        { AttributeName: SENSOR_TABLE_KEYS.sortKey, AttributeType: 'S' },
      ],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
  const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: PLATFORM_RESOURCE_NAMES.sensorTable }));
  await s3.send(new CreateBucketCommand({ Bucket: LOCAL_QUARANTINE_BUCKET }));
  const bus = eventbridge.createEventBus(PLATFORM_RESOURCE_NAMES.eventBus);
  return {
    telemetryRawStreamName: PLATFORM_RESOURCE_NAMES.telemetryRawStream,
    telemetryRawStreamArn: rawArn ?? '',
    telemetryCleanStreamName: PLATFORM_RESOURCE_NAMES.telemetryCleanStream,
    telemetryCleanStreamArn: cleanArn ?? '',
    sensorTableName: PLATFORM_RESOURCE_NAMES.sensorTable,
    sensorTableArn: Table?.TableArn ?? '',
    sensorTableStreamArn: Table?.LatestStreamArn ?? '',
    quarantineBucketName: LOCAL_QUARANTINE_BUCKET,
    quarantineBucketArn: `arn:aws:s3:::${LOCAL_QUARANTINE_BUCKET}`,
    eventBusName: bus.name,
    eventBusArn: bus.arn,
    platformKeyArn: `arn:aws:kms:${clients.region}:${clients.accountId}:key/local-platform-key`,
  };
}

/** Creates a table a function stack owns (pk/sk strings, on demand), as its stack does. */
export async function createOwnedTable(dynamodb: DynamoDBClient, table: OwnedTable): Promise<void> {
  const keys = [table.partitionKey, ...(table.sortKey ? [table.sortKey] : [])];
  await dynamodb.send(
    new CreateTableCommand({
      TableName: table.tableName,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: keys.map((name, i) => ({ AttributeName: name, KeyType: i === 0 ? 'HASH' : 'RANGE' })),
      AttributeDefinitions: keys.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    }),
  );
}

async function createStream(kinesis: KinesisClient, name: string, shardCount: number): Promise<string | undefined> {
  await kinesis.send(new CreateStreamCommand({ StreamName: name, ShardCount: shardCount }));
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const { StreamDescriptionSummary } = await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: name }));
    if (StreamDescriptionSummary?.StreamStatus === 'ACTIVE') return StreamDescriptionSummary.StreamARN;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`stream ${name} did not become ACTIVE`);
}

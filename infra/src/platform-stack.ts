import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';
import { createAlarmTopic } from './alarm-topic.js';
import { PLATFORM_STACK_NAME } from './platform-stack-name.js';
import { PlatformConfigError } from './errors.js';
import { createPlatformKey } from './platform-key.js';
import {
  PLATFORM_PARAMETERS,
  PLATFORM_PARAMETER_NAMES,
  PLATFORM_RESOURCE_NAMES,
  SENSOR_TABLE_KEYS,
  type PlatformParameterName,
} from './platform-parameters.js';
import { QuarantineStorage } from './quarantine-storage.js';
import { createRecordBucket } from './record-bucket.js';

export { PLATFORM_STACK_NAME } from './platform-stack-name.js';

/** Settings of the {@link PlatformStack}. */
export interface PlatformStackProps extends StackProps {
  /** @default 'WildRydesPlatform' */
  readonly stackName?: string;
  /**
   * Shards of `unicorn-telemetry` (provisioned mode; each takes 1 MB/s or 1,000 records/s in).
   * @default 1
   */
  readonly rawStreamShardCount?: number;
  /**
   * Shards of `unicorn-telemetry-clean`.
   * @default 1
   */
  readonly cleanStreamShardCount?: number;
  /**
   * Hours records stay in both streams, 24..8760.
   * @default 24
   */
  readonly streamRetentionHours?: number;
  /**
   * Deletion protection on `UnicornSensorData`.
   * @default true
   */
  readonly tableDeletionProtection?: boolean;
  /**
   * Days quarantined records are kept.
   * @default 90
   */
  readonly quarantineExpirationDays?: number;
  /**
   * Days the invocation records (with their batches) that Lambda's stream event source mappings
   * write to the failure bucket are kept: the time there is to re-drive them.
   * @default 90
   */
  readonly failureExpirationDays?: number;
  /**
   * Days events on the bus stay in its archive for replay; 0 means no archive.
   * @default 30
   */
  readonly eventArchiveRetentionDays?: number;
  /**
   * Applies to everything that holds data: the key, streams, table and buckets.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

function requireWholeNumber(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new PlatformConfigError(`${name} must be a whole number between ${min} and ${max} inclusive (given ${value})`);
  }
  return value;
}

/**
 * The shared resources every function uses, and the SSM parameters that publish them. No
 * CloudFormation exports: function stacks read the parameters, so each deploys on its own.
 *
 * @example
 * ```ts
 * new PlatformStack(app, 'WildRydesPlatform'); // environment-agnostic: no `env`
 * ```
 */
export class PlatformStack extends Stack {
  public readonly key: kms.Key;
  public readonly telemetryRawStream: kinesis.Stream;
  public readonly telemetryCleanStream: kinesis.Stream;
  public readonly sensorTable: dynamodb.Table;
  public readonly quarantineBucket: s3.Bucket;
  public readonly accessLogsBucket: s3.Bucket;
  /** Lambda's S3 on-failure destination of every stream event source mapping (`aws/lambda/<ESM UUID>/...`). */
  public readonly failureBucket: s3.Bucket;
  /** Every alarm of every stack sends ALARM and OK here. */
  public readonly alarmTopic: sns.Topic;
  public readonly eventBus: events.EventBus;
  /** One parameter per entry of {@link PLATFORM_PARAMETERS}. */
  public readonly parameters: Readonly<Record<PlatformParameterName, ssm.StringParameter>>;

  public constructor(scope: Construct, id: string = PLATFORM_STACK_NAME, props: PlatformStackProps = {}) {
    const {
      rawStreamShardCount = 1,
      cleanStreamShardCount = 1,
      streamRetentionHours = 24,
      tableDeletionProtection = true,
      quarantineExpirationDays = 90,
      failureExpirationDays = 90,
      eventArchiveRetentionDays = 30,
      removalPolicy = RemovalPolicy.RETAIN,
      ...stackProps
    } = props;
    super(scope, id, {
      description: 'Wild Rydes platform: telemetry streams, sensor table, quarantine and failure buckets, event bus, alarm topic',
      ...stackProps,
      stackName: stackProps.stackName ?? PLATFORM_STACK_NAME,
    });
    const retention = Duration.hours(requireWholeNumber('streamRetentionHours', streamRetentionHours, 24, 8760));
    const archiveDays = requireWholeNumber('eventArchiveRetentionDays', eventArchiveRetentionDays, 0, 36_500);

    this.key = createPlatformKey(this, 'PlatformKey', { removalPolicy });

    const newStream = (id: string, streamName: string, shardCount: number): kinesis.Stream =>
      new kinesis.Stream(this, id, {
        streamName,
        streamMode: kinesis.StreamMode.PROVISIONED,
        shardCount,
        retentionPeriod: retention,
        encryption: kinesis.StreamEncryption.KMS,
        encryptionKey: this.key,
        removalPolicy,
      });
    this.telemetryRawStream = newStream(
      'TelemetryRawStream',
      PLATFORM_RESOURCE_NAMES.telemetryRawStream,
      requireWholeNumber('rawStreamShardCount', rawStreamShardCount, 1, 10_000),
    );
    this.telemetryCleanStream = newStream(
      'TelemetryCleanStream',
      PLATFORM_RESOURCE_NAMES.telemetryCleanStream,
      requireWholeNumber('cleanStreamShardCount', cleanStreamShardCount, 1, 10_000),
    );
    NagSuppressions.addResourceSuppressions([this.telemetryRawStream, this.telemetryCleanStream], [
      {
        id: 'AwsSolutions-KDS3',
        reason:
          'Deliberately the platform customer-managed key instead of aws/kinesis: one key policy and rotation ' +
          'for all platform data, and every producer and consumer needs an explicit, auditable grant on it.',
      },
    ]);

    this.sensorTable = new dynamodb.Table(this, 'SensorTable', {
      tableName: PLATFORM_RESOURCE_NAMES.sensorTable,
      partitionKey: { name: SENSOR_TABLE_KEYS.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: SENSOR_TABLE_KEYS.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      deletionProtection: tableDeletionProtection,
      removalPolicy,
    });

    const quarantine = new QuarantineStorage(this, 'Quarantine', {
      key: this.key,
      expirationDays: requireWholeNumber('quarantineExpirationDays', quarantineExpirationDays, 1, 36_500),
      removalPolicy,
    });
    this.quarantineBucket = quarantine.bucket;
    this.accessLogsBucket = quarantine.accessLogsBucket;
    this.failureBucket = createRecordBucket(this, 'FailureBucket', {
      key: this.key,
      accessLogsBucket: this.accessLogsBucket,
      accessLogsPrefix: 'failures/',
      expirationDays: requireWholeNumber('failureExpirationDays', failureExpirationDays, 1, 36_500),
      expirationRuleId: 'ExpireFailedBatches',
      removalPolicy,
    });
    this.alarmTopic = createAlarmTopic(this, 'AlarmTopic', {
      key: this.key,
      topicName: PLATFORM_RESOURCE_NAMES.alarmTopic,
    });

    this.eventBus = new events.EventBus(this, 'EventBus', {
      eventBusName: PLATFORM_RESOURCE_NAMES.eventBus,
      description: 'Wild Rydes domain events (ride and unicorn-health events)',
      kmsKey: this.key,
    });
    if (archiveDays > 0) {
      this.addEventArchive(archiveDays);
    }

    this.parameters = this.publishParameters();
  }

  /**
   * Archives every event on the bus for replay, encrypted with the platform key. The archive
   * adds a key-policy statement naming the bus ARN; the bus's GetAtt there would make the key
   * depend on the bus, which depends on the key, so the ARN is formatted from the bus name
   * and the order is kept by an explicit dependency instead.
   */
  private addEventArchive(retentionDays: number): void {
    const busArn = this.formatArn({ service: 'events', resource: 'event-bus', resourceName: PLATFORM_RESOURCE_NAMES.eventBus });
    const archive = new events.Archive(this, 'EventArchive', {
      sourceEventBus: events.EventBus.fromEventBusArn(this, 'EventBusByArn', busArn),
      description: `Every event on ${PLATFORM_RESOURCE_NAMES.eventBus}, for replay`,
      eventPattern: { account: [this.account] },
      retention: Duration.days(retentionDays),
      kmsKey: this.key,
    });
    archive.node.addDependency(this.eventBus);
  }

  private publishParameters(): Record<PlatformParameterName, ssm.StringParameter> {
    const streamArn = this.sensorTable.tableStreamArn;
    if (streamArn === undefined) {
      throw new PlatformConfigError('The sensor table must have a stream');
    }
    const values: Record<PlatformParameterName, string> = {
      telemetryRawStreamName: this.telemetryRawStream.streamName,
      telemetryRawStreamArn: this.telemetryRawStream.streamArn,
      telemetryCleanStreamName: this.telemetryCleanStream.streamName,
      telemetryCleanStreamArn: this.telemetryCleanStream.streamArn,
      sensorTableName: this.sensorTable.tableName,
      sensorTableArn: this.sensorTable.tableArn,
      sensorTableStreamArn: streamArn,
      quarantineBucketName: this.quarantineBucket.bucketName,
      quarantineBucketArn: this.quarantineBucket.bucketArn,
      eventBusName: this.eventBus.eventBusName,
      eventBusArn: this.eventBus.eventBusArn,
      platformKeyArn: this.key.keyArn,
      failureBucketName: this.failureBucket.bucketName,
      failureBucketArn: this.failureBucket.bucketArn,
      alarmTopicArn: this.alarmTopic.topicArn,
    };
    const parameters = {} as Record<PlatformParameterName, ssm.StringParameter>;
    for (const name of PLATFORM_PARAMETER_NAMES) {
      parameters[name] = new ssm.StringParameter(this, `${name.charAt(0).toUpperCase()}${name.slice(1)}Parameter`, {
        parameterName: PLATFORM_PARAMETERS[name],
        stringValue: values[name],
        description: `Wild Rydes platform contract: ${name}`,
        tier: ssm.ParameterTier.STANDARD,
      });
    }
    return parameters;
  }
}

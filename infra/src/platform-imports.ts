import { Fn } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { PlatformEventBus } from './platform-event-bus.js';
import { PLATFORM_PARAMETERS, type PlatformParameterName } from './platform-parameters.js';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The platform's shared resources as seen from a function stack, imported from the SSM
 * parameters the platform stack writes.
 *
 * Each value is a CloudFormation parameter of type `AWS::SSM::Parameter::Value<String>`
 * (`ssm.StringParameter.valueForStringParameter`), resolved at deploy time: synth needs no AWS
 * access and no context lookups, and no CloudFormation export ties the stacks together.
 * Handles are created on first use and each reads only the parameters it needs (the bus reads
 * its ARN and its name separately, on first use of each), so a stack declares only the
 * parameters its template references: CloudFormation warns (W2001) about any other. Every
 * handle carries the platform key, so CDK grants add the matching KMS permissions, scoped to
 * that key's ARN.
 *
 * @example
 * ```ts
 * const platform = PlatformImports.fromParameters(this);
 * platform.sensorTable.grantWriteData(fn); // dynamodb:BatchWriteItem... and kms:Encrypt... on the key
 * ```
 */
export class PlatformImports extends Construct {
  private readonly handles = new Map<string, unknown>();

  /**
   * Imports the platform into `scope`'s stack.
   * @param id @default 'Platform'
   */
  public static fromParameters(scope: Construct, id = 'Platform'): PlatformImports {
    return new PlatformImports(scope, id);
  }

  private constructor(scope: Construct, id: string) {
    super(scope, id);
  }

  /** The deploy-time value of one platform parameter (a token in the template). */
  public value(name: PlatformParameterName): string {
    return ssm.StringParameter.valueForStringParameter(this, PLATFORM_PARAMETERS[name]);
  }

  /** The platform's customer-managed key. */
  public get key(): kms.IKey {
    return this.handle('Key', () => kms.Key.fromKeyArn(this, 'Key', this.value('platformKeyArn')));
  }

  /** `unicorn-telemetry`. */
  public get telemetryRawStream(): kinesis.IStream {
    return this.handle('TelemetryRawStream', () =>
      kinesis.Stream.fromStreamAttributes(this, 'TelemetryRawStream', {
        streamArn: this.value('telemetryRawStreamArn'),
        encryptionKey: this.key,
      }),
    );
  }

  /** `unicorn-telemetry-clean`. */
  public get telemetryCleanStream(): kinesis.IStream {
    return this.handle('TelemetryCleanStream', () =>
      kinesis.Stream.fromStreamAttributes(this, 'TelemetryCleanStream', {
        streamArn: this.value('telemetryCleanStreamArn'),
        encryptionKey: this.key,
      }),
    );
  }

  /**
   * `UnicornSensorData`, for reads and writes (`grantReadData`, `grantWriteData`, ...). It has no
   * stream ARN; consume the change stream through {@link sensorTableStream}.
   */
  public get sensorTable(): dynamodb.ITable {
    return this.handle('SensorTable', () =>
      dynamodb.Table.fromTableAttributes(this, 'SensorTable', {
        tableArn: this.value('sensorTableArn'),
        encryptionKey: this.key,
      }),
    );
  }

  /**
   * `UnicornSensorData` as the source of its change stream (`DynamoEventSource`,
   * `grantStreamRead`). Its table ARN is derived from the stream ARN (`<table ARN>/stream/<label>`),
   * so a stream consumer references one parameter, and a writer that never reads the stream none
   * of it: CloudFormation warns about parameters a template declares but never uses.
   */
  public get sensorTableStream(): dynamodb.ITable {
    return this.handle('SensorTableStream', () => {
      const tableStreamArn = this.value('sensorTableStreamArn');
      return dynamodb.Table.fromTableAttributes(this, 'SensorTableStream', {
        tableArn: Fn.select(0, Fn.split('/stream/', tableStreamArn)),
        tableStreamArn,
        encryptionKey: this.key,
      });
    });
  }

  /**
   * The quarantine bucket (SSE-KMS with the platform key). Imported from its ARN alone (the name,
   * if asked for, is derived from it), so granting on it declares one parameter.
   */
  public get quarantineBucket(): s3.IBucket {
    return this.handle('QuarantineBucket', () =>
      s3.Bucket.fromBucketAttributes(this, 'QuarantineBucket', {
        bucketArn: this.value('quarantineBucketArn'),
        encryptionKey: this.key,
      }),
    );
  }

  /**
   * The failure bucket (SSE-KMS with the platform key): Lambda's S3 on-failure destination of
   * every stream event source mapping. Imported from its ARN alone, like the quarantine bucket.
   */
  public get failureBucket(): s3.IBucket {
    return this.handle('FailureBucket', () =>
      s3.Bucket.fromBucketAttributes(this, 'FailureBucket', {
        bucketArn: this.value('failureBucketArn'),
        encryptionKey: this.key,
      }),
    );
  }

  /** The topic every alarm notifies (SSE-KMS; CloudWatch alarms of this account may publish). */
  public get alarmTopic(): sns.ITopic {
    return this.handle('AlarmTopic', () => sns.Topic.fromTopicArn(this, 'AlarmTopic', this.value('alarmTopicArn')));
  }

  /**
   * The default actions of every alarm: notify {@link alarmTopic}. The function constructs run
   * them on ALARM and on OK unless given `alarmActions` of their own.
   *
   * @example
   * ```ts
   * alarm.addAlarmAction(...platform.alarmActions);
   * ```
   */
  public get alarmActions(): readonly cloudwatch.IAlarmAction[] {
    return [new cloudwatchActions.SnsAction(this.alarmTopic)];
  }

  /**
   * `wildrydes-bus`. Its ARN and name each read their own parameter on first use: a rule on the
   * bus declares the name parameter only, `grantPutEventsTo` the ARN parameter only. EventBridge
   * itself holds the key permissions, so `grantPutEventsTo` needs none.
   */
  public get eventBus(): events.IEventBus {
    return this.handle(
      'EventBus',
      () =>
        new PlatformEventBus(this, 'EventBus', {
          arn: () => this.value('eventBusArn'),
          name: () => this.value('eventBusName'),
        }),
    );
  }

  public get telemetryRawStreamName(): string {
    return this.value('telemetryRawStreamName');
  }

  public get telemetryCleanStreamName(): string {
    return this.value('telemetryCleanStreamName');
  }

  public get sensorTableName(): string {
    return this.value('sensorTableName');
  }

  public get quarantineBucketName(): string {
    return this.value('quarantineBucketName');
  }

  public get eventBusName(): string {
    return this.value('eventBusName');
  }

  /**
   * Lets `grantee` put quarantined records under `keyPrefix`, and nothing else: `s3:PutObject`
   * on `<bucket>/<keyPrefix>*` plus `kms:GenerateDataKey` on the platform key (SSE-KMS), instead
   * of `grantPut`'s tagging, retention, legal-hold and `s3:Abort*` actions. The object-key
   * wildcard this needs is suppressed for cdk-nag (AwsSolutions-IAM5) on the grantee's role.
   *
   * @param keyPrefix @default '' (the whole bucket)
   * @example
   * ```ts
   * platform.grantQuarantineWrite(consumer.fn, 'kinesis-ddb-writer/');
   * ```
   */
  public grantQuarantineWrite(grantee: iam.IGrantable, keyPrefix = ''): iam.Grant {
    const grant = iam.Grant.addToPrincipal({
      grantee,
      actions: ['s3:PutObject'],
      resourceArns: [this.quarantineBucket.arnForObjects(`${keyPrefix}*`)],
    });
    this.key.grant(grantee, 'kms:GenerateDataKey');
    const principal = grantee.grantPrincipal;
    if (Construct.isConstruct(principal)) {
      NagSuppressions.addResourceSuppressions(
        principal,
        [
          {
            id: 'AwsSolutions-IAM5',
            reason: `Object ARNs need a key wildcard: s3:PutObject only, on the quarantine bucket's "${keyPrefix}" prefix.`,
            appliesTo: [
              { regex: `/^Resource::<SsmParameterValue[A-Za-z0-9]*quarantinebucketarn[A-Za-z0-9]*>\\/${escapeRegExp(keyPrefix)}\\*$/` },
            ],
          },
        ],
        true,
      );
    }
    return grant;
  }

  private handle<T>(id: string, create: () => T): T {
    if (!this.handles.has(id)) {
      this.handles.set(id, create());
    }
    return this.handles.get(id) as T;
  }
}

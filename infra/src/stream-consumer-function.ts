import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { BUNDLE_ENTRY_FILE } from './declaration/bundle-directory.js';
import { resolveTriggerSettings } from './declaration/defaults.js';
import { resolveEnvironment } from './declaration/environment.js';
import type { StreamFunctionDeclaration, StreamTrigger } from './declaration/types.js';
import { validateDeclaration } from './declaration/validate.js';
import { BundleNotFoundError } from './errors.js';
import type { PlatformImports } from './platform-imports.js';
import { StreamConsumerAlarms } from './stream-consumer-alarms.js';
import { createStreamEventSource } from './stream-event-source.js';
import { resolveBundleDirectory } from './workspace-paths.js';

type StreamTriggerType = StreamTrigger['type'];

/** The Lambda runtime of every function (the newest Node.js the installed aws-cdk-lib knows). */
export const FUNCTION_RUNTIME = lambda.Runtime.NODEJS_24_X;

/** Settings of a {@link StreamConsumerFunction}. */
export interface StreamConsumerFunctionProps {
  /** What the function is and how it consumes its stream; validated before anything is built. */
  readonly declaration: StreamFunctionDeclaration;
  /** The platform, imported in this stack. */
  readonly platform: PlatformImports;
  /**
   * The deployment package.
   * @default lambda.Code.fromAsset(<workspace root>/dist/apps/<declaration.name>), the output of `nx build`
   */
  readonly code?: lambda.Code;
  /**
   * How long the function's logs are kept.
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * IteratorAge (maximum, ms) above which the consumer counts as falling behind.
   * @default 60_000
   */
  readonly iteratorAgeAlarmThresholdMs?: number;
  /**
   * Actions run when any of the alarms fires or recovers.
   * @default - none
   */
  readonly alarmActions?: readonly cloudwatch.IAlarmAction[];
  /**
   * X-Ray tracing mode.
   * @default - Lambda's default (PassThrough), no X-Ray permissions added
   */
  readonly tracing?: lambda.Tracing;
}

/**
 * A stream-consuming Lambda function with safe event-source defaults: ReportBatchItemFailures,
 * bisect on error, bounded retries, a maximum record age, an encrypted on-failure queue, JSON
 * logs in a KMS-encrypted log group with bounded retention, and alarms on iterator age, errors
 * and on-failure messages. Its role can write only its own log group and read only its source;
 * the function stack grants whatever else the handler needs.
 *
 * @example
 * ```ts
 * const platform = PlatformImports.fromParameters(this);
 * const consumer = new StreamConsumerFunction(this, 'Writer', { declaration, platform });
 * platform.sensorTable.grantWriteData(consumer.fn);
 * platform.grantQuarantineWrite(consumer.fn, `${declaration.name}/`);
 * suppressKmsGrantWildcards(consumer.role); // CDK's KMS grants name kms:GenerateDataKey* and kms:ReEncrypt*
 * ```
 */
export class StreamConsumerFunction extends Construct {
  public readonly fn: lambda.Function;
  /** The execution role; grant the handler's other permissions to `fn` (or this role). */
  public readonly role: iam.Role;
  /** Receives the metadata (shard, sequence-number range) of batches Lambda gave up on. */
  public readonly onFailureQueue: sqs.Queue;
  public readonly logGroup: logs.LogGroup;
  public readonly alarms: StreamConsumerAlarms;

  public constructor(scope: Construct, id: string, props: StreamConsumerFunctionProps) {
    super(scope, id);
    const { declaration, platform } = props;
    validateDeclaration(declaration);
    const trigger = resolveTriggerSettings(declaration.trigger);

    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      encryptionKey: platform.key,
    });
    const role = (this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${declaration.name}`,
    }));
    // Instead of the AWSLambdaBasicExecutionRole managed policy (logs:* on every log group).
    this.logGroup.grantWrite(role);

    this.onFailureQueue = new sqs.Queue(this, 'OnFailureQueue', {
      // The messages hold only shard and sequence-number metadata, never record payloads,
      // so SQS-managed encryption suffices and the role needs no KMS permission to send.
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });

    this.fn = new lambda.Function(this, 'Function', {
      description: declaration.description,
      runtime: FUNCTION_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      handler: declaration.handler,
      code: props.code ?? StreamConsumerFunction.bundleCode(declaration.name),
      memorySize: declaration.memorySizeMb,
      timeout: Duration.seconds(declaration.timeoutSeconds),
      reservedConcurrentExecutions: declaration.reservedConcurrency,
      role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing: props.tracing,
      environment: {
        POWERTOOLS_SERVICE_NAME: declaration.name,
        ...resolveEnvironment(declaration.environment, (name) => platform.value(name)),
      },
    });
    this.fn.addEventSource(createStreamEventSource(trigger, platform, this.onFailureQueue));

    this.alarms = new StreamConsumerAlarms(this, 'Alarms', {
      fn: this.fn,
      onFailureQueue: this.onFailureQueue,
      functionName: declaration.name,
      iteratorAgeAlarmThresholdMs: props.iteratorAgeAlarmThresholdMs,
      alarmActions: props.alarmActions,
    });
    this.addNagSuppressions(role, trigger.type, props.tracing);
  }

  /** The `nx build` output of a function, failing early with a hint when it is missing. */
  public static bundleCode(name: string): lambda.Code {
    const directory = resolveBundleDirectory(name);
    if (!existsSync(join(directory, BUNDLE_ENTRY_FILE))) {
      throw new BundleNotFoundError(name, directory);
    }
    return lambda.Code.fromAsset(directory);
  }

  private addNagSuppressions(role: iam.Role, triggerType: StreamTriggerType, tracing?: lambda.Tracing): void {
    NagSuppressions.addResourceSuppressions(this.onFailureQueue, [
      {
        id: 'AwsSolutions-SQS3',
        reason: 'This queue is itself the on-failure destination (DLQ) of the event source mapping; a DLQ of a DLQ adds nothing.',
      },
    ]);
    const unscopableActions = [
      ...(triggerType === 'dynamodb-stream' ? ['dynamodb:ListStreams (granted by the DynamoDB event source)'] : []),
      ...(tracing === lambda.Tracing.ACTIVE ? ['xray:PutTraceSegments and xray:PutTelemetryRecords (active tracing)'] : []),
    ];
    if (unscopableActions.length > 0) {
      NagSuppressions.addResourceSuppressions(
        role,
        [
          {
            id: 'AwsSolutions-IAM5',
            reason: `Resource "*" only for actions that support no resource-level permissions: ${unscopableActions.join('; ')}.`,
            appliesTo: ['Resource::*'],
          },
        ],
        true,
      );
    }
  }
}

import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Duration } from 'aws-cdk-lib';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { resolveTriggerSettings } from './declaration/defaults.js';
import type { StreamFunctionDeclaration } from './declaration/types.js';
import { validateDeclarationOfKind } from './declaration-kind.js';
import { DeclaredFunction, type AlarmedFunctionOptions } from './declared-function.js';
import { StreamConsumerAlarms } from './stream-consumer-alarms.js';
import { createStreamEventSource } from './stream-event-source.js';

/** Settings of a {@link StreamConsumerFunction}. */
export interface StreamConsumerFunctionProps extends AlarmedFunctionOptions {
  /** What the function is and how it consumes its stream; validated before anything is built. */
  readonly declaration: StreamFunctionDeclaration;
  /**
   * IteratorAge (maximum, ms) above which the consumer counts as falling behind.
   * @default 60_000
   */
  readonly iteratorAgeAlarmThresholdMs?: number;
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
    validateDeclarationOfKind(props.declaration, 'StreamConsumerFunction', ['kinesis', 'dynamodb-stream']);
    super(scope, id);
    const { declaration, platform } = props;
    const trigger = resolveTriggerSettings(declaration.trigger);

    // 'Default' keeps the logical IDs of the function, role and log group as they were when
    // this construct created them itself.
    const declared = new DeclaredFunction(this, 'Default', props);
    this.fn = declared.fn;
    this.role = declared.role;
    this.logGroup = declared.logGroup;

    this.onFailureQueue = new sqs.Queue(this, 'OnFailureQueue', {
      // The messages hold only shard and sequence-number metadata, never record payloads,
      // so SQS-managed encryption suffices and the role needs no KMS permission to send.
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.fn.addEventSource(createStreamEventSource(trigger, platform, this.onFailureQueue));

    this.alarms = new StreamConsumerAlarms(this, 'Alarms', {
      fn: this.fn,
      onFailureQueue: this.onFailureQueue,
      functionName: declaration.name,
      iteratorAgeAlarmThresholdMs: props.iteratorAgeAlarmThresholdMs,
      alarmActions: props.alarmActions,
    });

    NagSuppressions.addResourceSuppressions(this.onFailureQueue, [
      {
        id: 'AwsSolutions-SQS3',
        reason: 'This queue is itself the on-failure destination (DLQ) of the event source mapping; a DLQ of a DLQ adds nothing.',
      },
    ]);
    if (trigger.type === 'dynamodb-stream') {
      NagSuppressions.addResourceSuppressions(
        this.role,
        [
          {
            id: 'AwsSolutions-IAM5',
            reason:
              'Resource "*" only for dynamodb:ListStreams (granted by the DynamoDB event source), ' +
              'which supports no resource-level permissions.',
            appliesTo: ['Resource::*'],
          },
        ],
        true,
      );
    }
  }

  /**
   * The `nx build` output of a function, failing early with a hint when it is missing.
   * @see DeclaredFunction.bundleCode
   */
  public static bundleCode(name: string): lambda.Code {
    return DeclaredFunction.bundleCode(name);
  }
}

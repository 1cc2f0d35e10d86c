import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { resolveTriggerSettings } from './declaration/defaults.js';
import type { StreamFunctionDeclaration } from './declaration/types.js';
import { validateDeclarationOfKind } from './declaration-kind.js';
import { DeclaredFunction, type AlarmedFunctionOptions } from './declared-function.js';
import { FailureBucketDestination, ON_FAILURE_KEY_PREFIX } from './failure-bucket-destination.js';
import { functionParameterPath } from './function-parameters.js';
import { StreamConsumerAlarms, requireQuarantineThreshold } from './stream-consumer-alarms.js';
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
  /**
   * Records quarantined within five minutes above which the quarantine alarm fires.
   * @default 0 (any quarantined record)
   */
  readonly quarantinedRecordsAlarmThreshold?: number;
}

/**
 * A stream-consuming Lambda function with safe event-source defaults: ReportBatchItemFailures,
 * bisect on error, bounded retries, a maximum record age, the platform's failure bucket as S3
 * on-failure destination (Lambda stores the invocation record there with the whole batch),
 * event-source-mapping metrics, JSON logs in a KMS-encrypted log group with bounded retention,
 * and alarms (see {@link StreamConsumerAlarms}) that notify the platform's alarm topic unless
 * `alarmActions` says otherwise. Its role can write only its own log group, read only its source
 * and put objects only under `aws/lambda/` in the failure bucket; the function stack grants
 * whatever else the handler needs.
 *
 * It writes the SSM parameter `/wildrydes/functions/<name>/on-failure-prefix`, the key prefix
 * `aws/lambda/<ESM-UUID>/` of its mapping's invocation records, so `npm run redrive -- --function
 * <name>` finds what it gave up on.
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
  public readonly logGroup: logs.LogGroup;
  /** The UUID of the event source mapping (its `Ref`). */
  public readonly eventSourceMappingId: string;
  /** `/wildrydes/functions/<name>/on-failure-prefix` = `aws/lambda/<ESM-UUID>/`. */
  public readonly onFailurePrefixParameter: ssm.StringParameter;
  public readonly alarms: StreamConsumerAlarms;
  /** What every alarm of this function runs on ALARM and OK; use them for the stack's own alarms. */
  public readonly alarmActions: readonly cloudwatch.IAlarmAction[];

  public constructor(scope: Construct, id: string, props: StreamConsumerFunctionProps) {
    validateDeclarationOfKind(props.declaration, 'StreamConsumerFunction', ['kinesis', 'dynamodb-stream']);
    requireQuarantineThreshold(props.quarantinedRecordsAlarmThreshold);
    super(scope, id);
    const { declaration, platform } = props;
    const trigger = resolveTriggerSettings(declaration.trigger);

    // 'Default' keeps the logical IDs of the function, role and log group as they were when
    // this construct created them itself.
    const declared = new DeclaredFunction(this, 'Default', props);
    this.fn = declared.fn;
    this.role = declared.role;
    this.logGroup = declared.logGroup;

    const source = createStreamEventSource(trigger, platform, new FailureBucketDestination(platform.failureBucket));
    this.fn.addEventSource(source);
    this.eventSourceMappingId = source.eventSourceMappingId;

    this.onFailurePrefixParameter = new ssm.StringParameter(this, 'OnFailurePrefixParameter', {
      parameterName: functionParameterPath(declaration.name, 'onFailurePrefix'),
      stringValue: `${ON_FAILURE_KEY_PREFIX}${this.eventSourceMappingId}/`,
      description: `Where Lambda writes what ${declaration.name} gave up on, in the platform's failure bucket`,
      tier: ssm.ParameterTier.STANDARD,
    });

    this.alarmActions = props.alarmActions ?? platform.alarmActions;
    this.alarms = new StreamConsumerAlarms(this, 'Alarms', {
      fn: this.fn,
      eventSourceMappingId: this.eventSourceMappingId,
      logGroup: this.logGroup,
      functionName: declaration.name,
      iteratorAgeAlarmThresholdMs: props.iteratorAgeAlarmThresholdMs,
      quarantinedRecordsAlarmThreshold: props.quarantinedRecordsAlarmThreshold,
      alarmActions: this.alarmActions,
    });
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

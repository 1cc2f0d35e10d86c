import { Duration } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { resolveEventRuleSettings } from './declaration/event-rule-defaults.js';
import type { EventRuleFunctionDeclaration } from './declaration/types.js';
import { validateDeclarationOfKind } from './declaration-kind.js';
import { DeclaredFunction, type AlarmedFunctionOptions } from './declared-function.js';
import { EventRuleFunctionAlarms } from './event-rule-function-alarms.js';
import { functionParameterPath, type FunctionParameterName } from './function-parameters.js';

/** Settings of an {@link EventRuleFunction}. */
export interface EventRuleFunctionProps extends AlarmedFunctionOptions {
  /** What the function is and which events it receives; validated before anything is built. */
  readonly declaration: EventRuleFunctionDeclaration;
}

/** Queues here hold events for days while someone fixes the cause and re-drives them. */
const QUEUE_RETENTION = Duration.days(14);

/**
 * A Lambda function that is the target of an EventBridge rule on the platform bus, built from
 * its declaration. Every matching event ends in the handler, in the dead-letter queue or in the
 * on-failure queue:
 *
 * - EventBridge delivers to Lambda with a bounded retry policy (`retryAttempts`,
 *   `maxEventAgeSeconds`); what it cannot deliver goes to the encrypted, TLS-only dead-letter
 *   queue, whose policy admits only this rule.
 * - Lambda invokes the handler asynchronously and retries a throw (`functionRetryAttempts`,
 *   `functionMaxEventAgeSeconds`); what still fails goes to the on-failure queue.
 *
 * Alarms cover handler errors, both queues, and the rule's `FailedInvocations` and
 * `InvocationsFailedToBeSentToDlq`; they notify the platform's alarm topic unless `alarmActions`
 * says otherwise. Both queue URLs are published as SSM parameters
 * (`/wildrydes/functions/<name>/dead-letter-queue-url` and `.../on-failure-queue-url`), so
 * `npm run redrive -- --function <name>` finds them.
 *
 * @example
 * ```ts
 * const platform = PlatformImports.fromParameters(this);
 * const consumer = new EventRuleFunction(this, 'Consumer', { declaration, platform });
 * table.grant(consumer.fn, 'dynamodb:UpdateItem');
 * ```
 */
export class EventRuleFunction extends Construct {
  public readonly fn: lambda.Function;
  /** The execution role; grant the handler's other permissions to `fn` (or this role). */
  public readonly role: iam.Role;
  public readonly logGroup: logs.LogGroup;
  /** The rule on the platform bus, with the declaration's event pattern. */
  public readonly rule: events.Rule;
  /** Events EventBridge could not deliver to the function (the event itself, with error attributes). */
  public readonly deadLetterQueue: sqs.Queue;
  /** Invocation records (request payload, error) of events the handler failed on after Lambda's retries. */
  public readonly onFailureQueue: sqs.Queue;
  public readonly alarms: EventRuleFunctionAlarms;
  /** What every alarm of this function runs on ALARM and OK; use them for the stack's own alarms. */
  public readonly alarmActions: readonly cloudwatch.IAlarmAction[];
  /** `/wildrydes/functions/<name>/dead-letter-queue-url` and `.../on-failure-queue-url`. */
  public readonly queueUrlParameters: Readonly<Record<'deadLetterQueueUrl' | 'onFailureQueueUrl', ssm.StringParameter>>;

  public constructor(scope: Construct, id: string, props: EventRuleFunctionProps) {
    validateDeclarationOfKind(props.declaration, 'EventRuleFunction', ['eventbridge-rule']);
    super(scope, id);
    const { declaration, platform } = props;
    const trigger = resolveEventRuleSettings(declaration.trigger);

    const declared = new DeclaredFunction(this, 'Default', props);
    this.fn = declared.fn;
    this.role = declared.role;
    this.logGroup = declared.logGroup;

    // SQS-managed encryption: EventBridge and Lambda can send to it without key-policy changes,
    // and the function's role needs no KMS permission.
    const newQueue = (queueId: string): sqs.Queue =>
      new sqs.Queue(this, queueId, {
        encryption: sqs.QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        retentionPeriod: QUEUE_RETENTION,
      });
    this.deadLetterQueue = newQueue('DeadLetterQueue');
    this.onFailureQueue = newQueue('OnFailureQueue');

    this.fn.configureAsyncInvoke({
      retryAttempts: trigger.functionRetryAttempts,
      maxEventAge: Duration.seconds(trigger.functionMaxEventAgeSeconds),
      onFailure: new SqsDestination(this.onFailureQueue),
    });

    this.rule = new events.Rule(this, 'Rule', {
      eventBus: platform.eventBus,
      description: `Events for ${declaration.name}`,
      // A copy: CDK merges later patterns into the one it holds, which must not touch the declaration.
      eventPattern: structuredClone(trigger.eventPattern) as events.EventPattern,
    });
    // Adds the invoke permission for this rule, and the dead-letter queue policy statement that
    // lets events.amazonaws.com send to it only on behalf of this rule.
    this.rule.addTarget(
      new targets.LambdaFunction(this.fn, {
        retryAttempts: trigger.retryAttempts,
        maxEventAge: Duration.seconds(trigger.maxEventAgeSeconds),
        deadLetterQueue: this.deadLetterQueue,
      }),
    );

    const queueUrlParameter = (name: FunctionParameterName & `${string}QueueUrl`, queue: sqs.IQueue, what: string): ssm.StringParameter =>
      new ssm.StringParameter(this, `${name.charAt(0).toUpperCase()}${name.slice(1)}Parameter`, {
        parameterName: functionParameterPath(declaration.name, name),
        stringValue: queue.queueUrl,
        description: `URL of the queue holding ${what} of ${declaration.name}`,
        tier: ssm.ParameterTier.STANDARD,
      });
    this.queueUrlParameters = {
      deadLetterQueueUrl: queueUrlParameter('deadLetterQueueUrl', this.deadLetterQueue, 'the events EventBridge could not deliver to the function'),
      onFailureQueueUrl: queueUrlParameter('onFailureQueueUrl', this.onFailureQueue, 'the events the handler failed on after its retries'),
    };

    this.alarmActions = props.alarmActions ?? platform.alarmActions;
    this.alarms = new EventRuleFunctionAlarms(this, 'Alarms', {
      fn: this.fn,
      rule: this.rule,
      deadLetterQueue: this.deadLetterQueue,
      onFailureQueue: this.onFailureQueue,
      functionName: declaration.name,
      alarmActions: this.alarmActions,
    });

    NagSuppressions.addResourceSuppressions(this.deadLetterQueue, [
      {
        id: 'AwsSolutions-SQS3',
        reason: 'This queue is itself the dead-letter queue of the EventBridge rule target; a DLQ of a DLQ adds nothing.',
      },
    ]);
    NagSuppressions.addResourceSuppressions(this.onFailureQueue, [
      {
        id: 'AwsSolutions-SQS3',
        reason: "This queue is itself the on-failure destination (DLQ) of the function's asynchronous invocations.",
      },
    ]);
  }
}

import { Fn } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as events from 'aws-cdk-lib/aws-events';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ALARM_PERIOD, addAlarmActions, anyAboveZeroAlarm, functionErrorsAlarm, queueNotEmptyAlarm } from './function-alarms.js';

/** Settings of {@link EventRuleFunctionAlarms}. */
export interface EventRuleFunctionAlarmsProps {
  readonly fn: lambda.IFunction;
  /** A rule on a custom bus (its `Ref` is `<bus name>|<rule name>`). */
  readonly rule: events.IRule;
  /** Where EventBridge puts events it could not deliver to the function. */
  readonly deadLetterQueue: sqs.IQueue;
  /** Where Lambda puts events the handler still failed on after its retries. */
  readonly onFailureQueue: sqs.IQueue;
  /** Used in the alarm descriptions. */
  readonly functionName: string;
  /**
   * Actions run when an alarm fires or recovers.
   * @default - none
   */
  readonly alarmActions?: readonly cloudwatch.IAlarmAction[];
}

/**
 * The alarms of an EventBridge rule target: the handler threw, events wait in the dead-letter
 * queue or the on-failure queue to be re-driven, and the rule failed to deliver events for good
 * (`FailedInvocations`) or even to the dead-letter queue (`InvocationsFailedToBeSentToDlq`: those
 * events are lost). Missing data means no traffic and never alarms.
 */
export class EventRuleFunctionAlarms extends Construct {
  public readonly errors: cloudwatch.Alarm;
  public readonly deadLetterMessages: cloudwatch.Alarm;
  public readonly onFailureMessages: cloudwatch.Alarm;
  public readonly failedInvocations: cloudwatch.Alarm;
  public readonly invocationsFailedToBeSentToDlq: cloudwatch.Alarm;

  public constructor(scope: Construct, id: string, props: EventRuleFunctionAlarmsProps) {
    super(scope, id);
    const { fn, functionName } = props;
    // Metrics of a rule on a custom bus carry both dimensions; CloudFormation gives the rule's
    // name only inside its Ref, `<bus name>|<rule name>`.
    const ruleId = Fn.split('|', props.rule.ruleName);
    const ruleMetric = (metricName: string): cloudwatch.Metric =>
      new cloudwatch.Metric({
        namespace: 'AWS/Events',
        metricName,
        dimensionsMap: { EventBusName: Fn.select(0, ruleId), RuleName: Fn.select(1, ruleId) },
        statistic: cloudwatch.Stats.SUM,
        period: ALARM_PERIOD,
      });

    this.errors = functionErrorsAlarm(this, fn, `${functionName} threw (Lambda retries the event, then sends it to the on-failure queue)`);
    this.deadLetterMessages = queueNotEmptyAlarm(
      this,
      'DeadLetterMessages',
      props.deadLetterQueue,
      `EventBridge could not deliver events to ${functionName}: its dead-letter queue has events to re-drive`,
    );
    this.onFailureMessages = queueNotEmptyAlarm(
      this,
      'OnFailureMessages',
      props.onFailureQueue,
      `${functionName} gave up on events after its retries: its on-failure queue has events to re-drive`,
    );
    this.failedInvocations = anyAboveZeroAlarm(
      this,
      'FailedInvocations',
      ruleMetric('FailedInvocations'),
      `The rule of ${functionName} failed to invoke it for good (FailedInvocations)`,
    );
    this.invocationsFailedToBeSentToDlq = anyAboveZeroAlarm(
      this,
      'InvocationsFailedToBeSentToDlq',
      ruleMetric('InvocationsFailedToBeSentToDlq'),
      `Events for ${functionName} were lost: EventBridge could not put them in the dead-letter queue`,
    );
    addAlarmActions(this.all, props.alarmActions);
  }

  /** All five alarms. */
  public get all(): readonly cloudwatch.Alarm[] {
    return [this.errors, this.deadLetterMessages, this.onFailureMessages, this.failedInvocations, this.invocationsFailedToBeSentToDlq];
  }
}

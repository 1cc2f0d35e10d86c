import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ALARM_PERIOD, addAlarmActions, functionErrorsAlarm, queueNotEmptyAlarm } from './function-alarms.js';

/** Settings of {@link StreamConsumerAlarms}. */
export interface StreamConsumerAlarmsProps {
  readonly fn: lambda.IFunction;
  readonly onFailureQueue: sqs.IQueue;
  /** Used in the alarm descriptions. */
  readonly functionName: string;
  /**
   * Alarm when the age of the newest record read (IteratorAge, maximum) stays above this.
   * @default 60_000
   */
  readonly iteratorAgeAlarmThresholdMs?: number;
  /**
   * Actions run when an alarm fires or recovers.
   * @default - none
   */
  readonly alarmActions?: readonly cloudwatch.IAlarmAction[];
}

/**
 * The three alarms every stream consumer has: the consumer falls behind (iterator age), the
 * handler throws (errors), and batches were given up on (on-failure queue not empty).
 * Missing data means no traffic and never alarms.
 */
export class StreamConsumerAlarms extends Construct {
  public readonly iteratorAge: cloudwatch.Alarm;
  public readonly errors: cloudwatch.Alarm;
  public readonly onFailureMessages: cloudwatch.Alarm;

  public constructor(scope: Construct, id: string, props: StreamConsumerAlarmsProps) {
    super(scope, id);
    const thresholdMs = props.iteratorAgeAlarmThresholdMs ?? 60_000;
    const { fn, functionName } = props;

    this.iteratorAge = new cloudwatch.Alarm(this, 'IteratorAge', {
      alarmDescription: `${functionName} is falling behind its stream: IteratorAge above ${thresholdMs} ms for 3 of 5 minutes`,
      metric: fn.metric('IteratorAge', { statistic: cloudwatch.Stats.MAXIMUM, period: ALARM_PERIOD }),
      threshold: thresholdMs,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 5,
      datapointsToAlarm: 3,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.errors = functionErrorsAlarm(this, fn, `${functionName} threw (whole batches failed and will be retried)`);
    this.onFailureMessages = queueNotEmptyAlarm(
      this,
      'OnFailureMessages',
      props.onFailureQueue,
      `${functionName} gave up on records: its on-failure queue has messages to re-drive`,
    );
    addAlarmActions(this.all, props.alarmActions);
  }

  /** All three alarms. */
  public get all(): readonly cloudwatch.Alarm[] {
    return [this.iteratorAge, this.errors, this.onFailureMessages];
  }
}

import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/** The period of every function alarm. */
export const ALARM_PERIOD = Duration.minutes(1);

/**
 * An alarm that fires as soon as `metric` is above zero in one one-minute period. Missing data
 * means no traffic and never alarms.
 */
export function anyAboveZeroAlarm(scope: Construct, id: string, metric: cloudwatch.IMetric, alarmDescription: string): cloudwatch.Alarm {
  return new cloudwatch.Alarm(scope, id, {
    alarmDescription,
    metric,
    threshold: 0,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
}

/** Fires when the function threw (Lambda `Errors`, sum per minute, above zero). */
export function functionErrorsAlarm(scope: Construct, fn: lambda.IFunction, alarmDescription: string): cloudwatch.Alarm {
  return anyAboveZeroAlarm(scope, 'Errors', fn.metricErrors({ statistic: cloudwatch.Stats.SUM, period: ALARM_PERIOD }), alarmDescription);
}

/** Fires when a queue holds messages (`ApproximateNumberOfMessagesVisible`, maximum per minute, above zero). */
export function queueNotEmptyAlarm(scope: Construct, id: string, queue: sqs.IQueue, alarmDescription: string): cloudwatch.Alarm {
  return anyAboveZeroAlarm(
    scope,
    id,
    queue.metricApproximateNumberOfMessagesVisible({ statistic: cloudwatch.Stats.MAXIMUM, period: ALARM_PERIOD }),
    alarmDescription,
  );
}

/** Runs each action when any of the alarms fires and when it recovers. */
export function addAlarmActions(alarms: readonly cloudwatch.Alarm[], actions: readonly cloudwatch.IAlarmAction[] = []): void {
  for (const alarm of alarms) {
    for (const action of actions) {
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
    }
  }
}

import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/** The namespace of the metrics the functions' log lines are turned into. */
export const LOG_METRIC_NAMESPACE = 'WildRydes';

/** The window a log-metric alarm sums over. */
export const LOG_METRIC_ALARM_PERIOD = Duration.minutes(5);

/** Settings of {@link logMetricAlarm}. */
export interface LogMetricAlarmProps {
  /** The function's log group (Powertools Logger JSON lines). */
  readonly logGroup: logs.ILogGroup;
  /** Which log lines count, e.g. `{ $.message = "batch processed" && $.quarantined > 0 }`. */
  readonly filterPattern: logs.IFilterPattern;
  /** The metric's name in {@link LOG_METRIC_NAMESPACE}, e.g. `'QuarantinedRecords'`. */
  readonly metricName: string;
  /** What one matching line adds: a field (`'$.quarantined'`) or a number (`'1'`). */
  readonly metricValue: string;
  /** The Nx project name: the metric's `FunctionName` dimension (the lines' Powertools `service` field). */
  readonly functionName: string;
  /** The alarm fires when the sum over {@link LOG_METRIC_ALARM_PERIOD} is above this. */
  readonly threshold: number;
  readonly alarmDescription: string;
}

/**
 * A CloudWatch Logs metric filter on a function's log group and an alarm on the metric it
 * publishes. The metric is `WildRydes/<metricName>` with the dimension `FunctionName`, taken from
 * the `service` field Powertools Logger writes on every line (a metric filter's dimension values
 * must be fields of the log event: CloudWatch Logs User Guide, "Publishing dimensions with metrics
 * from values in JSON or space-delimited log events"); every function's logger is named after its
 * project. The alarm sums over five minutes; missing data means nothing matched and never alarms.
 *
 * @example
 * ```ts
 * const { alarm } = logMetricAlarm(this, 'QuarantinedRecords', {
 *   logGroup, functionName: 'kinesis-ddb-writer', metricName: 'QuarantinedRecords', metricValue: '$.quarantined', threshold: 0,
 *   filterPattern: logs.FilterPattern.all(
 *     logs.FilterPattern.stringValue('$.message', '=', 'batch processed'),
 *     logs.FilterPattern.numberValue('$.quarantined', '>', 0),
 *   ),
 *   alarmDescription: 'kinesis-ddb-writer quarantined records',
 * });
 * ```
 */
export function logMetricAlarm(
  scope: Construct,
  id: string,
  props: LogMetricAlarmProps,
): { readonly filter: logs.MetricFilter; readonly metric: cloudwatch.Metric; readonly alarm: cloudwatch.Alarm } {
  const filter = new logs.MetricFilter(scope, `${id}Filter`, {
    logGroup: props.logGroup,
    filterPattern: props.filterPattern,
    metricNamespace: LOG_METRIC_NAMESPACE,
    metricName: props.metricName,
    metricValue: props.metricValue,
    dimensions: { FunctionName: '$.service' },
  });
  const metric = new cloudwatch.Metric({
    namespace: LOG_METRIC_NAMESPACE,
    metricName: props.metricName,
    dimensionsMap: { FunctionName: props.functionName },
    statistic: cloudwatch.Stats.SUM,
    period: LOG_METRIC_ALARM_PERIOD,
  });
  const alarm = new cloudwatch.Alarm(scope, id, {
    alarmDescription: props.alarmDescription,
    metric,
    threshold: props.threshold,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
  return { filter, metric, alarm };
}

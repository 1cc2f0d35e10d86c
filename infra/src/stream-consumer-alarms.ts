import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { InfraError } from './errors.js';
import { ALARM_PERIOD, addAlarmActions, anyAboveZeroAlarm, functionErrorsAlarm } from './function-alarms.js';
import { logMetricAlarm } from './log-metric-alarm.js';

/** Settings of {@link StreamConsumerAlarms}. */
export interface StreamConsumerAlarmsProps {
  readonly fn: lambda.IFunction;
  /** The UUID of the function's event source mapping (its `Ref`), with `EventCount` metrics on. */
  readonly eventSourceMappingId: string;
  /** The function's log group, where the handler logs its `batch processed` summary. */
  readonly logGroup: logs.ILogGroup;
  /** The Nx project name: used in the alarm descriptions and as the quarantine metric's dimension. */
  readonly functionName: string;
  /**
   * Alarm when the age of the newest record read (IteratorAge, maximum) stays above this.
   * @default 60_000
   */
  readonly iteratorAgeAlarmThresholdMs?: number;
  /**
   * Alarm when more records than this were quarantined within five minutes.
   * @default 0 (any quarantined record)
   */
  readonly quarantinedRecordsAlarmThreshold?: number;
  /**
   * Actions run when an alarm fires or recovers.
   * @default - none
   */
  readonly alarmActions?: readonly cloudwatch.IAlarmAction[];
}

/**
 * `threshold` (records quarantined in five minutes) when it is a whole number, 0 or more.
 *
 * @param threshold @default 0
 * @throws {InfraError} naming the value given, otherwise
 * @example
 * ```ts
 * requireQuarantineThreshold(undefined); // 0
 * requireQuarantineThreshold(-1); // throws: quarantinedRecordsAlarmThreshold must be a whole number of records, 0 or more (given -1)
 * ```
 */
export function requireQuarantineThreshold(threshold = 0): number {
  if (!Number.isInteger(threshold) || threshold < 0) {
    throw new InfraError(`quarantinedRecordsAlarmThreshold must be a whole number of records, 0 or more (given ${threshold})`);
  }
  return threshold;
}

/**
 * The alarms every stream consumer has. Missing data means no traffic and never alarms.
 *
 * - `iteratorAge`: the consumer falls behind its stream (IteratorAge, maximum, 3 of 5 minutes).
 * - `errors`: the handler threw (whole batches failed and will be retried).
 * - `onFailureDelivered`: Lambda gave up on records and wrote their batch to the on-failure
 *   destination, to be re-driven (`OnFailureDestinationDeliveredEventCount` of the mapping,
 *   dimension `EventSourceMappingUUID`: Lambda Developer Guide, "Event source mapping metrics";
 *   needs the mapping's `EventCount` metrics).
 * - `destinationDeliveryFailures`: Lambda could not even write a batch it gave up on to the
 *   destination: those records are lost (`DestinationDeliveryFailures` of the function).
 * - `quarantinedRecords`: the handler quarantined records, from the `quarantined` count of its
 *   `batch processed` log line (`WildRydes/QuarantinedRecords`, see {@link logMetricAlarm}).
 */
export class StreamConsumerAlarms extends Construct {
  public readonly iteratorAge: cloudwatch.Alarm;
  public readonly errors: cloudwatch.Alarm;
  public readonly onFailureDelivered: cloudwatch.Alarm;
  public readonly destinationDeliveryFailures: cloudwatch.Alarm;
  public readonly quarantinedRecords: cloudwatch.Alarm;

  public constructor(scope: Construct, id: string, props: StreamConsumerAlarmsProps) {
    const quarantineThreshold = requireQuarantineThreshold(props.quarantinedRecordsAlarmThreshold);
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
    this.onFailureDelivered = anyAboveZeroAlarm(
      this,
      'OnFailureDelivered',
      new cloudwatch.Metric({
        namespace: 'AWS/Lambda',
        metricName: 'OnFailureDestinationDeliveredEventCount',
        dimensionsMap: { EventSourceMappingUUID: props.eventSourceMappingId },
        statistic: cloudwatch.Stats.SUM,
        period: ALARM_PERIOD,
      }),
      `${functionName} gave up on records after its retries: their batches are in the failure bucket, ` +
        `re-drive them with \`npm run redrive -- --function ${functionName}\` once the cause is fixed`,
    );
    this.destinationDeliveryFailures = anyAboveZeroAlarm(
      this,
      'DestinationDeliveryFailures',
      fn.metric('DestinationDeliveryFailures', { statistic: cloudwatch.Stats.SUM, period: ALARM_PERIOD }),
      `Records of ${functionName} were lost: Lambda gave up on them and could not write them to the failure bucket`,
    );
    this.quarantinedRecords = logMetricAlarm(this, 'QuarantinedRecords', {
      logGroup: props.logGroup,
      filterPattern: logs.FilterPattern.all(
        logs.FilterPattern.stringValue('$.message', '=', 'batch processed'),
        logs.FilterPattern.numberValue('$.quarantined', '>', 0),
      ),
      metricName: 'QuarantinedRecords',
      metricValue: '$.quarantined',
      functionName,
      threshold: quarantineThreshold,
      alarmDescription:
        `${functionName} quarantined more than ${quarantineThreshold} record(s) in 5 minutes ` +
        '(they can never succeed as they are: see the quarantine, fix, then `npm run redrive`)',
    }).alarm;
    addAlarmActions(this.all, props.alarmActions);
  }

  /** All five alarms. */
  public get all(): readonly cloudwatch.Alarm[] {
    return [this.iteratorAge, this.errors, this.onFailureDelivered, this.destinationDeliveryFailures, this.quarantinedRecords];
  }
}

import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { ALARM_PERIOD, addAlarmActions, anyAboveZeroAlarm, functionErrorsAlarm } from './function-alarms.js';

/** Settings of {@link HttpFunctionAlarms}. */
export interface HttpFunctionAlarmsProps {
  readonly fn: lambda.IFunction;
  /** Used in the alarm descriptions. */
  readonly functionName: string;
  /**
   * Actions run when an alarm fires or recovers.
   * @default - none
   */
  readonly alarmActions?: readonly cloudwatch.IAlarmAction[];
}

/**
 * The alarms of a function behind a Function URL: the handler threw (the caller got a 5xx), and
 * requests were throttled (the caller got a 429 and must retry). Missing data means no traffic
 * and never alarms.
 */
export class HttpFunctionAlarms extends Construct {
  public readonly errors: cloudwatch.Alarm;
  public readonly throttles: cloudwatch.Alarm;

  public constructor(scope: Construct, id: string, props: HttpFunctionAlarmsProps) {
    super(scope, id);
    const { fn, functionName } = props;
    this.errors = functionErrorsAlarm(this, fn, `${functionName} threw (callers got a server error)`);
    this.throttles = anyAboveZeroAlarm(
      this,
      'Throttles',
      fn.metricThrottles({ statistic: cloudwatch.Stats.SUM, period: ALARM_PERIOD }),
      `${functionName} was throttled (callers got 429 Too Many Requests)`,
    );
    addAlarmActions(this.all, props.alarmActions);
  }

  /** Both alarms. */
  public get all(): readonly cloudwatch.Alarm[] {
    return [this.errors, this.throttles];
  }
}

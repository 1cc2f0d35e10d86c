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
 * The alarms of a function behind a Function URL: the handler threw (the caller got a 5xx), the
 * URL answered with any server error, and requests were throttled (the caller got a 429 and must
 * retry). Missing data means no traffic and never alarms.
 *
 * The server-error alarm watches the URL's `Url5xxCount`, not the function's `Errors`: a handler
 * that catches a failure and answers its own 500 or 503 (as one does when it cannot pass a request
 * on) returns normally, so Lambda counts no error, yet the caller got a server error.
 */
export class HttpFunctionAlarms extends Construct {
  public readonly errors: cloudwatch.Alarm;
  /** The URL answered 5xx: the handler threw, timed out, or returned a 5xx status itself. */
  public readonly serverErrors: cloudwatch.Alarm;
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
    this.serverErrors = anyAboveZeroAlarm(
      this,
      'ServerErrors',
      fn.metric('Url5xxCount', { statistic: cloudwatch.Stats.SUM, period: ALARM_PERIOD }),
      `${functionName}'s URL answered with a server error (5xx), including the 500/503 responses the handler returns itself`,
    );
    addAlarmActions(this.all, props.alarmActions);
  }

  /** Every alarm: errors, server errors, throttles. */
  public get all(): readonly cloudwatch.Alarm[] {
    return [this.errors, this.serverErrors, this.throttles];
  }
}

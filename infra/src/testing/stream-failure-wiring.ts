import type { Template } from 'aws-cdk-lib/assertions';
import { functionParameterPath } from '../function-parameters.js';
import { PLATFORM_PARAMETERS } from '../platform-parameters.js';
import { alarmNotifications, grantsOnBucket, parameterIdFor } from './template-data.js';

/** The alarms every stream consumer has, by metric name (sorted). */
export const STREAM_CONSUMER_ALARM_METRICS = Object.freeze(
  ['DestinationDeliveryFailures', 'Errors', 'IteratorAge', 'OnFailureDestinationDeliveredEventCount', 'QuarantinedRecords'].sort(),
);

/** How a stream function's stack handles what Lambda gives up on, and who is told, as plain data. */
export interface StreamFailureWiring {
  /** The event source mapping's on-failure destination and its metrics. */
  readonly mapping: { readonly destination: unknown; readonly metrics: unknown };
  /** The value of the function's `on-failure-prefix` SSM parameter. */
  readonly onFailurePrefix: unknown;
  /** What the role may do on the failure bucket. */
  readonly failureBucketGrants: ReturnType<typeof grantsOnBucket>;
  /** The alarms' metric names, sorted. */
  readonly alarmMetrics: readonly string[];
  /** The alarm and OK actions of every alarm. */
  readonly alarmActions: ReadonlyArray<{ readonly alarmActions: unknown; readonly okActions: unknown }>;
  /** The dimensions of the quarantined-records alarm. */
  readonly quarantineAlarmDimensions: unknown;
}

interface AlarmProperties {
  readonly MetricName: string;
  readonly Dimensions?: unknown;
}

/**
 * The failure wiring of a stream function's stack, read from its template: compare it with
 * {@link expectedStreamFailureWiring} (Lambda Developer Guide, "Retain discarded batch records
 * for a Kinesis Data Streams event source in Lambda": the S3 destination needs s3:PutObject and
 * s3:ListBucket; Lambda names the objects `aws/lambda/<ESM-UUID>/...`).
 *
 * @example
 * ```ts
 * expect(streamFailureWiring(template, 'kinesis-ddb-writer')).toEqual(expectedStreamFailureWiring(template, 'kinesis-ddb-writer'));
 * ```
 */
export function streamFailureWiring(template: Template, functionName: string): StreamFailureWiring {
  const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping'));
  const mapping = (mappings[0]?.['Properties'] ?? {}) as { DestinationConfig?: { OnFailure?: { Destination?: unknown } }; MetricsConfig?: { Metrics?: unknown } };
  const prefixParameter = Object.values(template.findResources('AWS::SSM::Parameter')).find(
    (resource) => (resource['Properties'] as { Name?: unknown }).Name === functionParameterPath(functionName, 'onFailurePrefix'),
  );
  const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((alarm) => alarm['Properties'] as AlarmProperties);
  return {
    mapping: { destination: mapping.DestinationConfig?.OnFailure?.Destination, metrics: mapping.MetricsConfig?.Metrics },
    onFailurePrefix: (prefixParameter?.['Properties'] as { Value?: unknown } | undefined)?.Value,
    failureBucketGrants: grantsOnBucket(template, PLATFORM_PARAMETERS.failureBucketArn),
    alarmMetrics: alarms.map((alarm) => alarm.MetricName).sort(),
    alarmActions: alarmNotifications(template).map(({ alarmActions, okActions }) => ({ alarmActions, okActions })),
    quarantineAlarmDimensions: alarms.find((alarm) => alarm.MetricName === 'QuarantinedRecords')?.Dimensions,
  };
}

/**
 * What {@link streamFailureWiring} must find: the mapping sends what it gives up on to the
 * failure bucket (from its SSM parameter) with EventCount metrics; the function publishes
 * `aws/lambda/<the mapping's Ref>/`; its role may put objects only under `aws/lambda/` and list
 * the bucket; the five stream-consumer alarms, each sending ALARM and OK to the platform alarm
 * topic; quarantined records counted per function.
 */
export function expectedStreamFailureWiring(template: Template, functionName: string): StreamFailureWiring {
  const bucketArn = { Ref: parameterIdFor(template, PLATFORM_PARAMETERS.failureBucketArn) };
  const topic = { Ref: parameterIdFor(template, PLATFORM_PARAMETERS.alarmTopicArn) };
  const [mappingId] = Object.keys(template.findResources('AWS::Lambda::EventSourceMapping'));
  return {
    mapping: { destination: bucketArn, metrics: ['EventCount'] },
    onFailurePrefix: { 'Fn::Join': ['', ['aws/lambda/', { Ref: mappingId }, '/']] },
    failureBucketGrants: [
      { actions: ['s3:PutObject'], resource: { 'Fn::Join': ['', [bucketArn, '/aws/lambda/*']] } },
      { actions: ['s3:ListBucket'], resource: bucketArn },
    ],
    alarmMetrics: STREAM_CONSUMER_ALARM_METRICS,
    alarmActions: STREAM_CONSUMER_ALARM_METRICS.map(() => ({ alarmActions: [topic], okActions: [topic] })),
    quarantineAlarmDimensions: [{ Name: 'FunctionName', Value: functionName }],
  };
}

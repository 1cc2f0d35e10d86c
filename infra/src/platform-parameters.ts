/**
 * The SSM parameter contract between the platform stack and every function stack.
 *
 * The platform stack writes one `String` parameter per entry; function stacks read them at
 * deploy time. Shared resources never travel through CloudFormation exports, so any stack can
 * deploy or roll back on its own. This file is plain data (no CDK imports) so that the local
 * runtime can read it too.
 */

/** Every path starts with this prefix, so `GetParametersByPath` can list the whole contract. */
export const PLATFORM_PARAMETER_PREFIX = '/wildrydes/platform/';

/**
 * Logical name to SSM parameter path.
 *
 * @example
 * ```ts
 * const arn = ssm.StringParameter.valueForStringParameter(this, PLATFORM_PARAMETERS.sensorTableArn);
 * ```
 */
export const PLATFORM_PARAMETERS = {
  telemetryRawStreamName: '/wildrydes/platform/telemetry-raw-stream-name',
  telemetryRawStreamArn: '/wildrydes/platform/telemetry-raw-stream-arn',
  telemetryCleanStreamName: '/wildrydes/platform/telemetry-clean-stream-name',
  telemetryCleanStreamArn: '/wildrydes/platform/telemetry-clean-stream-arn',
  sensorTableName: '/wildrydes/platform/sensor-table-name',
  sensorTableArn: '/wildrydes/platform/sensor-table-arn',
  sensorTableStreamArn: '/wildrydes/platform/sensor-table-stream-arn',
  quarantineBucketName: '/wildrydes/platform/quarantine-bucket-name',
  quarantineBucketArn: '/wildrydes/platform/quarantine-bucket-arn',
  eventBusName: '/wildrydes/platform/event-bus-name',
  eventBusArn: '/wildrydes/platform/event-bus-arn',
  platformKeyArn: '/wildrydes/platform/platform-key-arn',
  failureBucketName: '/wildrydes/platform/failure-bucket-name',
  failureBucketArn: '/wildrydes/platform/failure-bucket-arn',
  alarmTopicArn: '/wildrydes/platform/alarm-topic-arn',
} as const;

/** A logical platform parameter name, e.g. `'sensorTableName'`. */
export type PlatformParameterName = keyof typeof PLATFORM_PARAMETERS;

/** All logical parameter names, in declaration order. */
export const PLATFORM_PARAMETER_NAMES = Object.keys(PLATFORM_PARAMETERS) as readonly PlatformParameterName[];

/** Narrows an unknown value (e.g. from JSON) to a {@link PlatformParameterName}. */
export function isPlatformParameterName(value: unknown): value is PlatformParameterName {
  return typeof value === 'string' && Object.hasOwn(PLATFORM_PARAMETERS, value);
}

/**
 * Physical names of the platform's shared resources. The quarantine and failure buckets have
 * none: CloudFormation names them, because bucket names are global across all AWS accounts.
 */
export const PLATFORM_RESOURCE_NAMES = {
  telemetryRawStream: 'unicorn-telemetry',
  telemetryCleanStream: 'unicorn-telemetry-clean',
  sensorTable: 'UnicornSensorData',
  eventBus: 'wildrydes-bus',
  alarmTopic: 'wildrydes-alarms',
} as const;

/** The sensor table's key schema (both attributes are strings). */
export const SENSOR_TABLE_KEYS = {
  partitionKey: 'Name',
  sortKey: 'StatusTime',
} as const;

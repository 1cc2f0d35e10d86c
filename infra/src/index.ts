export * from './function-declaration.js';
export { BundleNotFoundError, InfraError, PlatformConfigError } from './errors.js';
export { findWorkspaceRoot, resolveBundleDirectory } from './workspace-paths.js';
export { createPlatformKey, type PlatformKeyProps } from './platform-key.js';
export { QuarantineStorage, type QuarantineStorageProps } from './quarantine-storage.js';
export { createRecordBucket, type RecordBucketProps } from './record-bucket.js';
export { createAlarmTopic, type AlarmTopicProps } from './alarm-topic.js';
export {
  ALARM_EMAIL_CONDITION,
  ALARM_EMAIL_NONE,
  ALARM_EMAIL_PARAMETER,
  ALARM_EMAIL_VARIABLE,
  EMAIL_ADDRESS_PATTERN,
  alarmEmailParameterValue,
  requireEmailAddress,
} from './alarm-email-setting.js';
export { addAlarmEmailSubscription, type AlarmEmailSubscription } from './alarm-email-subscription.js';
export { isPlatformCdkCommand, platformCdkArguments, type PlatformCdkCommand } from './platform-cdk-arguments.js';
export { FailureBucketDestination, ON_FAILURE_KEY_PREFIX } from './failure-bucket-destination.js';
export { LOG_METRIC_ALARM_PERIOD, LOG_METRIC_NAMESPACE, logMetricAlarm, type LogMetricAlarmProps } from './log-metric-alarm.js';
export { PLATFORM_STACK_NAME, PlatformStack, type PlatformStackProps } from './platform-stack.js';
export { PlatformImports } from './platform-imports.js';
export { createStreamEventSource } from './stream-event-source.js';
export {
  DeclaredFunction,
  FUNCTION_RUNTIME,
  type AlarmedFunctionOptions,
  type DeclaredFunctionOptions,
  type DeclaredFunctionProps,
} from './declared-function.js';
export { StreamConsumerAlarms, type StreamConsumerAlarmsProps } from './stream-consumer-alarms.js';
export { StreamConsumerFunction, type StreamConsumerFunctionProps } from './stream-consumer-function.js';
export { EventRuleFunctionAlarms, type EventRuleFunctionAlarmsProps } from './event-rule-function-alarms.js';
export { EventRuleFunction, type EventRuleFunctionProps } from './event-rule-function.js';
export { HttpFunctionAlarms, type HttpFunctionAlarmsProps } from './http-function-alarms.js';
export { HttpFunction, type HttpFunctionProps } from './http-function.js';
export { applyNagChecks, suppressKmsGrantWildcards } from './nag.js';
export { createCdkApp } from './cdk-app.js';
export { CDK_FEATURE_FLAGS } from './feature-flags.js';

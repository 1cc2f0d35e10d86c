import { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, KinesisEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { ResolvedStreamTrigger } from './declaration/defaults.js';
import type { PlatformImports } from './platform-imports.js';

/**
 * The event source for a resolved stream trigger: ReportBatchItemFailures on, bisect, bounded
 * retries, a maximum record age, the on-failure destination, the declared filters and the
 * mapping's `EventCount` metrics (`OnFailureDestinationDeliveredEventCount`, `DroppedEventCount`,
 * ...: off unless the mapping's `MetricsConfig` asks for them, Lambda Developer Guide "Event
 * source mapping metrics"). Binding it to a function also grants the function read access to the
 * stream (and decrypt on the platform key); once bound, `eventSourceMappingId` is the mapping's UUID.
 *
 * @example
 * ```ts
 * const source = createStreamEventSource(resolveTriggerSettings(trigger), platform, new FailureBucketDestination(platform.failureBucket));
 * fn.addEventSource(source);
 * source.eventSourceMappingId; // the mapping's UUID (its Ref)
 * ```
 */
export function createStreamEventSource(
  trigger: ResolvedStreamTrigger,
  platform: PlatformImports,
  onFailure: lambda.IEventSourceDlq,
): KinesisEventSource | DynamoEventSource {
  const settings = {
    batchSize: trigger.batchSize,
    maxBatchingWindow: Duration.seconds(trigger.maxBatchingWindowSeconds),
    startingPosition: lambda.StartingPosition[trigger.startingPosition],
    parallelizationFactor: trigger.parallelizationFactor,
    retryAttempts: trigger.retryAttempts,
    // Lambda's "-1 = unbounded" is CloudFormation's default, expressed by leaving the property out.
    maxRecordAge: trigger.maxRecordAgeSeconds === -1 ? undefined : Duration.seconds(trigger.maxRecordAgeSeconds),
    bisectBatchOnError: trigger.bisectBatchOnError,
    reportBatchItemFailures: trigger.reportBatchItemFailures,
    onFailure,
    metricsConfig: { metrics: [lambda.MetricType.EVENT_COUNT] },
    filters:
      trigger.filterPatterns.length > 0
        ? trigger.filterPatterns.map((pattern) => lambda.FilterCriteria.filter(pattern))
        : undefined,
  };
  if (trigger.type === 'kinesis') {
    const stream = trigger.stream === 'telemetryRaw' ? platform.telemetryRawStream : platform.telemetryCleanStream;
    return new KinesisEventSource(stream, settings);
  }
  return new DynamoEventSource(platform.sensorTableStream, settings);
}

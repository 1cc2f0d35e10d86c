import { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, KinesisEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { ResolvedStreamTrigger } from './declaration/defaults.js';
import type { PlatformImports } from './platform-imports.js';

/**
 * The event source for a resolved stream trigger: ReportBatchItemFailures on, bisect, bounded
 * retries, a maximum record age, the on-failure queue and the declared filters. Binding it to a
 * function also grants the function read access to the stream (and decrypt on the platform key).
 *
 * @example
 * ```ts
 * fn.addEventSource(createStreamEventSource(resolveTriggerSettings(trigger), platform, queue));
 * ```
 */
export function createStreamEventSource(
  trigger: ResolvedStreamTrigger,
  platform: PlatformImports,
  onFailureQueue: sqs.IQueue,
): lambda.IEventSource {
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
    onFailure: new SqsDlq(onFailureQueue),
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

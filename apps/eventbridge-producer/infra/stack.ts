import { Stack, type StackProps } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { HttpFunction, PlatformImports, logMetricAlarm } from '@wildrydes/infra';
import { publishableSourcesAndDetailTypes } from '../src/publishable-events.js';
import { eventbridgeProducer } from './declaration.js';

export interface EventbridgeProducerStackProps extends StackProps {
  /**
   * The function's code.
   * @default the bundle built by `nx run eventbridge-producer:build` (dist/apps/eventbridge-producer)
   */
  readonly code?: lambda.Code;
}

/**
 * The line the handler logs for each entry EventBridge refused for good (`rejected`: not
 * retryable, or `Invalid`/`TooLarge`; see `failureKind` in `src/publish-outcome.ts`). The request
 * summary counts every failed entry together (`failed`), exhausted retries included, so the
 * per-entry line is what tells the refused ones apart.
 */
export const REJECTED_ENTRY_PATTERN = logs.FilterPattern.all(
  logs.FilterPattern.stringValue('$.message', '=', 'entry not published'),
  logs.FilterPattern.any(
    logs.FilterPattern.booleanValue('$.retryable', false),
    logs.FilterPattern.stringValue('$.code', '=', 'Invalid'),
    logs.FilterPattern.stringValue('$.code', '=', 'TooLarge'),
  ),
);

/**
 * The producer's own stack: deployed alone, wired to the platform through SSM parameters. Besides
 * the function's own alarms, one fires on any entry EventBridge refused for good
 * (`WildRydes/RejectedEntries`).
 */
export class EventbridgeProducerStack extends Stack {
  readonly producer: HttpFunction;
  /** Entries EventBridge refused for good, per five minutes. */
  readonly rejectedEntriesAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: EventbridgeProducerStackProps = {}) {
    super(scope, id, props);
    const platform = PlatformImports.fromParameters(this);
    this.producer = new HttpFunction(this, 'Producer', {
      declaration: eventbridgeProducer,
      platform,
      ...(props.code ? { code: props.code } : {}),
    });
    // Least privilege: PutEvents on the platform bus only, and only with the sources and
    // detail-types of the ride events it publishes (EventBridge checks both per entry), so even a
    // bug cannot put another team's events on the bus. EventBridge itself holds the bus key's
    // permissions: the role needs no KMS grant.
    const { sources, detailTypes } = publishableSourcesAndDetailTypes();
    iam.Grant.addToPrincipal({
      grantee: this.producer.fn,
      actions: ['events:PutEvents'],
      resourceArns: [platform.eventBus.eventBusArn],
      conditions: { StringEquals: { 'events:source': sources, 'events:detail-type': detailTypes } },
    });

    this.rejectedEntriesAlarm = logMetricAlarm(this, 'RejectedEntries', {
      logGroup: this.producer.logGroup,
      filterPattern: REJECTED_ENTRY_PATTERN,
      metricName: 'RejectedEntries',
      metricValue: '1',
      functionName: eventbridgeProducer.name,
      threshold: 0,
      alarmDescription:
        `EventBridge refused entries ${eventbridgeProducer.name} validated (Invalid or TooLarge: resending cannot work); ` +
        'the catalog and EventBridge disagree. Each is logged as "entry not published" with its code and reason',
    }).alarm;
    this.rejectedEntriesAlarm.addAlarmAction(...this.producer.alarmActions);
    this.rejectedEntriesAlarm.addOkAction(...this.producer.alarmActions);
  }
}

import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { EventRuleFunction, PlatformImports } from '@wildrydes/infra';
import { eventbridgeConsumer } from './declaration.js';

export interface EventbridgeConsumerStackProps extends StackProps {
  /**
   * The function's code.
   * @default the bundle built by `nx run eventbridge-consumer:build` (dist/apps/eventbridge-consumer)
   */
  readonly code?: lambda.Code;
  /**
   * What happens to the read-model table when it leaves the stack. With `RETAIN` the table also
   * has deletion protection on.
   * @default RemovalPolicy.RETAIN
   */
  readonly readModelRemovalPolicy?: RemovalPolicy;
  /**
   * Actions run when any of the consumer's alarms fires or recovers (`[]`: none).
   * @default - notify the platform's alarm topic
   */
  readonly alarmActions?: readonly cloudwatch.IAlarmAction[];
}

/** Where the consumer's own metrics live. */
export const CONSUMER_METRIC_NAMESPACE = 'WildRydes/EventbridgeConsumer';

/**
 * The consumer's own stack, deployed alone: the fleet read-model table, the function as the
 * target of its rule on the platform bus (with the rule's dead-letter queue and the function's
 * on-failure queue), and a metric and alarm on rejected events. Wired to the platform through
 * SSM parameters.
 */
export class EventbridgeConsumerStack extends Stack {
  readonly readModelTable: dynamodb.Table;
  readonly consumer: EventRuleFunction;
  /** Events the handler logged as `outcome: "rejected"` (can never be applied, not retried). */
  readonly rejectedEvents: cloudwatch.Metric;
  readonly rejectedEventsAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: EventbridgeConsumerStackProps = {}) {
    super(scope, id, props);
    const platform = PlatformImports.fromParameters(this);
    const removalPolicy = props.readModelRemovalPolicy ?? RemovalPolicy.RETAIN;

    // The table as declared (the local runtime creates it from the same declaration).
    const [declared] = eventbridgeConsumer.ownedTables;
    this.readModelTable = new dynamodb.Table(this, 'ReadModelTable', {
      tableName: declared.tableName,
      partitionKey: { name: declared.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: declared.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // The platform key, like every other platform table: one key policy and rotation for all data.
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: platform.key,
      deletionProtection: removalPolicy === RemovalPolicy.RETAIN,
      removalPolicy,
    });

    this.consumer = new EventRuleFunction(this, 'Consumer', {
      declaration: eventbridgeConsumer,
      platform,
      alarmActions: props.alarmActions,
      ...(props.code ? { code: props.code } : {}),
    });

    // Least privilege: the handler only ever runs TransactWriteItems with Put and Update items on
    // the read model. IAM authorizes those through the underlying PutItem and UpdateItem actions,
    // here allowed only inside a transaction. No GetItem: the handler never reads.
    this.consumer.fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
        resources: [this.readModelTable.tableArn],
        conditions: { 'ForAnyValue:StringEquals': { 'dynamodb:EnclosingOperation': ['TransactWriteItems'] } },
      }),
    );
    platform.key.grant(this.consumer.fn, 'kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey');

    const rejectedFilter = new logs.MetricFilter(this, 'RejectedEventsFilter', {
      logGroup: this.consumer.logGroup,
      filterPattern: logs.FilterPattern.stringValue('$.outcome', '=', 'rejected'),
      metricNamespace: CONSUMER_METRIC_NAMESPACE,
      metricName: 'RejectedEvents',
      metricValue: '1',
    });
    this.rejectedEvents = rejectedFilter.metric({ statistic: cloudwatch.Stats.SUM, period: Duration.minutes(5) });
    this.rejectedEventsAlarm = new cloudwatch.Alarm(this, 'RejectedEventsAlarm', {
      metric: this.rejectedEvents,
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription:
        `${eventbridgeConsumer.name} rejected events it can never apply (not owned, unsupported version, wrong source, ` +
        'invalid detail); each is logged whole with outcome "rejected"',
    });
    this.rejectedEventsAlarm.addAlarmAction(...this.consumer.alarmActions);
    this.rejectedEventsAlarm.addOkAction(...this.consumer.alarmActions);
  }
}

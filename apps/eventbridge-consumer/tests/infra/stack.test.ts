import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { PLATFORM_PARAMETERS, functionParameterPath, validateDeclaration } from '@wildrydes/infra';
import { actionsOf, alarmNotifications, parameterIdFor, policyStatements, synthesizeStack } from '@wildrydes/infra/testing';
import { CONSUMER_EVENT_PATTERN } from '../../src/owned-catalog.js';
import { READ_MODEL_TABLE_NAME, eventbridgeConsumer } from '../../infra/declaration.js';
import { CONSUMER_METRIC_NAMESPACE, EventbridgeConsumerStack } from '../../infra/stack.js';

describe('EventbridgeConsumerStack', () => {
  const { template, nag } = synthesizeStack((app, code) => new EventbridgeConsumerStack(app, 'WildRydesEventbridgeConsumer', { code }));
  const statements = policyStatements(template);
  const tableId = Object.keys(template.findResources('AWS::DynamoDB::Table'))[0]!;

  it('given the declaration, then it is valid', () => {
    expect(() => validateDeclaration(eventbridgeConsumer)).not.toThrow();
  });

  it('owns an on-demand, point-in-time-recoverable read-model table encrypted with the platform key', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: {
        TableName: READ_MODEL_TABLE_NAME,
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { Ref: parameterIdFor(template, PLATFORM_PARAMETERS.platformKeyArn) } },
        DeletionProtectionEnabled: true,
      },
    });
  });

  it('puts a rule with the declared pattern on the platform bus, with a bounded retry policy and a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventBusName: { Ref: parameterIdFor(template, PLATFORM_PARAMETERS.eventBusName) },
      EventPattern: CONSUMER_EVENT_PATTERN,
      Targets: [
        Match.objectLike({
          RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 3600 },
          DeadLetterConfig: { Arn: Match.anyValue() },
        }),
      ],
    });
  });

  it('bounds Lambda retries of a handler that threw and keeps what still fails in the on-failure queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 21_600,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
  });

  it('runs Node on arm64 with the table name and safety margin from the declaration', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      Runtime: Match.stringLikeRegexp('^nodejs(22|24)\\.x$'),
      Architectures: ['arm64'],
      MemorySize: 256,
      Timeout: 20,
      Environment: { Variables: Match.objectLike({ READ_MODEL_TABLE_NAME, DEADLINE_SAFETY_MARGIN_MS: '1000' }) },
    });
  });

  it('grants only PutItem and UpdateItem on the read model, and only inside TransactWriteItems', () => {
    const dynamodbStatements = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
    expect(dynamodbStatements).toEqual([
      {
        Effect: 'Allow',
        Action: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
        Resource: { 'Fn::GetAtt': [tableId, 'Arn'] },
        Condition: { 'ForAnyValue:StringEquals': { 'dynamodb:EnclosingOperation': ['TransactWriteItems'] } },
      },
    ]);
    const actions = statements.flatMap(actionsOf);
    expect(actions.some((a) => a.includes('*'))).toBe(false);
    expect(actions).toEqual(expect.arrayContaining(['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey']));
  });

  it('counts rejected events from the log into a metric with an alarm', () => {
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      FilterPattern: '{ $.outcome = "rejected" }',
      MetricTransformations: [{ MetricNamespace: CONSUMER_METRIC_NAMESPACE, MetricName: 'RejectedEvents', MetricValue: '1' }],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: CONSUMER_METRIC_NAMESPACE,
      MetricName: 'RejectedEvents',
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
      TreatMissingData: 'notBreaching',
    });
  });

  it('publishes the URLs of its dead-letter and on-failure queues in SSM, for npm run redrive', () => {
    const queueUrl = (idPrefix: string) => ({ Ref: Match.stringLikeRegexp(`^Consumer${idPrefix}`) });
    template.hasResourceProperties('AWS::SSM::Parameter', {
      Name: functionParameterPath(eventbridgeConsumer.name, 'deadLetterQueueUrl'),
      Type: 'String',
      Value: queueUrl('DeadLetterQueue'),
    });
    template.hasResourceProperties('AWS::SSM::Parameter', {
      Name: functionParameterPath(eventbridgeConsumer.name, 'onFailureQueueUrl'),
      Type: 'String',
      Value: queueUrl('OnFailureQueue'),
    });
  });

  it("sends ALARM and OK of every alarm, the rejected-events alarm included, to the platform alarm topic", () => {
    const topic = { Ref: parameterIdFor(template, PLATFORM_PARAMETERS.alarmTopicArn) };
    const alarms = alarmNotifications(template);
    expect(alarms).toHaveLength(6);
    for (const alarm of alarms) {
      expect(alarm).toEqual({ logicalId: alarm.logicalId, alarmActions: [topic], okActions: [topic] });
    }
  });

  it('reaches the platform only through SSM parameters, never CloudFormation exports', () => {
    expect(JSON.stringify(template.toJSON())).not.toContain('Fn::ImportValue');
  });

  it('has no unsuppressed cdk-nag AwsSolutions findings, and every suppression says why', () => {
    expect(nag).toEqual({ errors: [], warnings: [], unjustifiedSuppressions: [] });
  });
});

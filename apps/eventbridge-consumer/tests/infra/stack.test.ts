import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { afterAll, describe, expect, it } from 'vitest';
import { PLATFORM_PARAMETERS, applyNagChecks, validateDeclaration } from '@wildrydes/infra';
import { nagFindings, unjustifiedNagSuppressions } from '@wildrydes/infra/testing';
import { CONSUMER_EVENT_PATTERN } from '../../src/owned-catalog.js';
import { READ_MODEL_TABLE_NAME, eventbridgeConsumer } from '../../infra/declaration.js';
import { CONSUMER_METRIC_NAMESPACE, EventbridgeConsumerStack } from '../../infra/stack.js';

// A synth writes a cdk.out-style folder under the temp dir and never removes it: use a private one.
const savedTmpdir = process.env['TMPDIR'];
const privateTmpdir = mkdtempSync(join(tmpdir(), 'eventbridge-consumer-infra-'));
process.env['TMPDIR'] = privateTmpdir;
afterAll(() => {
  if (savedTmpdir === undefined) delete process.env['TMPDIR'];
  else process.env['TMPDIR'] = savedTmpdir;
  rmSync(privateTmpdir, { recursive: true, force: true });
});

function synthesize() {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new EventbridgeConsumerStack(app, 'WildRydesEventbridgeConsumer', {
    code: lambda.Code.fromInline('export const handler = async () => ({});'),
  });
  applyNagChecks(app);
  return { stack, template: Template.fromStack(stack) };
}

type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown };

describe('EventbridgeConsumerStack', () => {
  const { stack, template } = synthesize();
  const parameters = template.toJSON()['Parameters'] as Record<string, { Default?: string }>;
  const parameterFor = (path: string) => Object.entries(parameters).find(([, p]) => p.Default === path)?.[0];
  const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
    (policy) => (policy as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument.Statement,
  );
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
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { Ref: parameterFor(PLATFORM_PARAMETERS.platformKeyArn) } },
        DeletionProtectionEnabled: true,
      },
    });
  });

  it('puts a rule with the declared pattern on the platform bus, with a bounded retry policy and a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventBusName: { Ref: parameterFor(PLATFORM_PARAMETERS.eventBusName) },
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
    const dynamodbStatements = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('dynamodb:')));
    expect(dynamodbStatements).toEqual([
      {
        Effect: 'Allow',
        Action: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
        Resource: { 'Fn::GetAtt': [tableId, 'Arn'] },
        Condition: { 'ForAnyValue:StringEquals': { 'dynamodb:EnclosingOperation': ['TransactWriteItems'] } },
      },
    ]);
    const actions = statements.flatMap((s) => [s.Action].flat());
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

  it('reaches the platform only through SSM parameters, never CloudFormation exports', () => {
    expect(JSON.stringify(template.toJSON())).not.toContain('Fn::ImportValue');
  });

  it('has no unsuppressed cdk-nag AwsSolutions findings, and every suppression says why', () => {
    expect(nagFindings(stack)).toEqual({ errors: [], warnings: [] });
    expect(unjustifiedNagSuppressions(stack)).toEqual([]);
  });
});

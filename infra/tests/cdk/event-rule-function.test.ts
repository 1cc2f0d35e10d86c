import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  EventRuleFunction,
  FunctionDeclarationError,
  PLATFORM_PARAMETERS,
  functionParameterPath,
  type EventRuleFunctionDeclaration,
} from '../../src/index.js';
import { eventRuleDeclaration, kinesisDeclaration } from '../support/declarations.js';
import { newPlatformStack } from '../support/function-stack.js';
import { actionsOf, policyStatements } from '../support/iam.js';
import { catchError, inlineCode } from '../support/inline-code.js';

/** A template matcher for `{ Ref: <the CloudFormation parameter reading one platform SSM parameter> }`. */
const ssmParameterRef = (path: string) => ({ Ref: Match.stringLikeRegexp(`^SsmParameterValue${path.replace(/[^A-Za-z0-9]/g, '')}`) });
const RULE_ARN = { 'Fn::GetAtt': [Match.stringLikeRegexp('^ConsumerRule'), 'Arn'] };
const DLQ_ARN = { 'Fn::GetAtt': [Match.stringLikeRegexp('^ConsumerDeadLetterQueue'), 'Arn'] };
const ON_FAILURE_ARN = { 'Fn::GetAtt': [Match.stringLikeRegexp('^ConsumerOnFailureQueue'), 'Arn'] };

function synthesize(declaration: EventRuleFunctionDeclaration): { template: Template; consumer: EventRuleFunction } {
  const { stack, platform } = newPlatformStack('EventRuleFunctionUnderTest');
  const consumer = new EventRuleFunction(stack, 'Consumer', { declaration, platform, code: inlineCode() });
  return { template: Template.fromStack(stack), consumer };
}

describe('EventRuleFunction with the default settings', () => {
  let template: Template;
  let consumer: EventRuleFunction;

  beforeAll(() => {
    // Given a function stack importing the platform and declaring a rule target
    // When it is synthesized
    ({ template, consumer } = synthesize(eventRuleDeclaration));
  });

  it('then one rule on the platform bus carries exactly the declared event pattern', () => {
    template.resourceCountIs('AWS::Events::Rule', 1);
    template.hasResourceProperties('AWS::Events::Rule', {
      EventBusName: ssmParameterRef(PLATFORM_PARAMETERS.eventBusName),
      EventPattern: Match.exact(eventRuleDeclaration.trigger.eventPattern),
      State: 'ENABLED',
    });
  });

  it('then the target is the function with the default retry policy (8 retries, 1 hour) and the dead-letter queue', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      Targets: [
        {
          Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ConsumerFunction'), 'Arn'] },
          Id: Match.anyValue(),
          RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 3600 },
          DeadLetterConfig: { Arn: DLQ_ARN },
        },
      ],
    });
  });

  it('then only this rule may invoke the function', () => {
    template.resourceCountIs('AWS::Lambda::Permission', 1);
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'events.amazonaws.com',
      SourceArn: RULE_ARN,
    });
  });

  it('then the dead-letter queue is encrypted, kept 14 days, TLS-only, and admits EventBridge only for this rule', () => {
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 1_209_600 });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: Match.stringLikeRegexp('^ConsumerDeadLetterQueue') }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'events.amazonaws.com' },
            Action: 'sqs:SendMessage',
            Resource: DLQ_ARN,
            Condition: { ArnEquals: { 'aws:SourceArn': RULE_ARN } },
          }),
        ]),
      },
    });
  });

  it("then Lambda retries a handler's throw twice, keeps queued events 6 hours, and sends what fails to the on-failure queue", () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 21_600,
      Qualifier: '$LATEST',
      DestinationConfig: { OnFailure: { Destination: ON_FAILURE_ARN } },
    });
    template.resourceCountIs('AWS::SQS::Queue', 2);
    template.allResourcesProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 1_209_600 });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: Match.stringLikeRegexp('^ConsumerOnFailureQueue') }],
      PolicyDocument: { Statement: [Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })] },
    });
  });

  it('then the function is built from the declaration like every other function', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      MemorySize: 256,
      Timeout: 20,
      LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: Match.stringLikeRegexp('^ConsumerLogGroup') } },
      Environment: {
        Variables: { POWERTOOLS_SERVICE_NAME: 'eventbridge-consumer', READ_MODEL_TABLE_NAME: 'UnicornFleetReadModel' },
      },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      RetentionInDays: 30,
      KmsKeyId: ssmParameterRef(PLATFORM_PARAMETERS.platformKeyArn),
    });
  });

  it('then the role has no managed policies and may only write its logs and send to the on-failure queue', () => {
    template.hasResourceProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
    const actions = policyStatements(template).flatMap(actionsOf).sort();
    expect(actions).toEqual(
      ['logs:CreateLogStream', 'logs:PutLogEvents', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'].sort(),
    );
    const sqsStatement = policyStatements(template).find((s) => actionsOf(s).includes('sqs:SendMessage'));
    expect(JSON.stringify(sqsStatement?.Resource)).toMatch(/ConsumerOnFailureQueue/);
  });

  it('then five alarms watch errors, both queues, and the rule delivering to neither target nor DLQ', () => {
    template.resourceCountIs('AWS::CloudWatch::Alarm', 5);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Errors', Namespace: 'AWS/Lambda', Threshold: 0 });
    for (const queue of ['ConsumerDeadLetterQueue', 'ConsumerOnFailureQueue']) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Namespace: 'AWS/SQS',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [Match.stringLikeRegexp(`^${queue}`), 'QueueName'] } }],
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
      });
    }
    const ruleRef = { Ref: Match.stringLikeRegexp('^ConsumerRule') };
    for (const metricName of ['FailedInvocations', 'InvocationsFailedToBeSentToDlq']) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: metricName,
        Namespace: 'AWS/Events',
        Statistic: 'Sum',
        Period: 60,
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
        // The Ref of a rule on a custom bus is "<bus name>|<rule name>".
        Dimensions: [
          { Name: 'EventBusName', Value: { 'Fn::Select': [0, { 'Fn::Split': ['|', ruleRef] }] } },
          { Name: 'RuleName', Value: { 'Fn::Select': [1, { 'Fn::Split': ['|', ruleRef] }] } },
        ],
      });
    }
  });

  it('then both queue URLs are published where npm run redrive looks for them', () => {
    template.hasResourceProperties('AWS::SSM::Parameter', {
      Name: functionParameterPath('eventbridge-consumer', 'deadLetterQueueUrl'),
      Type: 'String',
      Value: { Ref: Match.stringLikeRegexp('^ConsumerDeadLetterQueue') },
    });
    template.hasResourceProperties('AWS::SSM::Parameter', {
      Name: functionParameterPath('eventbridge-consumer', 'onFailureQueueUrl'),
      Type: 'String',
      Value: { Ref: Match.stringLikeRegexp('^ConsumerOnFailureQueue') },
    });
  });

  it("then the deployed function's ARN is published at function-arn, like every function's", () => {
    template.hasResourceProperties('AWS::SSM::Parameter', {
      Name: functionParameterPath('eventbridge-consumer', 'functionArn'),
      Type: 'String',
      Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ConsumerFunction[0-9A-F]{8}$'), 'Arn'] },
    });
  });

  it('then every alarm notifies the platform alarm topic on alarm and on recovery', () => {
    const topic = ssmParameterRef(PLATFORM_PARAMETERS.alarmTopicArn);
    template.allResourcesProperties('AWS::CloudWatch::Alarm', { AlarmActions: [topic], OKActions: [topic] });
  });

  it('then the construct exposes what a stack needs to grant, watch and re-drive', () => {
    expect(consumer.alarms.all).toHaveLength(5);
    expect(consumer.rule.node.path).toBe('EventRuleFunctionUnderTest/Consumer/Rule');
    expect(consumer.role.roleArn).toBeDefined();
    expect(consumer.deadLetterQueue).not.toBe(consumer.onFailureQueue);
  });
});

describe('EventRuleFunction settings', () => {
  it('given declared retry settings, then the target and the async invoke config follow them', () => {
    // Given
    const declaration = {
      ...eventRuleDeclaration,
      trigger: {
        ...eventRuleDeclaration.trigger,
        retryAttempts: 0,
        maxEventAgeSeconds: 600,
        functionRetryAttempts: 1,
        functionMaxEventAgeSeconds: 900,
      },
    } satisfies EventRuleFunctionDeclaration;

    // When
    const { template } = synthesize(declaration);

    // Then
    template.hasResourceProperties('AWS::Events::Rule', {
      Targets: [Match.objectLike({ RetryPolicy: { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 600 } })],
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 900 });
  });

  it('given a pattern with $or and operators, then it reaches the template unchanged and the declaration stays untouched', () => {
    // Given
    const eventPattern = {
      source: ['wildrydes.fleet'],
      detail: { healthPoints: [{ numeric: ['<', 20] }] },
      $or: [{ 'detail-type': [{ prefix: 'Unicorn' }] }, { 'detail-type': ['RideCompleted'] }],
    };
    const declaration = { ...eventRuleDeclaration, trigger: { ...eventRuleDeclaration.trigger, eventPattern } };
    const before = structuredClone(eventPattern);

    // When
    const { template, consumer } = synthesize(declaration);
    consumer.rule.addEventPattern({ detail: { status: ['active'] } });

    // Then
    template.hasResourceProperties('AWS::Events::Rule', { EventPattern: Match.exact(before) });
    expect(eventPattern).toEqual(before);
  });

  it('given alarm actions, then every alarm notifies on alarm and on recovery', () => {
    // Given
    const { stack, platform } = newPlatformStack('WithActions');
    const topic = new sns.Topic(stack, 'Alerts');

    // When
    new EventRuleFunction(stack, 'Consumer', {
      declaration: eventRuleDeclaration,
      platform,
      code: inlineCode(),
      alarmActions: [new cloudwatchActions.SnsAction(topic)],
    });
    const template = Template.fromStack(stack);

    // Then
    template.allResourcesProperties('AWS::CloudWatch::Alarm', {
      AlarmActions: [{ Ref: Match.stringLikeRegexp('^Alerts') }],
      OKActions: [{ Ref: Match.stringLikeRegexp('^Alerts') }],
    });
  });

  it('given an invalid event pattern, then construction fails before anything is built, naming the value', () => {
    // Given
    const { stack, platform } = newPlatformStack('InvalidPattern');
    const declaration = {
      ...eventRuleDeclaration,
      trigger: { ...eventRuleDeclaration.trigger, eventPattern: { detail: { price: [] } } },
    };

    // When
    const error = catchError(() => new EventRuleFunction(stack, 'Consumer', { declaration, platform, code: inlineCode() }));

    // Then
    expect(error).toBeInstanceOf(FunctionDeclarationError);
    expect(error.message).toContain('trigger.eventPattern: Invalid event pattern at detail.price: Empty arrays are not allowed');
    expect(stack.node.tryFindChild('Consumer')).toBeUndefined();
  });

  it('given a stream declaration forced through, then construction fails naming the construct and the trigger type', () => {
    // Given
    const { stack, platform } = newPlatformStack('WrongTrigger');
    const declaration = kinesisDeclaration as unknown as EventRuleFunctionDeclaration;

    // When
    const error = catchError(() => new EventRuleFunction(stack, 'Consumer', { declaration, platform, code: inlineCode() }));

    // Then
    expect(error).toBeInstanceOf(FunctionDeclarationError);
    expect(error.message).toContain('trigger.type must be "eventbridge-rule" for EventRuleFunction (given "kinesis")');
  });
});

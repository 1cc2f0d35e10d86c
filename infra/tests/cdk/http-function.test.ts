import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sns from 'aws-cdk-lib/aws-sns';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  FunctionDeclarationError,
  HttpFunction,
  PLATFORM_PARAMETERS,
  functionParameterPath,
  type HttpFunctionDeclaration,
} from '../../src/index.js';
import { eventRuleDeclaration, httpDeclaration } from '../support/declarations.js';
import { newPlatformStack } from '../support/function-stack.js';
import { actionsOf, policyStatements } from '../support/iam.js';
import { catchError, inlineCode } from '../support/inline-code.js';

describe('HttpFunction', () => {
  let template: Template;
  let producer: HttpFunction;

  beforeAll(() => {
    // Given a function stack importing the platform and declaring an HTTP function
    const { stack, platform } = newPlatformStack('HttpFunctionUnderTest');
    producer = new HttpFunction(stack, 'Producer', { declaration: httpDeclaration, platform, code: inlineCode() });
    // When it is synthesized
    template = Template.fromStack(stack);
  });

  it('then the function has one IAM-authenticated, buffered URL, without CORS', () => {
    template.resourceCountIs('AWS::Lambda::Url', 1);
    template.hasResourceProperties('AWS::Lambda::Url', {
      AuthType: 'AWS_IAM',
      InvokeMode: 'BUFFERED',
      TargetFunctionArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ProducerFunction'), 'Arn'] },
      Cors: Match.absent(),
    });
  });

  it("then the deployed function's ARN is published at function-arn, like every function's", () => {
    template.hasResourceProperties('AWS::SSM::Parameter', {
      Name: functionParameterPath(httpDeclaration.name, 'functionArn'),
      Type: 'String',
      Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ProducerFunction[0-9A-F]{8}$'), 'Arn'] },
    });
  });

  it('then nobody is granted invoke through a resource policy (callers need an IAM grant)', () => {
    template.resourceCountIs('AWS::Lambda::Permission', 0);
  });

  it('then the URL is a plain stack output, not an export', () => {
    const outputs = template.toJSON()['Outputs'] as Record<string, Record<string, unknown>>;
    const urlOutputs = Object.entries(outputs).filter(([id]) => id.startsWith('ProducerUrl'));
    expect(urlOutputs).toHaveLength(1);
    const [, output] = urlOutputs[0]!;
    expect(output['Value']).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^ProducerFunctionFunctionUrl/), 'FunctionUrl'] });
    expect(output).not.toHaveProperty('Export');
  });

  it('then the function is built from the declaration, with reserved concurrency and resolved environment', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      MemorySize: 256,
      Timeout: 10,
      ReservedConcurrentExecutions: 10,
      LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: Match.stringLikeRegexp('^ProducerLogGroup') } },
      Environment: {
        Variables: {
          POWERTOOLS_SERVICE_NAME: 'eventbridge-producer',
          EVENT_BUS_NAME: { Ref: Match.stringLikeRegexp(`^SsmParameterValue${PLATFORM_PARAMETERS.eventBusName.replace(/[^A-Za-z0-9]/g, '')}`) },
        },
      },
    });
  });

  it('then the role may only write its own logs until the stack grants more', () => {
    template.hasResourceProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
    expect(policyStatements(template).flatMap(actionsOf).sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
  });

  it('then three alarms watch handler errors, server errors answered by the URL, and throttles', () => {
    template.resourceCountIs('AWS::CloudWatch::Alarm', 3);
    for (const metricName of ['Errors', 'Url5xxCount', 'Throttles']) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: metricName,
        Namespace: 'AWS/Lambda',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: Match.stringLikeRegexp('^ProducerFunction') } }],
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
      });
    }
    expect(producer.alarms.all).toEqual([producer.alarms.errors, producer.alarms.serverErrors, producer.alarms.throttles]);
  });

  it('then every alarm notifies the platform alarm topic on alarm and on recovery', () => {
    const topic = { Ref: Match.stringLikeRegexp(`^SsmParameterValue${PLATFORM_PARAMETERS.alarmTopicArn.replace(/[^A-Za-z0-9]/g, '')}`) };
    template.allResourcesProperties('AWS::CloudWatch::Alarm', { AlarmActions: [topic], OKActions: [topic] });
  });

  it('then the existing alarms keep their logical IDs and the server-error alarm is added beside them', () => {
    const alarmIds = Object.keys(template.findResources('AWS::CloudWatch::Alarm'));
    for (const prefix of ['ProducerAlarmsErrors', 'ProducerAlarmsThrottles', 'ProducerAlarmsServerErrors']) {
      expect(alarmIds.filter((id) => new RegExp(`^${prefix}[0-9A-F]{8}$`).test(id))).toHaveLength(1);
    }
  });

  it('given alarm actions, then every alarm, the server-error alarm included, notifies on alarm and on recovery', () => {
    // Given
    const { stack, platform } = newPlatformStack('WithActions');
    const topic = new sns.Topic(stack, 'Alerts');

    // When
    new HttpFunction(stack, 'Producer', {
      declaration: httpDeclaration,
      platform,
      code: inlineCode(),
      alarmActions: [new cloudwatchActions.SnsAction(topic)],
    });
    const withActions = Template.fromStack(stack);

    // Then
    withActions.resourceCountIs('AWS::CloudWatch::Alarm', 3);
    withActions.allResourcesProperties('AWS::CloudWatch::Alarm', {
      AlarmActions: [{ Ref: Match.stringLikeRegexp('^Alerts') }],
      OKActions: [{ Ref: Match.stringLikeRegexp('^Alerts') }],
    });
    withActions.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Url5xxCount', AlarmActions: Match.anyValue() });
  });

  it('given a caller role, when granted invoke on the URL, then it may call this function through its URL only', () => {
    // Given
    const { stack, platform } = newPlatformStack('Caller');
    const http = new HttpFunction(stack, 'Producer', { declaration: httpDeclaration, platform, code: inlineCode() });
    const caller = new iam.Role(stack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() });

    // When
    http.functionUrl.grantInvokeUrl(caller);

    // Then: since October 2025 a function URL call needs both actions
    const functionArn = { 'Fn::GetAtt': [Match.stringLikeRegexp('^ProducerFunction'), 'Arn'] };
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^Caller') }],
      PolicyDocument: {
        Statement: [
          Match.objectLike({
            Action: 'lambda:InvokeFunctionUrl',
            Resource: functionArn,
            Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'AWS_IAM' } },
          }),
          Match.objectLike({
            Action: 'lambda:InvokeFunction',
            Resource: functionArn,
            Condition: { Bool: { 'lambda:InvokedViaFunctionUrl': true } },
          }),
        ],
      },
    });
  });
});

describe('HttpFunction refuses what would make it public or mis-wired', () => {
  it.each([
    [{ authType: 'NONE' }, 'trigger.authType must be "AWS_IAM": a function URL is never public (given "NONE")'],
    [{ invokeMode: 'RESPONSE_STREAM' }, 'trigger.invokeMode must be "BUFFERED" (given "RESPONSE_STREAM")'],
  ])('given trigger setting %o, then construction fails before anything is built, naming the value', (overrides, expected) => {
    // Given
    const { stack, platform } = newPlatformStack('Refused');
    const declaration = { ...httpDeclaration, trigger: { ...httpDeclaration.trigger, ...overrides } } as unknown as HttpFunctionDeclaration;

    // When
    const error = catchError(() => new HttpFunction(stack, 'Producer', { declaration, platform, code: inlineCode() }));

    // Then
    expect(error).toBeInstanceOf(FunctionDeclarationError);
    expect(error.message).toContain(expected);
    expect(stack.node.tryFindChild('Producer')).toBeUndefined();
  });

  it('given an EventBridge-rule declaration forced through, then construction fails naming the construct and the trigger type', () => {
    // Given
    const { stack, platform } = newPlatformStack('WrongTrigger');
    const declaration = eventRuleDeclaration as unknown as HttpFunctionDeclaration;

    // When
    const error = catchError(() => new HttpFunction(stack, 'Producer', { declaration, platform, code: inlineCode() }));

    // Then
    expect(error.message).toContain('trigger.type must be "function-url" for HttpFunction (given "eventbridge-rule")');
  });
});

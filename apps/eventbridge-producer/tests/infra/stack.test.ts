import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { PLATFORM_PARAMETERS, validateDeclaration } from '@wildrydes/infra';
import { actionsOf, alarmNotifications, parameterIdFor, policyStatements, synthesizeStack } from '@wildrydes/infra/testing';
import { eventbridgeProducer } from '../../infra/declaration.js';
import { EventbridgeProducerStack } from '../../infra/stack.js';

describe('EventbridgeProducerStack', () => {
  const { template, nag } = synthesizeStack((app, code) => new EventbridgeProducerStack(app, 'WildRydesEventbridgeProducer', { code }));

  it('given the declaration, then it is valid', () => {
    expect(() => validateDeclaration(eventbridgeProducer)).not.toThrow();
  });

  it('is reachable only through an IAM-authenticated, buffered Function URL', () => {
    template.resourceCountIs('AWS::Lambda::Url', 1);
    template.hasResourceProperties('AWS::Lambda::Url', { AuthType: 'AWS_IAM', InvokeMode: 'BUFFERED' });
    const permissions = Object.values(template.findResources('AWS::Lambda::Permission')) as Array<{ Properties: { Principal?: string } }>;
    expect(permissions.filter(({ Properties }) => Properties.Principal === '*')).toEqual([]);
    expect(Object.keys(template.findOutputs('*')).length).toBeGreaterThan(0);
  });

  it('runs Node on arm64 with its settings from the declaration and the bus name from the platform', () => {
    const busNameParameter = parameterIdFor(template, PLATFORM_PARAMETERS.eventBusName);
    expect(busNameParameter).toBeDefined();
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      Runtime: Match.stringLikeRegexp('^nodejs(22|24)\\.x$'),
      Architectures: ['arm64'],
      MemorySize: 512,
      Timeout: 10,
      Environment: {
        Variables: Match.objectLike({
          EVENT_BUS_NAME: { Ref: busNameParameter },
          MAX_BODY_BYTES: '1048576',
          MAX_ENTRIES_PER_REQUEST: '100',
          MAX_EVENT_ENTRY_BYTES: '1048576',
          DEADLINE_SAFETY_MARGIN_MS: '1000',
        }),
      },
    });
  });

  it('grants only events:PutEvents, on the platform bus, for the ride events it publishes', () => {
    const busArnParameter = parameterIdFor(template, PLATFORM_PARAMETERS.eventBusArn);
    const statements = policyStatements(template);
    const actions = statements.flatMap(actionsOf);
    expect(actions.filter((action) => action.startsWith('events:'))).toEqual(['events:PutEvents']);
    expect(actions.some((action) => action.includes('*'))).toBe(false);
    const putEvents = statements.find((s) => actionsOf(s).includes('events:PutEvents'))!;
    expect(putEvents).toEqual({
      Effect: 'Allow',
      Action: 'events:PutEvents',
      Resource: { Ref: busArnParameter },
      Condition: {
        StringEquals: { 'events:source': ['wildrydes.rides'], 'events:detail-type': ['RideRequested', 'RideCompleted'] },
      },
    });
  });

  it("counts the entries EventBridge refused for good from the handler's 'entry not published' lines, and alarms on any", () => {
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      LogGroupName: { Ref: Match.stringLikeRegexp('^ProducerLogGroup') },
      FilterPattern:
        '{ ($.message = "entry not published") && (($.retryable IS FALSE) || ($.code = "Invalid") || ($.code = "TooLarge")) }',
      MetricTransformations: [
        {
          MetricNamespace: 'WildRydes',
          MetricName: 'RejectedEntries',
          MetricValue: '1',
          Dimensions: [{ Key: 'FunctionName', Value: '$.service' }],
        },
      ],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'WildRydes',
      MetricName: 'RejectedEntries',
      Dimensions: [{ Name: 'FunctionName', Value: eventbridgeProducer.name }],
      Statistic: 'Sum',
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
      TreatMissingData: 'notBreaching',
    });
  });

  it('sends ALARM and OK of every alarm, the rejected-entries alarm included, to the platform alarm topic', () => {
    const topic = { Ref: parameterIdFor(template, PLATFORM_PARAMETERS.alarmTopicArn) };
    const alarms = alarmNotifications(template);
    expect(alarms).toHaveLength(4);
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

import { CfnParameter, CfnWaitConditionHandle } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { describe, expect, it } from 'vitest';
import { EventRuleFunction, HttpFunction, PLATFORM_PARAMETERS } from '../../src/index.js';
import { dynamoDbDeclaration, eventRuleDeclaration, httpDeclaration, kinesisDeclaration } from '../support/declarations.js';
import { buildFunctionStack, newPlatformStack } from '../support/function-stack.js';
import { inlineCode } from '../support/inline-code.js';
import { actionsOf, policyStatements } from '../support/iam.js';
import { declaredPlatformParameterPaths, unreferencedParameters, validationRuleNames } from '../support/template-references.js';

/** The logical ID of the CloudFormation parameter reading one platform SSM parameter. */
function parameterIdFor(template: Template, path: string): string {
  const parameters = template.toJSON()['Parameters'] as Record<string, { Default?: string }>;
  const found = Object.entries(parameters).find(([, parameter]) => parameter.Default === path);
  if (found === undefined) throw new Error(`no parameter reads ${path}`);
  return found[0];
}

describe('PlatformImports declares only the parameters a stack references', () => {
  it('given a stack that reads a platform value and never uses it, then the check reports that parameter', () => {
    // Given: guards the check itself, so the cases below cannot pass vacuously
    const { stack, platform } = newPlatformStack('UnusedValue');
    new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
    platform.value('eventBusArn');

    // When
    const unreferenced = unreferencedParameters(Template.fromStack(stack));

    // Then
    expect(unreferenced).toEqual([expect.stringMatching(/^SsmParameterValuewildrydesplatformeventbusarn/)]);
  });

  it('given an EventRuleFunction stack, when synthesized, then every parameter is referenced and no W2001 is reported', () => {
    // Given a stack like eventbridge-consumer's: a rule on the bus, nothing granted on the bus
    const { app, stack, platform } = newPlatformStack('EventRuleStack');
    new EventRuleFunction(stack, 'Consumer', { declaration: eventRuleDeclaration, platform, code: inlineCode() });

    // When
    const assembly = app.synth();
    const template = Template.fromStack(stack);

    // Then
    expect(unreferencedParameters(template)).toEqual([]);
    expect(declaredPlatformParameterPaths(template)).toEqual(
      [PLATFORM_PARAMETERS.alarmTopicArn, PLATFORM_PARAMETERS.eventBusName, PLATFORM_PARAMETERS.platformKeyArn].sort(),
    );
    template.hasResourceProperties('AWS::Events::Rule', {
      EventBusName: { Ref: parameterIdFor(template, PLATFORM_PARAMETERS.eventBusName) },
    });
    expect(validationRuleNames(assembly.directory)).not.toContain('W2001');
  });

  it('given an HTTP function granted PutEvents on the bus, then the grant reads the ARN, the environment the name, and both are referenced', () => {
    // Given a stack like eventbridge-producer's
    const { stack, platform } = newPlatformStack('HttpStack');
    const producer = new HttpFunction(stack, 'Producer', { declaration: httpDeclaration, platform, code: inlineCode() });

    // When
    platform.eventBus.grantPutEventsTo(producer.fn);
    const template = Template.fromStack(stack);

    // Then
    expect(unreferencedParameters(template)).toEqual([]);
    expect(declaredPlatformParameterPaths(template)).toEqual(
      [PLATFORM_PARAMETERS.alarmTopicArn, PLATFORM_PARAMETERS.eventBusArn, PLATFORM_PARAMETERS.eventBusName, PLATFORM_PARAMETERS.platformKeyArn].sort(),
    );
    const putEvents = policyStatements(template).filter((statement) => actionsOf(statement).includes('events:PutEvents'));
    expect(putEvents).toEqual([
      expect.objectContaining({ Effect: 'Allow', Action: 'events:PutEvents', Resource: { Ref: parameterIdFor(template, PLATFORM_PARAMETERS.eventBusArn) } }),
    ]);
  });

  it('given the bus handle, when only its reference is taken, then no parameter is declared until a field is read', () => {
    // Given
    const { stack, platform } = newPlatformStack('BusReference');
    const declaredPaths = (): string[] =>
      stack.node
        .findAll()
        .filter((construct): construct is CfnParameter => construct instanceof CfnParameter)
        .map((parameter) => String(parameter.default));

    // When
    const reference = platform.eventBus.eventBusRef;
    const before = declaredPaths();
    const name = reference.eventBusName;

    // Then
    expect(before).toEqual([]);
    expect(name).toBe(platform.eventBusName);
    expect(declaredPaths()).toEqual([PLATFORM_PARAMETERS.eventBusName]);
  });

  it.each([
    ['Kinesis consumer writing to the table and the quarantine', kinesisDeclaration],
    ['DynamoDB-stream consumer putting events on the bus', dynamoDbDeclaration],
  ])('given a %s, then every parameter it declares is referenced', (_, declaration) => {
    // Given / When
    const { stack } = buildFunctionStack(declaration);

    // Then
    expect(unreferencedParameters(Template.fromStack(stack))).toEqual([]);
  });

  it('given a quarantine grant alone, then the bucket is imported from its ARN and its name parameter is not declared', () => {
    // Given
    const { stack, platform } = newPlatformStack('QuarantineOnly');
    const role = new iam.Role(stack, 'Writer', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });

    // When
    platform.grantQuarantineWrite(role, 'writer/');
    const template = Template.fromStack(stack);

    // Then
    expect(unreferencedParameters(template)).toEqual([]);
    expect(declaredPlatformParameterPaths(template)).toEqual([PLATFORM_PARAMETERS.platformKeyArn, PLATFORM_PARAMETERS.quarantineBucketArn].sort());
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 's3:PutObject',
            Resource: { 'Fn::Join': ['', [{ Ref: parameterIdFor(template, PLATFORM_PARAMETERS.quarantineBucketArn) }, '/writer/*']] },
          }),
        ]),
      },
    });
  });

  it('given a service principal, when granted PutEvents on the bus, then nothing is granted and synth warns', () => {
    // Given
    const { stack, platform } = newPlatformStack('ServiceGrant');
    // A template needs a resource: with the recommended flags, CloudFormation validation errors fail synth.
    new CfnWaitConditionHandle(stack, 'AnyResource');

    // When
    const grant = platform.eventBus.grantPutEventsTo(new iam.ServicePrincipal('sns.amazonaws.com'));

    // Then
    expect(grant.success).toBe(false);
    Annotations.fromStack(stack).hasWarning('/ServiceGrant/Platform/EventBus', Match.stringLikeRegexp('^Cannot grant events:PutEvents to'));
  });

  it('given the bus handle, when an archive is requested, then it archives this bus', () => {
    // Given
    const { stack, platform } = newPlatformStack('Archive');

    // When
    platform.eventBus.archive('Archive', { eventPattern: { source: ['wildrydes.rides'] } });
    const template = Template.fromStack(stack);

    // Then
    template.hasResourceProperties('AWS::Events::Archive', {
      SourceArn: { Ref: parameterIdFor(template, PLATFORM_PARAMETERS.eventBusArn) },
      EventPattern: { source: ['wildrydes.rides'] },
    });
  });
});

import { Stack } from 'aws-cdk-lib';
import { createCdkApp } from '../../src/cdk-app.js';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  EventRuleFunction,
  HttpFunction,
  PlatformImports,
  PlatformStack,
  StreamConsumerFunction,
  applyNagChecks,
} from '../../src/index.js';
import { dynamoDbDeclaration, eventRuleDeclaration, httpDeclaration, kinesisDeclaration } from '../support/declarations.js';
import { TEST_APP_CONTEXT, buildFunctionStack, newPlatformStack } from '../support/function-stack.js';
import { inlineCode } from '../support/inline-code.js';
import { nagFindings, nagSuppressions as suppressionsOf, unjustifiedNagSuppressions } from '../../src/testing/index.js';

function expectOnlyJustifiedSuppressions(stack: Stack): void {
  expect(unjustifiedNagSuppressions(stack)).toEqual([]);
}

describe('cdk-nag AwsSolutions checks', () => {
  it('given the platform stack, then there are no unsuppressed errors or warnings', () => {
    // Given
    const app = createCdkApp();
    const stack = new PlatformStack(app, 'WildRydesPlatform');
    applyNagChecks(app);

    // When
    const findings = nagFindings(stack);

    // Then
    expect(findings).toEqual({ errors: [], warnings: [] });
    expectOnlyJustifiedSuppressions(stack);
    expect(suppressionsOf(stack).map((s) => s.id).sort()).toEqual(['AwsSolutions-KDS3', 'AwsSolutions-KDS3', 'AwsSolutions-S1']);
  });

  it.each([
    ['a Kinesis consumer', kinesisDeclaration],
    ['a DynamoDB-stream consumer', dynamoDbDeclaration],
  ])('given a function stack with %s and its grants, then there are no unsuppressed errors or warnings', (_, declaration) => {
    // Given
    const { stack } = buildFunctionStack(declaration, { nag: true });

    // When
    const findings = nagFindings(stack);

    // Then
    expect(findings).toEqual({ errors: [], warnings: [] });
    expectOnlyJustifiedSuppressions(stack);
  });

  it('given active tracing, then the X-Ray wildcard is the only addition and is justified', () => {
    // Given
    const app = createCdkApp({ context: TEST_APP_CONTEXT });
    const stack = new Stack(app, 'Traced');
    new StreamConsumerFunction(stack, 'Consumer', {
      declaration: kinesisDeclaration,
      platform: PlatformImports.fromParameters(stack),
      code: lambda.Code.fromInline('export const handler = async () => ({ batchItemFailures: [] });'),
      tracing: lambda.Tracing.ACTIVE,
    });
    applyNagChecks(app);

    // When
    const findings = nagFindings(stack);

    // Then
    expect(findings).toEqual({ errors: [], warnings: [] });
    expectOnlyJustifiedSuppressions(stack);
  });

  it('given an EventRuleFunction stack, then there are no findings and only the two queues carry (justified) suppressions', () => {
    // Given
    const { app, stack, platform } = newPlatformStack('EventRuleTarget');
    new EventRuleFunction(stack, 'Consumer', { declaration: eventRuleDeclaration, platform, code: inlineCode() });
    applyNagChecks(app);

    // When
    const findings = nagFindings(stack);

    // Then
    expect(findings).toEqual({ errors: [], warnings: [] });
    expectOnlyJustifiedSuppressions(stack);
    expect(suppressionsOf(stack).map((s) => s.id)).toEqual(['AwsSolutions-SQS3', 'AwsSolutions-SQS3']);
  });

  it('given an HttpFunction stack that may put events on the bus, then there are no findings and no suppressions', () => {
    // Given
    const { app, stack, platform } = newPlatformStack('HttpProducer');
    const producer = new HttpFunction(stack, 'Producer', { declaration: httpDeclaration, platform, code: inlineCode() });
    platform.eventBus.grantPutEventsTo(producer.fn);
    applyNagChecks(app);

    // When
    const findings = nagFindings(stack);

    // Then
    expect(findings).toEqual({ errors: [], warnings: [] });
    expect(suppressionsOf(stack)).toEqual([]);
  });

  it.each([
    ['an EventRuleFunction', (scope: Stack, platform: PlatformImports) =>
      new EventRuleFunction(scope, 'Fn', { declaration: eventRuleDeclaration, platform, code: inlineCode(), tracing: lambda.Tracing.ACTIVE })],
    ['an HttpFunction', (scope: Stack, platform: PlatformImports) =>
      new HttpFunction(scope, 'Fn', { declaration: httpDeclaration, platform, code: inlineCode(), tracing: lambda.Tracing.ACTIVE })],
  ])('given %s with active tracing, then the X-Ray wildcard is covered by a justified suppression', (_, build) => {
    // Given
    const { app, stack, platform } = newPlatformStack('TracedFunction');
    build(stack, platform);
    applyNagChecks(app);

    // When
    const findings = nagFindings(stack);

    // Then
    expect(findings).toEqual({ errors: [], warnings: [] });
    expectOnlyJustifiedSuppressions(stack);
    // On the role and on its default policy (suppressions apply to the role's children).
    const iam5 = suppressionsOf(stack).filter((s) => s.id === 'AwsSolutions-IAM5');
    expect(iam5.length).toBeGreaterThan(0);
    for (const suppression of iam5) {
      expect(suppression).toEqual(
        expect.objectContaining({ applies_to: ['Resource::*'], reason: expect.stringContaining('xray:PutTraceSegments') }),
      );
    }
  });
});

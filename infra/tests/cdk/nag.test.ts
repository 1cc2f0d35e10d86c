import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { PlatformImports, PlatformStack, StreamConsumerFunction, applyNagChecks } from '../../src/index.js';
import { dynamoDbDeclaration, kinesisDeclaration } from '../support/declarations.js';
import { TEST_APP_CONTEXT, buildFunctionStack } from '../support/function-stack.js';
import { nagFindings, nagSuppressions as suppressionsOf, unjustifiedNagSuppressions } from '../../src/testing/index.js';

function expectOnlyJustifiedSuppressions(stack: Stack): void {
  expect(unjustifiedNagSuppressions(stack)).toEqual([]);
}

describe('cdk-nag AwsSolutions checks', () => {
  it('given the platform stack, then there are no unsuppressed errors or warnings', () => {
    // Given
    const app = new App();
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
    const app = new App({ context: TEST_APP_CONTEXT });
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
});

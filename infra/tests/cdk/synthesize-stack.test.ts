import { existsSync } from 'node:fs';
import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { PLATFORM_PARAMETERS, PlatformImports } from '../../src/index.js';
import { actionsOf, parameterIdFor, policyStatements, synthesizeStack } from '../../src/testing/index.js';

describe('synthesizeStack', () => {
  it('given a stack with the stand-in code, then it returns its template and removes the cloud assembly', () => {
    // Given
    let outdir = '';

    // When
    const { stack, template, nag } = synthesizeStack((app, code) => {
      outdir = app.outdir;
      const stack = new Stack(app, 'WithFunction');
      new lambda.Function(stack, 'Fn', { code, handler: 'index.handler', runtime: lambda.Runtime.NODEJS_22_X });
      return stack;
    });

    // Then
    expect(stack.stackName).toBe('WithFunction');
    template.hasResourceProperties('AWS::Lambda::Function', { Code: { ZipFile: 'export const handler = async () => ({});' } });
    expect(nag.errors).toEqual(expect.arrayContaining([expect.stringMatching(/^\/WithFunction\/Fn\/ServiceRole\/Resource: AwsSolutions-IAM4/)]));
    expect(outdir).not.toBe('');
    expect(existsSync(outdir)).toBe(false);
  });

  it('given a stack with findings and a poorly justified suppression, then the nag report lists all of them', () => {
    // When
    const { nag } = synthesizeStack((app) => {
      const stack = new Stack(app, 'Findings');
      new sqs.Queue(stack, 'Unguarded');
      const suppressed = new sqs.Queue(stack, 'Suppressed', { enforceSSL: true });
      NagSuppressions.addResourceSuppressions(suppressed, [{ id: 'AwsSolutions-SQS3', reason: 'not needed' }]);
      return stack;
    });

    // Then
    expect(nag.errors).toEqual(['/Findings/Unguarded/Resource: AwsSolutions-SQS3', '/Findings/Unguarded/Resource: AwsSolutions-SQS4']);
    expect(nag.unjustifiedSuppressions).toEqual([{ id: 'AwsSolutions-SQS3', reason: 'not needed' }]);
  });
});

describe('template data', () => {
  const { template } = synthesizeStack((app) => {
    const stack = new Stack(app, 'Reader');
    const platform = PlatformImports.fromParameters(stack);
    const fn = new lambda.Function(stack, 'Fn', {
      code: lambda.Code.fromInline('export const handler = async () => ({});'),
      handler: 'index.handler',
      runtime: lambda.Runtime.NODEJS_22_X,
    });
    platform.eventBus.grantPutEventsTo(fn);
    return stack;
  });

  it('finds the parameter a stack reads a platform SSM parameter through, and none for one it does not read', () => {
    const id = parameterIdFor(template, PLATFORM_PARAMETERS.eventBusArn);
    expect(id).toBeDefined();
    expect((template.toJSON()['Parameters'] as Record<string, { Default?: string }>)[id ?? '']?.Default).toBe(PLATFORM_PARAMETERS.eventBusArn);
    expect(parameterIdFor(template, '/wildrydes/not-a-parameter')).toBeUndefined();
  });

  it('lists every policy statement, with its actions always as a list', () => {
    const statements = policyStatements(template);
    expect(statements).toEqual([{ Effect: 'Allow', Action: 'events:PutEvents', Resource: { Ref: parameterIdFor(template, PLATFORM_PARAMETERS.eventBusArn) } }]);
    expect(statements.flatMap(actionsOf)).toEqual(['events:PutEvents']);
    expect(actionsOf({ Effect: 'Allow', Action: ['a:One', 'a:Two'], Resource: '*' })).toEqual(['a:One', 'a:Two']);
  });
});

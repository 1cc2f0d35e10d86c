import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { PLATFORM_PARAMETERS, applyNagChecks, validateDeclaration } from '@wildrydes/infra';
import { nagFindings, unjustifiedNagSuppressions } from '@wildrydes/infra/testing';
import { kinesisDdbWriter } from '../../infra/declaration.js';
import { KinesisDdbWriterStack } from '../../infra/stack.js';

function synthesize() {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new KinesisDdbWriterStack(app, 'WildRydesKinesisDdbWriter', {
    code: lambda.Code.fromInline('export const handler = async () => ({ batchItemFailures: [] });'),
  });
  applyNagChecks(app);
  return { stack, template: Template.fromStack(stack) };
}

type Statement = { Action: string | string[]; Resource: unknown };

describe('KinesisDdbWriterStack', () => {
  const { stack, template } = synthesize();

  it('given the declaration, then it is valid', () => {
    expect(() => validateDeclaration(kinesisDdbWriter)).not.toThrow();
  });

  it('reads the clean stream with safe event-source settings from the declaration', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 500,
      MaximumBatchingWindowInSeconds: 1,
      StartingPosition: 'TRIM_HORIZON',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      MaximumRecordAgeInSeconds: 21_600,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
  });

  it('runs Node on arm64 with its env from the platform SSM parameters', () => {
    const parameters = template.toJSON()['Parameters'] as Record<string, { Default?: string }>;
    const tableParameter = Object.entries(parameters).find(([, p]) => p.Default === PLATFORM_PARAMETERS.sensorTableName)?.[0];
    const bucketParameter = Object.entries(parameters).find(([, p]) => p.Default === PLATFORM_PARAMETERS.quarantineBucketName)?.[0];
    expect(tableParameter).toBeDefined();
    expect(bucketParameter).toBeDefined();
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      Runtime: Match.stringLikeRegexp('^nodejs(22|24)\\.x$'),
      Architectures: ['arm64'],
      MemorySize: 512,
      Timeout: 60,
      Environment: {
        Variables: Match.objectLike({
          TABLE_NAME: { Ref: tableParameter },
          QUARANTINE_BUCKET_NAME: { Ref: bucketParameter },
          DEADLINE_SAFETY_MARGIN_MS: '1500',
        }),
      },
    });
  });

  it('grants only BatchWriteItem on the table and PutObject under its own quarantine prefix', () => {
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (policy) => (policy as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument.Statement,
    );
    const actions = statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    expect(actions).toContain('dynamodb:BatchWriteItem');
    expect(actions).toContain('s3:PutObject');
    expect(actions.filter((a) => a.startsWith('dynamodb:') && /Write|Put|Update|Delete/.test(a))).toEqual([
      'dynamodb:BatchWriteItem',
    ]);
    expect(actions.some((a) => a.includes('*'))).toBe(false);
    const putObject = statements.find((s) => [s.Action].flat().includes('s3:PutObject'))!;
    expect(JSON.stringify(putObject.Resource)).toContain('/kinesis-ddb-writer/*');
  });

  it('reaches the platform only through SSM parameters, never CloudFormation exports', () => {
    const json = JSON.stringify(template.toJSON());
    expect(json).not.toContain('Fn::ImportValue');
  });

  it('has no unsuppressed cdk-nag AwsSolutions findings, and every suppression says why', () => {
    expect(nagFindings(stack)).toEqual({ errors: [], warnings: [] });
    expect(unjustifiedNagSuppressions(stack)).toEqual([]);
  });
});

import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { PLATFORM_PARAMETERS, applyNagChecks, validateDeclaration } from '@wildrydes/infra';
import { nagFindings, unjustifiedNagSuppressions } from '@wildrydes/infra/testing';
import { kinesisRepublisher } from '../../infra/declaration.js';
import { KinesisRepublisherStack } from '../../infra/stack.js';

function synthesize() {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new KinesisRepublisherStack(app, 'WildRydesKinesisRepublisher', {
    code: lambda.Code.fromInline('export const handler = async () => ({ batchItemFailures: [] });'),
  });
  applyNagChecks(app);
  return { stack, template: Template.fromStack(stack) };
}

type Statement = { Action: string | string[]; Resource: unknown };

describe('KinesisRepublisherStack', () => {
  const { stack, template } = synthesize();
  const parameters = template.toJSON()['Parameters'] as Record<string, { Default?: string }>;
  const parameterFor = (path: string) => Object.entries(parameters).find(([, p]) => p.Default === path)?.[0];
  const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
    (policy) => (policy as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument.Statement,
  );
  const actionsOf = (statement: Statement) => [statement.Action].flat();

  it('given the declaration, then it is valid', () => {
    expect(() => validateDeclaration(kinesisRepublisher)).not.toThrow();
  });

  it('reads the raw stream with safe event-source settings from the declaration', () => {
    const rawStreamArn = parameterFor(PLATFORM_PARAMETERS.telemetryRawStreamArn);
    expect(rawStreamArn).toBeDefined();
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { Ref: rawStreamArn },
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
    const streamName = parameterFor(PLATFORM_PARAMETERS.telemetryCleanStreamName);
    const bucketName = parameterFor(PLATFORM_PARAMETERS.quarantineBucketName);
    expect(streamName).toBeDefined();
    expect(bucketName).toBeDefined();
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      Runtime: Match.stringLikeRegexp('^nodejs(22|24)\\.x$'),
      Architectures: ['arm64'],
      MemorySize: 512,
      Timeout: 60,
      Environment: {
        Variables: Match.objectLike({
          TARGET_STREAM_NAME: { Ref: streamName },
          QUARANTINE_BUCKET_NAME: { Ref: bucketName },
          MAX_CLOCK_SKEW_SECONDS: '300',
          DEADLINE_SAFETY_MARGIN_MS: '1500',
        }),
      },
    });
  });

  it('may put records on the clean stream only, with exactly PutRecords', () => {
    const cleanStreamArn = parameterFor(PLATFORM_PARAMETERS.telemetryCleanStreamArn);
    const kinesisWrites = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('kinesis:Put')));
    expect(kinesisWrites).toEqual([expect.objectContaining({ Action: 'kinesis:PutRecords', Resource: { Ref: cleanStreamArn } })]);
    const everyKinesisAction = statements.flatMap(actionsOf).filter((a) => a.startsWith('kinesis:'));
    expect(everyKinesisAction.filter((a) => !/^kinesis:(Get|Describe|List|SubscribeToShard|PutRecords$)/.test(a))).toEqual([]);
  });

  it('may generate data keys with the platform key, to write the encrypted stream and bucket', () => {
    const keyArn = parameterFor(PLATFORM_PARAMETERS.platformKeyArn);
    const generate = statements.filter((s) => actionsOf(s).includes('kms:GenerateDataKey'));
    expect(generate.length).toBeGreaterThan(0);
    for (const statement of generate) expect(statement.Resource).toEqual({ Ref: keyArn });
  });

  it('quarantines only under its own prefix, and grants no wildcard actions', () => {
    const putObject = statements.find((s) => actionsOf(s).includes('s3:PutObject'))!;
    expect(actionsOf(putObject)).toEqual(['s3:PutObject']);
    expect(JSON.stringify(putObject.Resource)).toContain('/kinesis-republisher/*');
    expect(statements.flatMap(actionsOf).some((a) => a.includes('*'))).toBe(false);
  });

  it('reaches the platform only through SSM parameters, never CloudFormation exports', () => {
    expect(JSON.stringify(template.toJSON())).not.toContain('Fn::ImportValue');
  });

  it('has no unsuppressed cdk-nag AwsSolutions findings, and every suppression says why', () => {
    expect(nagFindings(stack)).toEqual({ errors: [], warnings: [] });
    expect(unjustifiedNagSuppressions(stack)).toEqual([]);
  });
});

import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { PLATFORM_PARAMETERS, validateDeclaration } from '@wildrydes/infra';
import { actionsOf, expectedStreamFailureWiring, parameterIdFor, policyStatements, streamFailureWiring, synthesizeStack } from '@wildrydes/infra/testing';
import { kinesisRepublisher } from '../../infra/declaration.js';
import { KinesisRepublisherStack } from '../../infra/stack.js';

describe('KinesisRepublisherStack', () => {
  const { template, nag } = synthesizeStack((app, code) => new KinesisRepublisherStack(app, 'WildRydesKinesisRepublisher', { code }));
  const statements = policyStatements(template);

  it('given the declaration, then it is valid', () => {
    expect(() => validateDeclaration(kinesisRepublisher)).not.toThrow();
  });

  it('reads the raw stream with safe event-source settings from the declaration', () => {
    const rawStreamArn = parameterIdFor(template, PLATFORM_PARAMETERS.telemetryRawStreamArn);
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
    const streamName = parameterIdFor(template, PLATFORM_PARAMETERS.telemetryCleanStreamName);
    const bucketName = parameterIdFor(template, PLATFORM_PARAMETERS.quarantineBucketName);
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
    const cleanStreamArn = parameterIdFor(template, PLATFORM_PARAMETERS.telemetryCleanStreamArn);
    const kinesisWrites = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('kinesis:Put')));
    expect(kinesisWrites).toEqual([expect.objectContaining({ Action: 'kinesis:PutRecords', Resource: { Ref: cleanStreamArn } })]);
    const everyKinesisAction = statements.flatMap(actionsOf).filter((a) => a.startsWith('kinesis:'));
    expect(everyKinesisAction.filter((a) => !/^kinesis:(Get|Describe|List|SubscribeToShard|PutRecords$)/.test(a))).toEqual([]);
  });

  it('may generate data keys with the platform key, to write the encrypted stream and bucket', () => {
    const keyArn = parameterIdFor(template, PLATFORM_PARAMETERS.platformKeyArn);
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

  it('sends what Lambda gives up on to the failure bucket (puts only under aws/lambda/), says where in SSM, and alarms on it, on lost batches, falling behind, errors and quarantined records, all to the platform alarm topic', () => {
    expect(streamFailureWiring(template, kinesisRepublisher.name)).toEqual(expectedStreamFailureWiring(template, kinesisRepublisher.name));
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'QuarantinedRecords', Namespace: 'WildRydes' });
  });

  it('reaches the platform only through SSM parameters, never CloudFormation exports', () => {
    expect(JSON.stringify(template.toJSON())).not.toContain('Fn::ImportValue');
  });

  it('has no unsuppressed cdk-nag AwsSolutions findings, and every suppression says why', () => {
    expect(nag).toEqual({ errors: [], warnings: [], unjustifiedSuppressions: [] });
  });
});

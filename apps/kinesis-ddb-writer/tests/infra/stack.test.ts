import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { PLATFORM_PARAMETERS, validateDeclaration } from '@wildrydes/infra';
import { actionsOf, expectedStreamFailureWiring, parameterIdFor, policyStatements, streamFailureWiring, synthesizeStack } from '@wildrydes/infra/testing';
import { kinesisDdbWriter } from '../../infra/declaration.js';
import { KinesisDdbWriterStack } from '../../infra/stack.js';

describe('KinesisDdbWriterStack', () => {
  const { template, nag } = synthesizeStack((app, code) => new KinesisDdbWriterStack(app, 'WildRydesKinesisDdbWriter', { code }));

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
    const tableParameter = parameterIdFor(template, PLATFORM_PARAMETERS.sensorTableName);
    const bucketParameter = parameterIdFor(template, PLATFORM_PARAMETERS.quarantineBucketName);
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
    const statements = policyStatements(template);
    const actions = statements.flatMap(actionsOf);
    expect(actions).toContain('dynamodb:BatchWriteItem');
    expect(actions).toContain('s3:PutObject');
    expect(actions.filter((a) => a.startsWith('dynamodb:') && /Write|Put|Update|Delete/.test(a))).toEqual([
      'dynamodb:BatchWriteItem',
    ]);
    expect(actions.some((a) => a.includes('*'))).toBe(false);
    const putObject = statements.find((s) => actionsOf(s).includes('s3:PutObject'))!;
    expect(JSON.stringify(putObject.Resource)).toContain('/kinesis-ddb-writer/*');
  });

  it('sends what Lambda gives up on to the failure bucket (puts only under aws/lambda/), says where in SSM, and alarms on it, on lost batches, falling behind, errors and quarantined records, all to the platform alarm topic', () => {
    expect(streamFailureWiring(template, kinesisDdbWriter.name)).toEqual(expectedStreamFailureWiring(template, kinesisDdbWriter.name));
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'QuarantinedRecords', Namespace: 'WildRydes' });
  });

  it('reaches the platform only through SSM parameters, never CloudFormation exports', () => {
    const json = JSON.stringify(template.toJSON());
    expect(json).not.toContain('Fn::ImportValue');
  });

  it('has no unsuppressed cdk-nag AwsSolutions findings, and every suppression says why', () => {
    expect(nag).toEqual({ errors: [], warnings: [], unjustifiedSuppressions: [] });
  });
});

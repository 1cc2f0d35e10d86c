import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { PLATFORM_PARAMETERS, functionParameterPath, validateDeclaration } from '@wildrydes/infra';
import { actionsOf, alarmNotifications, grantsOnBucket, parameterIdFor, policyStatements, synthesizeStack } from '@wildrydes/infra/testing';
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

  it('sends what Lambda gives up on to the failure bucket, says where in SSM, and may put objects there only under aws/lambda/', () => {
    // Lambda Developer Guide, "Retain discarded batch records ...": the S3 destination needs s3:PutObject and s3:ListBucket
    const bucketArn = { Ref: parameterIdFor(template, PLATFORM_PARAMETERS.failureBucketArn) };
    const [mappingId] = Object.keys(template.findResources('AWS::Lambda::EventSourceMapping'));
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      DestinationConfig: { OnFailure: { Destination: bucketArn } },
      MetricsConfig: { Metrics: ['EventCount'] },
    });
    template.hasResourceProperties('AWS::SSM::Parameter', {
      Name: functionParameterPath(kinesisDdbWriter.name, 'onFailurePrefix'),
      Value: { 'Fn::Join': ['', ['aws/lambda/', { Ref: mappingId }, '/']] },
    });
    expect(grantsOnBucket(template, PLATFORM_PARAMETERS.failureBucketArn)).toEqual([
      { actions: ['s3:PutObject'], resource: { 'Fn::Join': ['', [bucketArn, '/aws/lambda/*']] } },
      { actions: ['s3:ListBucket'], resource: bucketArn },
    ]);
  });

  it('alarms on falling behind, errors, batches given up on, lost batches and quarantined records, all to the platform alarm topic', () => {
    const topic = { Ref: parameterIdFor(template, PLATFORM_PARAMETERS.alarmTopicArn) };
    const alarms = alarmNotifications(template);
    expect(alarms).toHaveLength(5);
    for (const alarm of alarms) {
      expect(alarm).toEqual({ logicalId: alarm.logicalId, alarmActions: [topic], okActions: [topic] });
    }
    const metricNames = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map(
      (alarm) => (alarm['Properties'] as { MetricName: string }).MetricName,
    );
    expect(metricNames.sort()).toEqual(
      ['DestinationDeliveryFailures', 'Errors', 'IteratorAge', 'OnFailureDestinationDeliveredEventCount', 'QuarantinedRecords'].sort(),
    );
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'QuarantinedRecords',
      Namespace: 'WildRydes',
      Dimensions: [{ Name: 'FunctionName', Value: kinesisDdbWriter.name }],
    });
  });

  it('reaches the platform only through SSM parameters, never CloudFormation exports', () => {
    const json = JSON.stringify(template.toJSON());
    expect(json).not.toContain('Fn::ImportValue');
  });

  it('has no unsuppressed cdk-nag AwsSolutions findings, and every suppression says why', () => {
    expect(nag).toEqual({ errors: [], warnings: [], unjustifiedSuppressions: [] });
  });
});

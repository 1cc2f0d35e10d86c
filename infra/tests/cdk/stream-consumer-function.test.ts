import { Stack } from 'aws-cdk-lib';
import { createCdkApp } from '../../src/cdk-app.js';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { beforeAll, describe, expect, it } from 'vitest';
import { onFailureMappingPrefix } from '@wildrydes/schemas';
import {
  BundleNotFoundError,
  FunctionDeclarationError,
  InfraError,
  PLATFORM_PARAMETERS,
  PlatformImports,
  StreamConsumerFunction,
  functionParameterPath,
  type StreamFunctionDeclaration,
} from '../../src/index.js';
import { dynamoDbDeclaration, kinesisDeclaration, newImageFilter } from '../support/declarations.js';
import { TEST_APP_CONTEXT, buildFunctionStack } from '../support/function-stack.js';
import { actionsOf, policyStatements } from '../support/iam.js';
import { grantsOnBucket, parameterIdFor } from '../../src/testing/index.js';

const INLINE_CODE = lambda.Code.fromInline('export const handler = async () => ({ batchItemFailures: [] });');
/** The logical ID CDK gives the CloudFormation parameter that reads one SSM parameter. */
const ssmParameterLogicalId = (path: string): RegExp => new RegExp(`^SsmParameterValue${path.replace(/[^A-Za-z0-9]/g, '')}`);
/** A template matcher for `{ Ref: <that parameter> }`. */
const ssmParameterRef = (path: string) => ({ Ref: Match.stringLikeRegexp(ssmParameterLogicalId(path).source) });
/** Whether a rendered value is `{ Ref: <that parameter> }`. */
const refersToParameter = (value: unknown, path: string): boolean =>
  typeof value === 'object' && value !== null && ssmParameterLogicalId(path).test(String((value as { Ref?: unknown }).Ref));

/** The error `action` throws (fails the test when it throws nothing). */
function catchError(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error, none was thrown');
}

describe('StreamConsumerFunction with a Kinesis trigger', () => {
  let template: Template;

  beforeAll(() => {
    // Given a function stack importing the platform and declaring a Kinesis consumer
    const { stack } = buildFunctionStack(kinesisDeclaration);
    // When it is synthesized
    template = Template.fromStack(stack);
  });

  it('then the event source mapping has the safe defaults and reads the clean stream', () => {
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: ssmParameterRef(PLATFORM_PARAMETERS.telemetryCleanStreamArn),
      BatchSize: 500,
      MaximumBatchingWindowInSeconds: 1,
      StartingPosition: 'TRIM_HORIZON',
      ParallelizationFactor: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 3,
      MaximumRecordAgeInSeconds: 3600,
      // Lambda Developer Guide, "Retain discarded batch records for a Kinesis Data Streams event source": S3 destination
      DestinationConfig: { OnFailure: { Destination: ssmParameterRef(PLATFORM_PARAMETERS.failureBucketArn) } },
      // "Event source mapping metrics": OnFailureDestinationDeliveredEventCount needs the EventCount group
      MetricsConfig: { Metrics: ['EventCount'] },
      FilterCriteria: Match.absent(),
    });
  });

  it('then the function is Node.js 24 on arm64, with JSON logs, the declared sizes and the resolved environment', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      MemorySize: 512,
      Timeout: 60,
      LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: Match.stringLikeRegexp('LogGroup') } },
      Environment: {
        Variables: {
          POWERTOOLS_SERVICE_NAME: 'kinesis-ddb-writer',
          TABLE_NAME: ssmParameterRef(PLATFORM_PARAMETERS.sensorTableName),
          QUARANTINE_BUCKET_NAME: ssmParameterRef(PLATFORM_PARAMETERS.quarantineBucketName),
          LOG_LEVEL: 'INFO',
        },
      },
    });
  });

  it('then the function, role and log group keep the logical IDs they had before DeclaredFunction was shared', () => {
    const logicalIds = Object.keys(template.toJSON()['Resources'] as Record<string, unknown>);
    for (const prefix of ['ConsumerFunction', 'ConsumerRole', 'ConsumerRoleDefaultPolicy', 'ConsumerLogGroup']) {
      expect(logicalIds.some((id) => new RegExp(`^${prefix}[0-9A-F]{8}$`).test(id))).toBe(true);
    }
    expect(logicalIds.filter((id) => id.includes('Default') && !id.includes('DefaultPolicy'))).toEqual([]);
  });

  it('then platform values are SSM-typed CloudFormation parameters resolved at deploy time', () => {
    const parameters = template.toJSON()['Parameters'] as Record<string, { Type: string; Default: string }>;
    const ssmParameters = Object.values(parameters).filter(
      (p) => p.Type === 'AWS::SSM::Parameter::Value<String>' && p.Default.startsWith('/wildrydes/'),
    );
    expect(ssmParameters.map((p) => p.Default).sort()).toEqual(
      [
        PLATFORM_PARAMETERS.alarmTopicArn,
        PLATFORM_PARAMETERS.failureBucketArn,
        PLATFORM_PARAMETERS.platformKeyArn,
        PLATFORM_PARAMETERS.quarantineBucketArn,
        PLATFORM_PARAMETERS.quarantineBucketName,
        PLATFORM_PARAMETERS.sensorTableArn,
        PLATFORM_PARAMETERS.sensorTableName,
        PLATFORM_PARAMETERS.telemetryCleanStreamArn,
      ].sort(),
    );
  });

  it('then the log group keeps logs one month and is encrypted with the platform key', () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      RetentionInDays: 30,
      KmsKeyId: ssmParameterRef(PLATFORM_PARAMETERS.platformKeyArn),
    });
  });

  it('then no queue is created: the failure bucket is the only on-failure destination', () => {
    template.resourceCountIs('AWS::SQS::Queue', 0);
  });

  it('then the deployed function\'s ARN is published at function-arn, where npm run redrive finds the function to re-deliver to', () => {
    // CloudFormation generates the function's name, so the project name is not what Lambda's Invoke API knows it by.
    const [functionId] = Object.keys(template.findResources('AWS::Lambda::Function'));
    template.hasResourceProperties('AWS::SSM::Parameter', {
      Name: functionParameterPath('kinesis-ddb-writer', 'functionArn'),
      Type: 'String',
      Value: { 'Fn::GetAtt': [functionId, 'Arn'] },
    });
    template.resourcePropertiesCountIs('AWS::Lambda::Function', { FunctionName: Match.anyValue() }, 0);
  });

  it("then the on-failure-prefix parameter is aws/lambda/<the mapping's UUID>/, the prefix redrive lists (onFailureMappingPrefix)", () => {
    // The schemas' contract (what redrive lists) around the mapping's UUID, which CloudFormation gives as its Ref.
    const [mappingId] = Object.keys(template.findResources('AWS::Lambda::EventSourceMapping'));
    const [before, after] = onFailureMappingPrefix('<UUID>').split('<UUID>');
    template.hasResourceProperties('AWS::SSM::Parameter', {
      Name: functionParameterPath('kinesis-ddb-writer', 'onFailurePrefix'),
      Type: 'String',
      Value: { 'Fn::Join': ['', [before, { Ref: mappingId }, after]] },
    });
  });

  it('then there are five alarms: iterator age over 60 s, any error, anything delivered to the failure bucket, any failed delivery, any quarantined record', () => {
    const [mappingId] = Object.keys(template.findResources('AWS::Lambda::EventSourceMapping'));
    template.resourceCountIs('AWS::CloudWatch::Alarm', 5);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'IteratorAge',
      Namespace: 'AWS/Lambda',
      Statistic: 'Maximum',
      Threshold: 60_000,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors',
      Statistic: 'Sum',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
    // Lambda Developer Guide, "Event source mapping metrics" and "Viewing metrics" (dimension EventSourceMappingUUID)
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'OnFailureDestinationDeliveredEventCount',
      Namespace: 'AWS/Lambda',
      Dimensions: [{ Name: 'EventSourceMappingUUID', Value: { Ref: mappingId } }],
      Statistic: 'Sum',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'DestinationDeliveryFailures',
      Namespace: 'AWS/Lambda',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: Match.stringLikeRegexp('^ConsumerFunction') } }],
      Statistic: 'Sum',
      Threshold: 0,
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'QuarantinedRecords',
      Namespace: 'WildRydes',
      Dimensions: [{ Name: 'FunctionName', Value: 'kinesis-ddb-writer' }],
      Statistic: 'Sum',
      Period: 300,
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
    });
  });

  it("then quarantined records are counted from the handler's 'batch processed' line, per function", () => {
    template.resourceCountIs('AWS::Logs::MetricFilter', 1);
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      LogGroupName: { Ref: Match.stringLikeRegexp('^ConsumerLogGroup') },
      FilterPattern: '{ ($.message = "batch processed") && ($.quarantined > 0) }',
      MetricTransformations: [
        {
          MetricNamespace: 'WildRydes',
          MetricName: 'QuarantinedRecords',
          MetricValue: '$.quarantined',
          Dimensions: [{ Key: 'FunctionName', Value: '$.service' }],
        },
      ],
    });
  });

  it('then every alarm sends ALARM and OK to the platform alarm topic', () => {
    const topic = ssmParameterRef(PLATFORM_PARAMETERS.alarmTopicArn);
    template.allResourcesProperties('AWS::CloudWatch::Alarm', { AlarmActions: [topic], OKActions: [topic] });
  });

  it('then the role has no managed policies and no wildcard actions or resources', () => {
    template.hasResourceProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
    const statements = policyStatements(template);
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      expect(statement.Effect).toBe('Allow');
      for (const action of actionsOf(statement)) {
        expect(action).not.toBe('*');
        expect(action).not.toMatch(/:\*$/);
      }
      expect(statement.Resource).not.toBe('*');
    }
  });

  it('then reading the encrypted stream comes with kms:Decrypt on the platform key only', () => {
    const statements = policyStatements(template);
    const streamRead = statements.find((s) => actionsOf(s).includes('kinesis:GetRecords'));
    expect(refersToParameter(streamRead?.Resource, PLATFORM_PARAMETERS.telemetryCleanStreamArn)).toBe(true);
    const keyStatements = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('kms:')));
    for (const statement of keyStatements) {
      expect(refersToParameter(statement.Resource, PLATFORM_PARAMETERS.platformKeyArn)).toBe(true);
    }
    expect(keyStatements.flatMap(actionsOf)).toContain('kms:Decrypt');
  });

  it('then the quarantine grant is PutObject on its prefix plus GenerateDataKey, nothing more', () => {
    const statements = policyStatements(template);
    const s3Actions = statements.flatMap(actionsOf).filter((a) => a.startsWith('s3:'));
    expect(s3Actions.sort()).toEqual(['s3:ListBucket', 's3:PutObject']);
    expect(statements.flatMap(actionsOf)).toContain('kms:GenerateDataKey');
  });

  it('then on the failure bucket the role may PutObject only under aws/lambda/ and ListBucket, as the S3 destination needs', () => {
    // Lambda Developer Guide, "Retain discarded batch records ...": s3:PutObject and s3:ListBucket (+ kms:GenerateDataKey for SSE-KMS)
    const bucketArn = { Ref: parameterIdFor(template, PLATFORM_PARAMETERS.failureBucketArn) };
    expect(grantsOnBucket(template, PLATFORM_PARAMETERS.failureBucketArn)).toEqual([
      { actions: ['s3:PutObject'], resource: { 'Fn::Join': ['', [bucketArn, '/aws/lambda/*']] } },
      { actions: ['s3:ListBucket'], resource: bucketArn },
    ]);
  });
});

describe('StreamConsumerFunction with a DynamoDB-stream trigger and filters', () => {
  let template: Template;

  beforeAll(() => {
    const { stack } = buildFunctionStack(dynamoDbDeclaration);
    template = Template.fromStack(stack);
  });

  it('then the mapping reads the table stream with the declared overrides and filter criteria', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: ssmParameterRef(PLATFORM_PARAMETERS.sensorTableStreamArn),
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 5,
      StartingPosition: 'LATEST',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      MaximumRecordAgeInSeconds: 7200,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify(newImageFilter) }] },
    });
  });

  it('then reserved concurrency is set', () => {
    template.hasResourceProperties('AWS::Lambda::Function', { ReservedConcurrentExecutions: 5 });
  });

  it('then the only Resource "*" is dynamodb:ListStreams, which has no resource-level permissions', () => {
    const statements = policyStatements(template);
    const unscoped = statements.filter((s) => s.Resource === '*');
    expect(unscoped.flatMap(actionsOf)).toEqual(['dynamodb:ListStreams']);
    for (const action of statements.flatMap(actionsOf)) {
      expect(action).not.toMatch(/(^|:)\*$/);
    }
    const streamRead = statements.find((s) => actionsOf(s).includes('dynamodb:GetRecords'));
    expect(refersToParameter(streamRead?.Resource, PLATFORM_PARAMETERS.sensorTableStreamArn)).toBe(true);
  });
});

describe('StreamConsumerFunction options', () => {
  it('given a threshold, retention, alarm actions and active tracing, then the template follows them', () => {
    // Given
    const app = createCdkApp({ context: TEST_APP_CONTEXT });
    const stack = new Stack(app, 'Options');
    const topic = new sns.Topic(stack, 'Alerts');

    // When
    new StreamConsumerFunction(stack, 'Consumer', {
      declaration: kinesisDeclaration,
      platform: PlatformImports.fromParameters(stack),
      code: INLINE_CODE,
      iteratorAgeAlarmThresholdMs: 300_000,
      logRetention: logs.RetentionDays.ONE_WEEK,
      alarmActions: [new cloudwatchActions.SnsAction(topic)],
      tracing: lambda.Tracing.ACTIVE,
    });
    const template = Template.fromStack(stack);

    // Then
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'IteratorAge', Threshold: 300_000 });
    template.allResourcesProperties('AWS::CloudWatch::Alarm', {
      AlarmActions: [{ Ref: Match.stringLikeRegexp('^Alerts') }],
      OKActions: [{ Ref: Match.stringLikeRegexp('^Alerts') }],
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 7 });
    template.hasResourceProperties('AWS::Lambda::Function', { TracingConfig: { Mode: 'Active' } });
  });

  it('given no alarm actions and a quarantine threshold, then the alarms run none and the quarantine alarm fires above the threshold', () => {
    // Prepare
    const app = createCdkApp({ context: TEST_APP_CONTEXT });
    const stack = new Stack(app, 'Silent');

    // Act
    new StreamConsumerFunction(stack, 'Consumer', {
      declaration: kinesisDeclaration,
      platform: PlatformImports.fromParameters(stack),
      code: INLINE_CODE,
      alarmActions: [],
      quarantinedRecordsAlarmThreshold: 10,
    });
    const template = Template.fromStack(stack);

    // Assess
    template.allResourcesProperties('AWS::CloudWatch::Alarm', { AlarmActions: Match.absent(), OKActions: Match.absent() });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'QuarantinedRecords', Threshold: 10 });
    expect(JSON.stringify(template.toJSON())).not.toContain('alarmtopicarn');
  });

  it.each([-1, 1.5])('given a quarantine threshold of %d, then construction fails naming the value', (threshold) => {
    // Prepare
    const app = createCdkApp({ context: TEST_APP_CONTEXT });
    const stack = new Stack(app, 'BadThreshold');

    // Act
    const build = () =>
      new StreamConsumerFunction(stack, 'Consumer', {
        declaration: kinesisDeclaration,
        platform: PlatformImports.fromParameters(stack),
        code: INLINE_CODE,
        quarantinedRecordsAlarmThreshold: threshold,
      });

    // Assess
    const error = catchError(build);
    expect(error).toBeInstanceOf(InfraError);
    expect(error.message).toBe(`quarantinedRecordsAlarmThreshold must be a whole number of records, 0 or more (given ${threshold})`);
    expect(stack.node.tryFindChild('Consumer')).toBeUndefined();
  });

  it('given an invalid declaration, then construction fails before anything is built, naming the value', () => {
    // Given
    const app = createCdkApp({ context: TEST_APP_CONTEXT });
    const stack = new Stack(app, 'Invalid');
    const declaration = { ...kinesisDeclaration, trigger: { ...kinesisDeclaration.trigger, batchSize: 0 } };

    // When
    const build = () =>
      new StreamConsumerFunction(stack, 'Consumer', {
        declaration,
        platform: PlatformImports.fromParameters(stack),
        code: INLINE_CODE,
      });

    // Then
    const error = catchError(build);
    expect(error).toBeInstanceOf(FunctionDeclarationError);
    expect(error.message).toContain('batchSize must be between 1 and 10000 inclusive (given 0)');
    expect(stack.node.tryFindChild('Consumer')).toBeUndefined();
  });

  it('given a Function URL declaration forced through, then construction fails naming the construct and the trigger type', () => {
    // Given
    const app = createCdkApp({ context: TEST_APP_CONTEXT });
    const stack = new Stack(app, 'WrongTrigger');
    const declaration = { ...kinesisDeclaration, trigger: { type: 'function-url', authType: 'AWS_IAM' } } as unknown as StreamFunctionDeclaration;

    // When
    const build = () =>
      new StreamConsumerFunction(stack, 'Consumer', { declaration, platform: PlatformImports.fromParameters(stack), code: INLINE_CODE });

    // Then
    const error = catchError(build);
    expect(error).toBeInstanceOf(FunctionDeclarationError);
    expect(error.message).toContain(
      'trigger.type must be "kinesis" or "dynamodb-stream" for StreamConsumerFunction (given "function-url")',
    );
  });

  it('given no code and no bundle on disk, then construction fails telling to run the build', () => {
    // Given
    const app = createCdkApp({ context: TEST_APP_CONTEXT });
    const stack = new Stack(app, 'Unbuilt');

    // When
    const build = () =>
      new StreamConsumerFunction(stack, 'Consumer', {
        declaration: { ...kinesisDeclaration, name: 'no-such-function' },
        platform: PlatformImports.fromParameters(stack),
      });

    // Then
    const error = catchError(build);
    expect(error).toBeInstanceOf(BundleNotFoundError);
    expect(error.message).toMatch(/dist\/apps\/no-such-function\/index\.mjs; run `nx build no-such-function` first/);
  });
});

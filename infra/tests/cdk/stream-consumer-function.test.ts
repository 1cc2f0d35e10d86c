import { Stack } from 'aws-cdk-lib';
import { createCdkApp } from '../../src/cdk-app.js';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BundleNotFoundError,
  FunctionDeclarationError,
  PLATFORM_PARAMETERS,
  PlatformImports,
  StreamConsumerFunction,
  type StreamFunctionDeclaration,
} from '../../src/index.js';
import { dynamoDbDeclaration, kinesisDeclaration, newImageFilter } from '../support/declarations.js';
import { TEST_APP_CONTEXT, buildFunctionStack } from '../support/function-stack.js';
import { actionsOf, policyStatements } from '../support/iam.js';

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
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('OnFailureQueue'), 'Arn'] } },
      },
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

  it('then the on-failure queue is encrypted, TLS-only and keeps messages 14 days', () => {
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 1_209_600 });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: [Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })],
      },
    });
  });

  it('then there are three alarms: iterator age over 60 s, any error, any on-failure message', () => {
    template.resourceCountIs('AWS::CloudWatch::Alarm', 3);
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
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
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
    expect(s3Actions).toEqual(['s3:PutObject']);
    expect(statements.flatMap(actionsOf)).toContain('kms:GenerateDataKey');
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

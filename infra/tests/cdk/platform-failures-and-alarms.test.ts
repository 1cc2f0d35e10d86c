import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCdkApp } from '../../src/cdk-app.js';
import {
  ALARM_EMAIL_CONDITION,
  ALARM_EMAIL_PARAMETER,
  ALARM_EMAIL_VARIABLE,
  EMAIL_ADDRESS_PATTERN,
  PLATFORM_PARAMETERS,
  PlatformConfigError,
  PlatformImports,
  PlatformStack,
} from '../../src/index.js';
import { newPlatformStack } from '../support/function-stack.js';
import { catchError } from '../support/inline-code.js';

const KEY_ARN = { 'Fn::GetAtt': [Match.stringLikeRegexp('^PlatformKey'), 'Arn'] };
const FAILURE_BUCKET = Match.stringLikeRegexp('^FailureBucket[0-9A-F]{8}$');
const TOPIC = Match.stringLikeRegexp('^AlarmTopic[0-9A-F]{8}$');
/** `arn:<partition>:cloudwatch:<region>:<account>:alarm:*`, as the template renders it. */
const ALARMS_OF_THIS_ACCOUNT = {
  StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
  ArnLike: {
    'aws:SourceArn': {
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudwatch:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':alarm:*']],
    },
  },
};

function synthesizePlatform(props: ConstructorParameters<typeof PlatformStack>[2] = {}): Template {
  return Template.fromStack(new PlatformStack(createCdkApp(), 'WildRydesPlatform', props));
}

describe('PlatformStack failure bucket', () => {
  let template: Template;

  beforeAll(() => {
    template = synthesizePlatform();
  });

  it('keeps the logical IDs of the retained quarantine and access-log buckets (a new ID would replace them)', () => {
    // Prepare / Act: the IDs they had before the failure bucket came from the same piece
    const buckets = Object.keys(template.findResources('AWS::S3::Bucket')).sort();

    // Assess
    expect(buckets).toEqual(['FailureBucket1DB25638', 'QuarantineAccessLogs84991D9F', 'QuarantineBucket2B128B57']);
  });

  it('is KMS-encrypted with the platform key and a bucket key, private, owner-enforced, versioned, retained', () => {
    template.hasResource('AWS::S3::Bucket', {
      Properties: Match.objectLike({
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            { BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: KEY_ARN } },
          ],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        VersioningConfiguration: { Status: 'Enabled' },
        LoggingConfiguration: { DestinationBucketName: { Ref: 'QuarantineAccessLogs84991D9F' }, LogFilePrefix: 'failures/' },
      }),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    expect(Object.keys(template.findResources('AWS::S3::Bucket', { Properties: { LoggingConfiguration: { LogFilePrefix: 'failures/' } } }))).toEqual([
      'FailureBucket1DB25638',
    ]);
  });

  it('expires failed batches, their older versions and incomplete uploads', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: [
          {
            Id: 'ExpireFailedBatches',
            Status: 'Enabled',
            ExpirationInDays: 90,
            NoncurrentVersionExpiration: { NoncurrentDays: 90 },
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
          },
          { Id: 'RemoveExpiredDeleteMarkers', Status: 'Enabled', ExpiredObjectDeleteMarker: true },
        ],
      },
    });
  });

  it('denies every request without TLS, or with TLS older than 1.2', () => {
    const bucketArn = { 'Fn::GetAtt': [FAILURE_BUCKET, 'Arn'] };
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: FAILURE_BUCKET },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Principal: { AWS: '*' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } },
            Resource: [bucketArn, { 'Fn::Join': ['', [bucketArn, '/*']] }],
          }),
        ]),
      },
    });
  });

  it('lets S3 log delivery write its access logs under failures/, for this bucket only', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: 'QuarantineAccessLogs84991D9F' },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'logging.s3.amazonaws.com' },
            Action: 's3:PutObject',
            Condition: Match.objectLike({ ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [FAILURE_BUCKET, 'Arn'] } } }),
            Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['QuarantineAccessLogs84991D9F', 'Arn'] }, '/failures/*']] },
          }),
        ]),
      },
    });
  });

  it('is published as failureBucketName and failureBucketArn', () => {
    template.hasResourceProperties('AWS::SSM::Parameter', { Name: PLATFORM_PARAMETERS.failureBucketName, Value: { Ref: FAILURE_BUCKET } });
    template.hasResourceProperties('AWS::SSM::Parameter', {
      Name: PLATFORM_PARAMETERS.failureBucketArn,
      Value: { 'Fn::GetAtt': [FAILURE_BUCKET, 'Arn'] },
    });
    expect(PLATFORM_PARAMETERS.failureBucketName).toBe('/wildrydes/platform/failure-bucket-name');
    expect(PLATFORM_PARAMETERS.failureBucketArn).toBe('/wildrydes/platform/failure-bucket-arn');
  });

  it('given failureExpirationDays, then the lifecycle follows it; out of range, the stack refuses it naming the value', () => {
    // Act
    const custom = synthesizePlatform({ failureExpirationDays: 30 });
    const refuse = () => new PlatformStack(createCdkApp(), 'Bad', { failureExpirationDays: 0 });

    // Assess
    custom.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ Id: 'ExpireFailedBatches', ExpirationInDays: 30 })]) },
    });
    const error = catchError(refuse);
    expect(error).toBeInstanceOf(PlatformConfigError);
    expect(error.message).toBe('failureExpirationDays must be a whole number between 1 and 36500 inclusive (given 0)');
  });
});

describe('PlatformStack alarm topic', () => {
  let template: Template;

  beforeAll(() => {
    template = synthesizePlatform();
  });

  it('is wildrydes-alarms, encrypted with the platform key, and published as alarmTopicArn', () => {
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'wildrydes-alarms', KmsMasterKeyId: KEY_ARN });
    template.hasResourceProperties('AWS::SSM::Parameter', { Name: PLATFORM_PARAMETERS.alarmTopicArn, Value: { Ref: TOPIC } });
    expect(PLATFORM_PARAMETERS.alarmTopicArn).toBe('/wildrydes/platform/alarm-topic-arn');
  });

  it("denies publishing without TLS and lets only this account's CloudWatch alarms publish", () => {
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: TOPIC }],
      PolicyDocument: {
        Statement: [
          Match.objectLike({ Effect: 'Deny', Action: 'sns:Publish', Principal: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          {
            Sid: 'AllowCloudWatchAlarmsOfThisAccount',
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
            Resource: { Ref: TOPIC },
            Condition: ALARMS_OF_THIS_ACCOUNT,
          },
        ],
      },
    });
  });

  it("lets this account's CloudWatch alarms use the key to publish to the encrypted topic (SNS Developer Guide: kms:Decrypt, kms:GenerateDataKey*)", () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          {
            Sid: 'AllowCloudWatchAlarmsToPublishToEncryptedTopics',
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
            Resource: '*',
            Condition: ALARMS_OF_THIS_ACCOUNT,
          },
        ]),
      },
    });
  });

  it('takes the subscriber from the AlarmEmail parameter (default empty: none), validated by CloudFormation too', () => {
    // Prepare / Act
    const parameter = template.toJSON()['Parameters']?.[ALARM_EMAIL_PARAMETER];

    // Assess: the AWS CloudFormation User Guide, "Parameters" (AllowedPattern must match the whole value,
    // Java regular-expression syntax; ConstraintDescription is the message of a refused value)
    expect(ALARM_EMAIL_PARAMETER).toBe('AlarmEmail');
    expect(parameter).toEqual({
      Type: 'String',
      Default: '',
      AllowedPattern: `^$|${EMAIL_ADDRESS_PATTERN}`,
      ConstraintDescription: 'must be an email address like ops@example.com, or empty for no subscription',
      Description: expect.stringContaining(ALARM_EMAIL_VARIABLE),
    });
  });

  it.each([
    ['', true],
    ['ops@example.com', true],
    ['on-call+alarms@ops.example.co.uk', true],
    ['ops', false],
    ['ops@', false],
    ['@example.com', false],
    ['ops@example', false],
    ['ops @example.com', false],
    ['a@b@example.com', false],
    [' ', false],
  ])('the parameter\'s AllowedPattern, matched against the whole value, takes %j: %s', (value, allowed) => {
    // Prepare
    const { AllowedPattern } = template.toJSON()['Parameters'][ALARM_EMAIL_PARAMETER] as { AllowedPattern: string };

    // Act / Assess (the pattern has no construct on which Java and JavaScript regular expressions differ)
    expect(new RegExp(`^(?:${AllowedPattern})$`).test(value)).toBe(allowed);
  });

  it('has one email subscription, created only when AlarmEmail is not empty (CloudFormation Condition attribute)', () => {
    // Prepare / Act
    const subscriptions = template.findResources('AWS::SNS::Subscription');

    // Assess
    expect(Object.values(subscriptions)).toEqual([
      {
        Type: 'AWS::SNS::Subscription',
        Condition: ALARM_EMAIL_CONDITION,
        Properties: { Protocol: 'email', Endpoint: { Ref: ALARM_EMAIL_PARAMETER }, TopicArn: { Ref: expect.stringMatching(/^AlarmTopic[0-9A-F]{8}$/) } },
      },
    ]);
    expect(template.toJSON()['Conditions'][ALARM_EMAIL_CONDITION]).toEqual({
      'Fn::Not': [{ 'Fn::Equals': [{ Ref: ALARM_EMAIL_PARAMETER }, ''] }],
    });
  });
});

describe('infra/src/app.ts', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('synthesizes the same template whatever WILDRYDES_ALARM_EMAIL is, even malformed: the address is a deploy-time parameter', async () => {
    // Prepare
    const synthesizeWith = async (email: string | undefined): Promise<string> => {
      vi.resetModules();
      vi.stubEnv(ALARM_EMAIL_VARIABLE, email);
      const { platformStack } = await import('../../src/app.js');
      return JSON.stringify(Template.fromStack(platformStack).toJSON());
    };

    // Act
    const without = await synthesizeWith(undefined);
    const withAddress = await synthesizeWith('oncall@wildrydes.example');
    const withMalformed = await synthesizeWith('oncall.wildrydes.example');

    // Assess
    expect(withAddress).toBe(without);
    expect(withMalformed).toBe(without);
    expect(without).not.toContain('wildrydes.example');
  });

  it('given WILDRYDES_ALARM_EMAIL, then still no subscription resource is unconditional, so no deploy can remove one by omitting the setting', async () => {
    // Prepare
    vi.resetModules();
    vi.stubEnv(ALARM_EMAIL_VARIABLE, 'oncall@wildrydes.example');

    // Act
    const { platformStack } = await import('../../src/app.js');
    const subscriptions = Object.values(Template.fromStack(platformStack).findResources('AWS::SNS::Subscription'));

    // Assess
    expect(subscriptions).toHaveLength(1);
    expect(subscriptions.filter((resource) => resource['Condition'] === undefined)).toEqual([]);
    expect(subscriptions[0]?.['Condition']).toBe('AlarmEmailIsSet');
  });
});

describe('PlatformImports failure bucket and alarm topic', () => {
  it('given a grant on the failure bucket, then it is imported from its ARN parameter alone, with the platform key', () => {
    // Prepare
    const { stack, platform } = newPlatformStack('FailureBucketImport');
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });

    // Act
    platform.failureBucket.grantPut(role);
    const template = Template.fromStack(stack);

    // Assess
    const parameters = Object.values(template.toJSON()['Parameters'] as Record<string, { Default?: string }>).map((p) => p.Default);
    expect(parameters.filter((path) => path?.startsWith('/wildrydes/')).sort()).toEqual(
      [PLATFORM_PARAMETERS.failureBucketArn, PLATFORM_PARAMETERS.platformKeyArn].sort(),
    );
  });

  it('given the default alarm actions, then they notify the topic whose ARN is the alarmTopicArn parameter', () => {
    // Prepare
    const app = createCdkApp();
    const stack = new Stack(app, 'AlarmTopicImport');
    const platform = PlatformImports.fromParameters(stack);

    // Act
    const [action] = platform.alarmActions;

    // Assess
    expect(platform.alarmActions).toHaveLength(1);
    expect(stack.resolve(action?.bind(stack, {} as never).alarmActionArn)).toEqual({
      Ref: expect.stringMatching(/^SsmParameterValuewildrydesplatformalarmtopicarn/),
    });
  });
});

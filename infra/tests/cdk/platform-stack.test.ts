import { RemovalPolicy } from 'aws-cdk-lib';
import { createCdkApp } from '../../src/cdk-app.js';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  PLATFORM_PARAMETERS,
  PLATFORM_PARAMETER_PREFIX,
  PLATFORM_RESOURCE_NAMES,
  PlatformConfigError,
  PlatformStack,
} from '../../src/index.js';

const KEY_ARN = { 'Fn::GetAtt': [Match.stringLikeRegexp('^PlatformKey'), 'Arn'] };

describe('PlatformStack', () => {
  let template: Template;

  beforeAll(() => {
    // Given the platform stack with its defaults
    const app = createCdkApp();
    const stack = new PlatformStack(app, 'WildRydesPlatform');
    // When it is synthesized
    template = Template.fromStack(stack);
  });

  it('then it has one customer-managed key with rotation, retained with the data', () => {
    template.resourceCountIs('AWS::KMS::Key', 1);
    template.hasResource('AWS::KMS::Key', {
      Properties: { EnableKeyRotation: true },
      DeletionPolicy: 'Retain',
    });
  });

  it('then the key policy lets CloudWatch Logs use the key only for this account and region', () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'AllowCloudWatchLogsOfThisAccountAndRegion',
            Principal: { Service: Match.anyValue() },
            Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': Match.anyValue() } },
          }),
        ]),
      },
    });
  });

  it('then both telemetry streams are provisioned, 1 shard, 24 h, and encrypted with the platform key', () => {
    for (const name of [PLATFORM_RESOURCE_NAMES.telemetryRawStream, PLATFORM_RESOURCE_NAMES.telemetryCleanStream]) {
      template.hasResourceProperties('AWS::Kinesis::Stream', {
        Name: name,
        ShardCount: 1,
        RetentionPeriodHours: 24,
        StreamModeDetails: { StreamMode: 'PROVISIONED' },
        StreamEncryption: { EncryptionType: 'KMS', KeyId: KEY_ARN },
      });
    }
    template.resourceCountIs('AWS::Kinesis::Stream', 2);
  });

  it('then the sensor table has the Name/StatusTime keys, a NEW_AND_OLD_IMAGES stream, PITR and the CMK', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      Properties: {
        TableName: 'UnicornSensorData',
        KeySchema: [
          { AttributeName: 'Name', KeyType: 'HASH' },
          { AttributeName: 'StatusTime', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: Match.arrayWith([
          { AttributeName: 'Name', AttributeType: 'S' },
          { AttributeName: 'StatusTime', AttributeType: 'S' },
        ]),
        BillingMode: 'PAY_PER_REQUEST',
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: KEY_ARN },
        DeletionProtectionEnabled: true,
      },
      DeletionPolicy: 'Retain',
    });
  });

  it('then the quarantine bucket is KMS-encrypted with a bucket key, private, versioned, expiring and logged', () => {
    template.hasResource('AWS::S3::Bucket', {
      Properties: {
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            {
              BucketKeyEnabled: true,
              ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: KEY_ARN },
            },
          ],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        VersioningConfiguration: { Status: 'Enabled' },
        LifecycleConfiguration: {
          Rules: Match.arrayWith([Match.objectLike({ ExpirationInDays: 90, NoncurrentVersionExpiration: { NoncurrentDays: 90 } })]),
        },
        LoggingConfiguration: { DestinationBucketName: { Ref: Match.stringLikeRegexp('^QuarantineAccessLogs') } },
      },
      DeletionPolicy: 'Retain',
    });
  });

  it('then every bucket denies requests without TLS', () => {
    const buckets = Object.keys(template.findResources('AWS::S3::Bucket'));
    expect(buckets).toHaveLength(3);
    for (const bucket of buckets) {
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: bucket },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });

  it('then the wildrydes-bus is encrypted with the key, EventBridge may use the key, and its archive too', () => {
    template.hasResourceProperties('AWS::Events::EventBus', { Name: 'wildrydes-bus', KmsKeyIdentifier: KEY_ARN });
    template.hasResourceProperties('AWS::Events::Archive', { RetentionDays: 30, KmsKeyIdentifier: KEY_ARN });
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'events.amazonaws.com' } })]),
      },
    });
  });

  it('then there is exactly one SSM String parameter per contract entry, under /wildrydes/platform/', () => {
    const parameters = Object.values(template.findResources('AWS::SSM::Parameter'));
    const names = parameters.map((parameter) => (parameter['Properties'] as { Name: string }).Name).sort();
    expect(names).toEqual(Object.values(PLATFORM_PARAMETERS).sort());
    for (const name of names) {
      expect(name.startsWith(PLATFORM_PARAMETER_PREFIX)).toBe(true);
    }
    template.allResourcesProperties('AWS::SSM::Parameter', { Type: 'String' });
  });

  it('then the parameters carry the resources they name', () => {
    template.hasResourceProperties('AWS::SSM::Parameter', {
      Name: PLATFORM_PARAMETERS.sensorTableStreamArn,
      Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^SensorTable'), 'StreamArn'] },
    });
    template.hasResourceProperties('AWS::SSM::Parameter', { Name: PLATFORM_PARAMETERS.platformKeyArn, Value: KEY_ARN });
    template.hasResourceProperties('AWS::SSM::Parameter', {
      Name: PLATFORM_PARAMETERS.eventBusName,
      Value: { Ref: Match.stringLikeRegexp('^EventBus') },
    });
  });

  it('then the template exports nothing (no CloudFormation exports couple the stacks)', () => {
    const outputs = Object.values(template.toJSON()['Outputs'] ?? {}) as Array<Record<string, unknown>>;
    expect(outputs.filter((output) => 'Export' in output)).toEqual([]);
  });
});

describe('PlatformStack settings', () => {
  it('given custom shard counts, retention, expiry and DESTROY, then the template follows them', () => {
    // Given
    const app = createCdkApp();
    const stack = new PlatformStack(app, 'Custom', {
      rawStreamShardCount: 4,
      cleanStreamShardCount: 2,
      streamRetentionHours: 48,
      quarantineExpirationDays: 30,
      tableDeletionProtection: false,
      eventArchiveRetentionDays: 0,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // When
    const template = Template.fromStack(stack);

    // Then
    expect(stack.stackName).toBe('WildRydesPlatform');
    template.hasResourceProperties('AWS::Kinesis::Stream', { Name: 'unicorn-telemetry', ShardCount: 4, RetentionPeriodHours: 48 });
    template.hasResourceProperties('AWS::Kinesis::Stream', { Name: 'unicorn-telemetry-clean', ShardCount: 2 });
    template.hasResource('AWS::DynamoDB::Table', {
      Properties: { DeletionProtectionEnabled: false },
      DeletionPolicy: 'Delete',
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ ExpirationInDays: 30 })]) },
    });
    template.resourceCountIs('AWS::Events::Archive', 0);
  });

  it.each([
    [{ rawStreamShardCount: 0 }, 'rawStreamShardCount must be a whole number between 1 and 10000 inclusive (given 0)'],
    [{ streamRetentionHours: 12 }, 'streamRetentionHours must be a whole number between 24 and 8760 inclusive (given 12)'],
    [{ quarantineExpirationDays: 0 }, 'quarantineExpirationDays must be a whole number between 1 and 36500 inclusive (given 0)'],
  ])('given %o, then the stack refuses it naming the value given', (props, expected) => {
    const app = createCdkApp();
    expect(() => new PlatformStack(app, 'Bad', props)).toThrow(PlatformConfigError);
    expect(() => new PlatformStack(createCdkApp(), 'Bad', props)).toThrow(expected);
  });
});

import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY } from 'aws-cdk-lib/cx-api';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { createRecordBucket } from './record-bucket.js';

/** Settings of the quarantine bucket and its access-log bucket. */
export interface QuarantineStorageProps {
  /** Encrypts quarantined records. */
  readonly key: kms.IKey;
  /**
   * Days a quarantined record (and each of its older versions) is kept before it expires.
   * @default 90
   */
  readonly expirationDays?: number;
  /**
   * Days S3 server access logs are kept.
   * @default 365
   */
  readonly accessLogsExpirationDays?: number;
  /** @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The bucket poison records are quarantined in (with their original bytes and the reason),
 * plus the bucket the server access logs of every platform bucket go to, each under its own
 * prefix (`quarantine/`, and those given to {@link createRecordBucket} by other buckets, such as
 * the failure bucket's `failures/`). CloudFormation names both buckets. The quarantine bucket is
 * a {@link createRecordBucket} bucket; the construct IDs (`AccessLogs`, `Bucket`) are the logical
 * IDs of retained buckets: changing them would replace the buckets.
 *
 * @example
 * ```ts
 * const quarantine = new QuarantineStorage(this, 'Quarantine', { key, expirationDays: 90 });
 * createRecordBucket(this, 'FailureBucket', { key, accessLogsBucket: quarantine.accessLogsBucket, ... });
 * ```
 */
export class QuarantineStorage extends Construct {
  /** KMS-encrypted with the platform key, versioned, private, TLS only. */
  public readonly bucket: s3.Bucket;
  /** Receives the server access logs of the platform's buckets (SSE-S3: log delivery cannot use SSE-KMS). */
  public readonly accessLogsBucket: s3.Bucket;

  public constructor(scope: Construct, id: string, props: QuarantineStorageProps) {
    super(scope, id);
    // Grant log delivery through a bucket policy rather than the legacy ACL, whatever the app's
    // feature flags say: ACLs are disabled on buckets with BUCKET_OWNER_ENFORCED ownership.
    this.node.setContext(S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;

    this.accessLogsBucket = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      lifecycleRules: [{ expiration: Duration.days(props.accessLogsExpirationDays ?? 365) }],
      removalPolicy,
    });
    NagSuppressions.addResourceSuppressions(this.accessLogsBucket, [
      {
        id: 'AwsSolutions-S1',
        reason: 'This bucket is the server-access-log target of the platform buckets; logging it would log the logs.',
      },
    ]);

    this.bucket = createRecordBucket(this, 'Bucket', {
      key: props.key,
      accessLogsBucket: this.accessLogsBucket,
      accessLogsPrefix: 'quarantine/',
      expirationDays: props.expirationDays ?? 90,
      expirationRuleId: 'ExpireQuarantinedRecords',
      removalPolicy,
    });
  }
}

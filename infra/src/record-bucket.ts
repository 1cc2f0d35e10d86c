import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

/** Settings of a bucket made by {@link createRecordBucket}. */
export interface RecordBucketProps {
  /** Encrypts every object (SSE-KMS, with an S3 bucket key). */
  readonly key: kms.IKey;
  /** Receives the bucket's server access logs. */
  readonly accessLogsBucket: s3.IBucket;
  /** The key prefix of this bucket's access logs in `accessLogsBucket`, e.g. `'quarantine/'`. */
  readonly accessLogsPrefix: string;
  /** Days an object (and each of its older versions) is kept before it expires. */
  readonly expirationDays: number;
  /** The ID of the lifecycle rule that expires objects, e.g. `'ExpireQuarantinedRecords'`. */
  readonly expirationRuleId: string;
  /** @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * A bucket that keeps records the platform must never lose until someone re-drives them (the
 * quarantine, Lambda's on-failure destination): SSE-KMS with the given key and a bucket key,
 * public access blocked, ACLs disabled (BUCKET_OWNER_ENFORCED), TLS 1.2 or newer only, versioned,
 * server access logs under their own prefix, and lifecycle-managed (current and noncurrent
 * versions expire after `expirationDays`, incomplete multipart uploads after one day, expired
 * delete markers are removed). CloudFormation names it: bucket names are global.
 *
 * @example
 * ```ts
 * const failures = createRecordBucket(this, 'FailureBucket', {
 *   key, accessLogsBucket, accessLogsPrefix: 'failures/', expirationDays: 90, expirationRuleId: 'ExpireFailedBatches',
 * });
 * ```
 */
export function createRecordBucket(scope: Construct, id: string, props: RecordBucketProps): s3.Bucket {
  const expiration = Duration.days(props.expirationDays);
  return new s3.Bucket(scope, id, {
    encryption: s3.BucketEncryption.KMS,
    encryptionKey: props.key,
    bucketKeyEnabled: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    versioned: true,
    serverAccessLogsBucket: props.accessLogsBucket,
    serverAccessLogsPrefix: props.accessLogsPrefix,
    lifecycleRules: [
      {
        id: props.expirationRuleId,
        expiration,
        noncurrentVersionExpiration: expiration,
        abortIncompleteMultipartUploadAfter: Duration.days(1),
      },
      { id: 'RemoveExpiredDeleteMarkers', expiredObjectDeleteMarker: true },
    ],
    removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
  });
}

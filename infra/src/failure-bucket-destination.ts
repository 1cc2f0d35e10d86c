import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';

/**
 * Where Lambda writes a stream event source mapping's invocation records in the bucket:
 * `aws/lambda/<ESM-UUID>/<shardID>/YYYY/MM/DD/...` (Lambda Developer Guide, "Retain discarded
 * batch records for a Kinesis Data Streams event source"; `onFailureMappingPrefix` in
 * `@wildrydes/schemas` builds the same prefix for one mapping).
 */
export const ON_FAILURE_KEY_PREFIX = 'aws/lambda/';

/**
 * The S3 on-failure destination of a Kinesis or DynamoDB-stream event source mapping: Lambda
 * stores the invocation record there with the whole batch (`payload`), so records survive the
 * stream's retention. Binding it grants the function's role exactly what the Lambda Developer
 * Guide lists for an S3 destination ("Retain discarded batch records for a Kinesis Data Streams
 * event source", and its DynamoDB twin): `s3:PutObject` (under `aws/lambda/` only, where Lambda
 * writes) and `s3:ListBucket` on the bucket, plus `kms:GenerateDataKey` on the bucket's key for
 * SSE-KMS.
 *
 * Why not CDK's `S3OnFailureDestination`: its `bind` calls `bucket.grantReadWrite`, which gives
 * the role `s3:GetObject*`, `s3:DeleteObject*`, `s3:Abort*`, `s3:List*`, `s3:GetBucket*` on every
 * key and `kms:Decrypt`/`kms:ReEncrypt*` on the key: a handler could read or delete every failed
 * batch of every function in the bucket.
 *
 * @example
 * ```ts
 * new KinesisEventSource(stream, { ...settings, onFailure: new FailureBucketDestination(platform.failureBucket) });
 * ```
 */
export class FailureBucketDestination implements lambda.IEventSourceDlq {
  private readonly bucket: s3.IBucket;

  /** @param bucket imported with its `encryptionKey` (SSE-KMS), as `PlatformImports.failureBucket` is */
  public constructor(bucket: s3.IBucket) {
    this.bucket = bucket;
  }

  public bind(_target: lambda.IEventSourceMapping, targetHandler: lambda.IFunction): lambda.DlqDestinationConfig {
    iam.Grant.addToPrincipal({
      grantee: targetHandler,
      actions: ['s3:PutObject'],
      resourceArns: [this.bucket.arnForObjects(`${ON_FAILURE_KEY_PREFIX}*`)],
    });
    iam.Grant.addToPrincipal({ grantee: targetHandler, actions: ['s3:ListBucket'], resourceArns: [this.bucket.bucketArn] });
    this.bucket.encryptionKey?.grant(targetHandler, 'kms:GenerateDataKey');
    const principal = targetHandler.role;
    if (principal !== undefined && Construct.isConstruct(principal)) {
      NagSuppressions.addResourceSuppressions(
        principal,
        [
          {
            id: 'AwsSolutions-IAM5',
            reason:
              'Object ARNs need a key wildcard: s3:PutObject only, on the failure bucket\'s "aws/lambda/" prefix, ' +
              'where Lambda writes the invocation records of the function\'s event source mapping.',
            appliesTo: [{ regex: '/^Resource::<SsmParameterValue[A-Za-z0-9]*failurebucketarn[A-Za-z0-9]*>\\/aws\\/lambda\\/\\*$/' }],
          },
        ],
        true,
      );
    }
    return { destination: this.bucket.bucketArn };
  }
}

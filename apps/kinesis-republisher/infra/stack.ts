import { Stack, type StackProps } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { PlatformImports, StreamConsumerFunction } from '@wildrydes/infra';
import { kinesisRepublisher } from './declaration.js';

export interface KinesisRepublisherStackProps extends StackProps {
  /**
   * The function's code.
   * @default the bundle built by `nx run kinesis-republisher:build` (dist/apps/kinesis-republisher)
   */
  readonly code?: lambda.Code;
}

/** The re-publisher's own stack: deployed alone, wired to the platform through SSM parameters. */
export class KinesisRepublisherStack extends Stack {
  readonly consumer: StreamConsumerFunction;

  constructor(scope: Construct, id: string, props: KinesisRepublisherStackProps = {}) {
    super(scope, id, props);
    const platform = PlatformImports.fromParameters(this);
    this.consumer = new StreamConsumerFunction(this, 'Republisher', {
      declaration: kinesisRepublisher,
      platform,
      ...(props.code ? { code: props.code } : {}),
    });
    // Least privilege. Reading the raw stream (and decrypting it) comes with the event source.
    // Writing: PutRecords on the clean stream only (by name; IAM authorises it against the
    // stream's ARN either way, and PutRecords needs no DescribeStream*), GenerateDataKey on the
    // platform key because the stream is SSE-KMS encrypted, and PutObject under the function's
    // own prefix of the quarantine bucket.
    platform.telemetryCleanStream.grant(this.consumer.fn, 'kinesis:PutRecords');
    platform.key.grant(this.consumer.fn, 'kms:GenerateDataKey');
    platform.grantQuarantineWrite(this.consumer.fn, `${kinesisRepublisher.name}/`);
  }
}

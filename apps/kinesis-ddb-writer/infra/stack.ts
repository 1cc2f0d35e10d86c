import { Stack, type StackProps } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { PlatformImports, StreamConsumerFunction } from '@wildrydes/infra';
import { kinesisDdbWriter } from './declaration.js';

export interface KinesisDdbWriterStackProps extends StackProps {
  /**
   * The function's code.
   * @default the bundle built by `nx run kinesis-ddb-writer:build` (dist/apps/kinesis-ddb-writer)
   */
  readonly code?: lambda.Code;
}

/** The writer's own stack: deployed alone, wired to the platform through SSM parameters. */
export class KinesisDdbWriterStack extends Stack {
  readonly consumer: StreamConsumerFunction;

  constructor(scope: Construct, id: string, props: KinesisDdbWriterStackProps = {}) {
    super(scope, id, props);
    const platform = PlatformImports.fromParameters(this);
    this.consumer = new StreamConsumerFunction(this, 'Writer', {
      declaration: kinesisDdbWriter,
      platform,
      ...(props.code ? { code: props.code } : {}),
    });
    // Least privilege: the writer only ever calls BatchWriteItem on the table (encrypted with the
    // platform key) and PutObject under its own prefix of the quarantine bucket.
    platform.sensorTable.grant(this.consumer.fn, 'dynamodb:BatchWriteItem');
    platform.key.grant(this.consumer.fn, 'kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey');
    platform.grantQuarantineWrite(this.consumer.fn, `${kinesisDdbWriter.name}/`);
  }
}

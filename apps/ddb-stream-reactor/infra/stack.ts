import { Stack, type StackProps } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { PlatformImports, StreamConsumerFunction } from '@wildrydes/infra';
import { ddbStreamReactor } from './declaration.js';

export interface DdbStreamReactorStackProps extends StackProps {
  /**
   * The function's code.
   * @default the bundle built by `nx run ddb-stream-reactor:build` (dist/apps/ddb-stream-reactor)
   */
  readonly code?: lambda.Code;
}

/** The reactor's own stack: deployed alone, wired to the platform through SSM parameters. */
export class DdbStreamReactorStack extends Stack {
  readonly consumer: StreamConsumerFunction;

  constructor(scope: Construct, id: string, props: DdbStreamReactorStackProps = {}) {
    super(scope, id, props);
    const platform = PlatformImports.fromParameters(this);
    this.consumer = new StreamConsumerFunction(this, 'Reactor', {
      declaration: ddbStreamReactor,
      platform,
      ...(props.code ? { code: props.code } : {}),
    });
    // Least privilege: the event source grants reading the table's stream; beyond that the
    // reactor calls PutEvents on the platform bus, and PutObject under its own prefix of the
    // quarantine bucket (with GenerateDataKey on the platform key the bucket is encrypted with)
    // for records whose events can never be published.
    platform.eventBus.grantPutEventsTo(this.consumer.fn);
    // To tell a recovery, the reactor reads a changed reading's neighbours back: dynamodb:Query
    // on the sensor table only (no Scan, no GetItem, no index), and kms:Decrypt to read it.
    platform.sensorTable.grant(this.consumer.fn, 'dynamodb:Query');
    platform.key.grant(this.consumer.fn, 'kms:Decrypt');
    platform.grantQuarantineWrite(this.consumer.fn, `${ddbStreamReactor.name}/`);
  }
}

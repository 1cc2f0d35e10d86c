import { Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { HttpFunction, PlatformImports } from '@wildrydes/infra';
import { publishableSourcesAndDetailTypes } from '../src/publishable-events.js';
import { eventbridgeProducer } from './declaration.js';

export interface EventbridgeProducerStackProps extends StackProps {
  /**
   * The function's code.
   * @default the bundle built by `nx run eventbridge-producer:build` (dist/apps/eventbridge-producer)
   */
  readonly code?: lambda.Code;
}

/** The producer's own stack: deployed alone, wired to the platform through SSM parameters. */
export class EventbridgeProducerStack extends Stack {
  readonly producer: HttpFunction;

  constructor(scope: Construct, id: string, props: EventbridgeProducerStackProps = {}) {
    super(scope, id, props);
    const platform = PlatformImports.fromParameters(this);
    this.producer = new HttpFunction(this, 'Producer', {
      declaration: eventbridgeProducer,
      platform,
      ...(props.code ? { code: props.code } : {}),
    });
    // Least privilege: PutEvents on the platform bus only, and only with the sources and
    // detail-types of the ride events it publishes (EventBridge checks both per entry), so even a
    // bug cannot put another team's events on the bus. EventBridge itself holds the bus key's
    // permissions: the role needs no KMS grant.
    const { sources, detailTypes } = publishableSourcesAndDetailTypes();
    iam.Grant.addToPrincipal({
      grantee: this.producer.fn,
      actions: ['events:PutEvents'],
      resourceArns: [platform.eventBus.eventBusArn],
      conditions: { StringEquals: { 'events:source': sources, 'events:detail-type': detailTypes } },
    });
  }
}

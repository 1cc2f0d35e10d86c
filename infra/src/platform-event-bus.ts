import { Annotations, Resource } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';

/** Settings of a {@link PlatformEventBus}. */
export interface PlatformEventBusProps {
  /** Called on the first read of `eventBusArn`; returns the deploy-time ARN (declaring its parameter). */
  readonly arn: () => string;
  /** Called on the first read of `eventBusName`; returns the deploy-time name (declaring its parameter). */
  readonly name: () => string;
}

/**
 * The platform bus as a function stack imports it. Its ARN and its name each come from their own
 * platform parameter, read on first use, so a stack declares only the parameters it references:
 * a rule on the bus needs the name only, a `grantPutEventsTo` the ARN only. (CDK's own
 * `EventBus.fromEventBusAttributes` takes both values up front, so a rule-only stack would
 * declare the ARN parameter and never reference it: CloudFormation warning W2001.) It lives in
 * the function stack's account and Region, like the parameters it reads.
 *
 * EventBridge itself holds the bus key's permissions, so `grantPutEventsTo` adds no KMS grant.
 */
export class PlatformEventBus extends Resource implements events.IEventBus {
  /** Imported buses have no policy to read. */
  public readonly eventBusPolicy = '';
  private arn: string | undefined;
  private name: string | undefined;
  private readonly props: PlatformEventBusProps;

  public constructor(scope: Construct, id: string, props: PlatformEventBusProps) {
    super(scope, id);
    this.props = props;
  }

  public get eventBusArn(): string {
    this.arn ??= this.props.arn();
    return this.arn;
  }

  public get eventBusName(): string {
    this.name ??= this.props.name();
    return this.name;
  }

  /** Each field reads its value only when asked for, so taking the reference declares nothing. */
  public get eventBusRef(): events.EventBusReference {
    const arn = (): string => this.eventBusArn;
    const name = (): string => this.eventBusName;
    return {
      get eventBusArn(): string {
        return arn();
      },
      get eventBusName(): string {
        return name();
      },
    };
  }

  /**
   * `events:PutEvents` on this bus, in `grantee`'s identity policy. For identities (roles) only:
   * the platform owns the bus policy, so a grantee without one (a service principal) gets nothing
   * and a synth warning says so.
   */
  public grantPutEventsTo(grantee: iam.IGrantable): iam.Grant {
    const grant = iam.Grant.addToPrincipal({ grantee, actions: ['events:PutEvents'], resourceArns: [this.eventBusArn] });
    if (!grant.success) {
      Annotations.of(this).addWarningV2(
        '@wildrydes/infra:platformEventBusGrant',
        `Cannot grant events:PutEvents to ${grantee.grantPrincipal.toString()}: it has no identity policy, and the bus policy belongs to the platform stack`,
      );
    }
    return grant;
  }

  public archive(id: string, props: events.BaseArchiveProps): events.Archive {
    return new events.Archive(this, id, {
      ...props,
      sourceEventBus: this,
      description: props.description ?? `Event Archive for ${this.eventBusName} Event Bus`,
    });
  }
}

import { CfnCondition, CfnParameter, Fn, Stack } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import {
  ALARM_EMAIL_CONDITION,
  ALARM_EMAIL_NONE,
  ALARM_EMAIL_PARAMETER,
  ALARM_EMAIL_VARIABLE,
  EMAIL_ADDRESS_PATTERN,
} from './alarm-email-setting.js';

/** What {@link addAlarmEmailSubscription} adds to the stack. */
export interface AlarmEmailSubscription {
  /** `AlarmEmail`: the address, or empty (the default) for none. */
  readonly parameter: CfnParameter;
  /** `AlarmEmailIsSet`: the parameter is not empty. */
  readonly condition: CfnCondition;
  /** The email subscription, created only under {@link condition}. */
  readonly subscription: sns.Subscription;
}

/**
 * Subscribes the address in the stack's `AlarmEmail` parameter to `topic` by email, only when the
 * parameter is not empty: a `Condition` attribute on the `AWS::SNS::Subscription` (AWS CloudFormation
 * Template Reference, "Condition attribute": the resource is created only when the condition is
 * true). The parameter defaults to empty, and CloudFormation refuses a value that is neither empty
 * nor an email address (`AllowedPattern`, with `ConstraintDescription` as the message).
 *
 * Because the address is a parameter, the template is the same for every deploy, and a deploy that
 * does not pass the parameter keeps its previous value (`cdk deploy --previous-parameters`, the
 * default): only a deploy that passes it (`WILDRYDES_ALARM_EMAIL`) sets, changes or clears it. A
 * changed address replaces the subscription (its `Endpoint` cannot be updated in place), and SNS
 * asks the new recipient to confirm.
 *
 * @example
 * ```ts
 * const { parameter } = addAlarmEmailSubscription(alarmTopic);
 * // cdk deploy --parameters WildRydesPlatform:AlarmEmail=ops@example.com
 * ```
 */
export function addAlarmEmailSubscription(topic: sns.ITopic): AlarmEmailSubscription {
  // Declared on the stack, so its logical ID is exactly `AlarmEmail` (CDK Developer Guide,
  // "Use CloudFormation parameters to get a CloudFormation value").
  const stack = Stack.of(topic);
  const parameter = new CfnParameter(stack, ALARM_EMAIL_PARAMETER, {
    type: 'String',
    default: '',
    allowedPattern: `^$|${EMAIL_ADDRESS_PATTERN}`,
    constraintDescription: 'must be an email address like ops@example.com, or empty for no subscription',
    description:
      'Email address subscribed to the alarm topic (the recipient confirms from the email SNS sends); empty: none. ' +
      `Set with ${ALARM_EMAIL_VARIABLE}=<address> (or ${ALARM_EMAIL_NONE}) on nx run infra:deploy; kept when not passed.`,
  });
  const condition = new CfnCondition(stack, ALARM_EMAIL_CONDITION, {
    expression: Fn.conditionNot(Fn.conditionEquals(parameter.valueAsString, '')),
  });
  const subscription = new sns.Subscription(topic, 'AlarmEmailSubscription', {
    topic,
    protocol: sns.SubscriptionProtocol.EMAIL,
    endpoint: parameter.valueAsString,
  });
  (subscription.node.defaultChild as sns.CfnSubscription).cfnOptions.condition = condition;
  return { parameter, condition, subscription };
}

import { PlatformConfigError } from './errors.js';

// The alarm topic's email subscription is a CloudFormation parameter of the platform stack, not a
// synth-time setting: a synthesized template holds no address, and a deploy that does not pass the
// parameter keeps the value of the previous deploy (`cdk deploy --previous-parameters`, default
// true: "Use previous values for existing parameters"; AWS CDK Developer Guide, "cdk deploy"). So
// a routine `nx affected -t deploy` without WILDRYDES_ALARM_EMAIL cannot remove the subscription.
// This file is CDK-free so that the deploy command (infra/src/platform-cdk.ts) loads fast.

/** The environment variable that sets, changes or (with {@link ALARM_EMAIL_NONE}) removes the subscription at deploy time. */
export const ALARM_EMAIL_VARIABLE = 'WILDRYDES_ALARM_EMAIL';

/** The platform stack's CloudFormation parameter holding the subscribed address; empty means no subscription. */
export const ALARM_EMAIL_PARAMETER = 'AlarmEmail';

/** The template condition (AlarmEmail is not empty) on which the email subscription is created. */
export const ALARM_EMAIL_CONDITION = 'AlarmEmailIsSet';

/** The value of {@link ALARM_EMAIL_VARIABLE} that removes the subscription on purpose (any case). */
export const ALARM_EMAIL_NONE = 'none';

/**
 * An address SNS can send to: one `@`, something before it, a dot in the domain, no spaces. One
 * source for the check before `cdk deploy` and the parameter's `AllowedPattern`, so it is written in
 * the common subset of JavaScript and Java regular expressions (CloudFormation uses Java's syntax and
 * matches the pattern against the whole value; AWS CloudFormation User Guide, "Parameters" and
 * "Using regular expressions in CloudFormation templates").
 */
export const EMAIL_ADDRESS_PATTERN = '^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$';

const EMAIL_ADDRESS = new RegExp(EMAIL_ADDRESS_PATTERN);

/**
 * `email` when it looks like an email address SNS can send to.
 *
 * @throws {PlatformConfigError} naming the setting and the value given, otherwise
 * @example
 * ```ts
 * requireEmailAddress('alarmEmail', 'ops@example.com'); // 'ops@example.com'
 * requireEmailAddress('alarmEmail', 'ops@'); // throws: alarmEmail must be an email address like ops@example.com (given "ops@")
 * ```
 */
export function requireEmailAddress(name: string, email: string, alternative = ''): string {
  if (!EMAIL_ADDRESS.test(email)) {
    throw new PlatformConfigError(`${name} must be an email address like ops@example.com${alternative} (given "${email}")`);
  }
  return email;
}

/**
 * The value to pass as the platform stack's `AlarmEmail` parameter, from `WILDRYDES_ALARM_EMAIL`:
 * `undefined` when the variable is unset or blank (pass nothing: the deployed value stays), `''`
 * for `none` (removes the subscription), else the address.
 *
 * @throws {PlatformConfigError} naming the variable and the value, when it is neither an email address nor `none`
 * @example
 * ```ts
 * alarmEmailParameterValue({}); // undefined
 * alarmEmailParameterValue({ WILDRYDES_ALARM_EMAIL: 'ops@example.com' }); // 'ops@example.com'
 * alarmEmailParameterValue({ WILDRYDES_ALARM_EMAIL: 'none' }); // ''
 * ```
 */
export function alarmEmailParameterValue(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const value = env[ALARM_EMAIL_VARIABLE]?.trim();
  if (value === undefined || value === '') return undefined;
  if (value.toLowerCase() === ALARM_EMAIL_NONE) return '';
  return requireEmailAddress(ALARM_EMAIL_VARIABLE, value, `, or ${ALARM_EMAIL_NONE} to remove the subscription`);
}

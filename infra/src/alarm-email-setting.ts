/** The environment variable that sets the alarm topic's email subscription at deploy time. */
export const ALARM_EMAIL_VARIABLE = 'WILDRYDES_ALARM_EMAIL';

/** The CDK context key that sets it when the variable is not set (`cdk deploy -c alarmEmail=...`). */
export const ALARM_EMAIL_CONTEXT_KEY = 'alarmEmail';

/**
 * The address to subscribe to the platform's alarm topic, from `WILDRYDES_ALARM_EMAIL` or else
 * the CDK context `alarmEmail`; `undefined` when neither is set (or both are blank). Not
 * validated here: the platform stack refuses a malformed address, naming it.
 *
 * @example
 * ```ts
 * readAlarmEmail({ WILDRYDES_ALARM_EMAIL: 'ops@example.com' }, () => undefined); // 'ops@example.com'
 * readAlarmEmail({}, (key) => app.node.tryGetContext(key)); // the context value, if any
 * ```
 */
export function readAlarmEmail(
  env: Readonly<Record<string, string | undefined>>,
  context: (key: string) => unknown,
): string | undefined {
  const fromEnv = env[ALARM_EMAIL_VARIABLE]?.trim();
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const fromContext = context(ALARM_EMAIL_CONTEXT_KEY);
  if (fromContext === undefined || fromContext === null) return undefined;
  const text = String(fromContext).trim();
  return text === '' ? undefined : text;
}

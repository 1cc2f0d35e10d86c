// The alarm email check of `nx ... deploy`, before any task starts (tools/nx/deploy-preflight-plugin.cjs):
// the same rule as `nx run infra:deploy` applies before cdk runs (infra/src/platform-cdk.ts), loaded
// from @wildrydes/infra's TypeScript source through tsx, so there is one definition of a valid value.

/**
 * Why `WILDRYDES_ALARM_EMAIL` in `env` cannot be deployed (neither unset, an email address nor
 * `none`), as a message naming the value; `undefined` when it can.
 *
 * @param {Readonly<Record<string, string | undefined>>} env
 * @returns {Promise<string | undefined>}
 * @example
 * ```js
 * await findAlarmEmailProblem({ WILDRYDES_ALARM_EMAIL: 'ops@example' });
 * // 'Cannot deploy: WILDRYDES_ALARM_EMAIL must be an email address like ops@example.com, or none ... (given "ops@example")'
 * ```
 */
export async function findAlarmEmailProblem(env) {
  const { tsImport } = await import('tsx/esm/api');
  const { alarmEmailParameterValue } = await tsImport('@wildrydes/infra/alarm-email-setting', import.meta.url);
  try {
    alarmEmailParameterValue(env);
    return undefined;
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'PlatformConfigError') throw error;
    return `Cannot deploy: ${error.message}`;
  }
}

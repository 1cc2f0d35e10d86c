import { ALARM_EMAIL_PARAMETER, alarmEmailParameterValue } from './alarm-email-setting.js';
import { PLATFORM_STACK_NAME } from './platform-stack-name.js';

/** The CDK CLI commands the infra project runs against its synthesized assembly. */
export type PlatformCdkCommand = 'deploy' | 'diff';

/** Where `nx run infra:synth` writes the platform's cloud assembly (infra/package.json). */
const PLATFORM_ASSEMBLY = 'dist/cdk/infra';

const COMMAND_ARGUMENTS: Readonly<Record<PlatformCdkCommand, readonly string[]>> = {
  deploy: ['deploy', '--all', '--no-notices', '--require-approval', 'never', '--app', PLATFORM_ASSEMBLY],
  diff: ['diff', '--no-notices', '--app', PLATFORM_ASSEMBLY],
};

/**
 * The arguments of the CDK CLI for `nx run infra:deploy|diff`: the command on the synthesized
 * platform assembly, plus `--parameters WildRydesPlatform:AlarmEmail=<value>` only when
 * `WILDRYDES_ALARM_EMAIL` is set (`none` passes an empty value, which removes the subscription).
 * Without it, `cdk deploy` keeps the parameter's previous value (`--previous-parameters`, default
 * true), so a deploy that does not set the variable leaves the subscription as it is. The
 * `STACK:KEY=VALUE` form applies the value to that stack only (AWS CDK Developer Guide, "cdk deploy",
 * `--parameters`).
 *
 * @throws {PlatformConfigError} naming the value, when `WILDRYDES_ALARM_EMAIL` is neither an address nor `none`
 * @example
 * ```ts
 * platformCdkArguments('deploy', { WILDRYDES_ALARM_EMAIL: 'ops@example.com' });
 * // ['deploy', '--all', ..., '--app', 'dist/cdk/infra', '--parameters', 'WildRydesPlatform:AlarmEmail=ops@example.com']
 * ```
 */
export function platformCdkArguments(command: PlatformCdkCommand, env: Readonly<Record<string, string | undefined>>): string[] {
  const alarmEmail = alarmEmailParameterValue(env);
  const parameters = alarmEmail === undefined ? [] : ['--parameters', `${PLATFORM_STACK_NAME}:${ALARM_EMAIL_PARAMETER}=${alarmEmail}`];
  return [...COMMAND_ARGUMENTS[command], ...parameters];
}

/**
 * Whether `name` is a command {@link platformCdkArguments} builds.
 *
 * @example
 * ```ts
 * isPlatformCdkCommand('deploy'); // true
 * isPlatformCdkCommand('destroy'); // false
 * ```
 */
export function isPlatformCdkCommand(name: string | undefined): name is PlatformCdkCommand {
  return name !== undefined && Object.hasOwn(COMMAND_ARGUMENTS, name);
}

import type { PlatformParameterName } from '../platform-parameters.js';
import type { EnvValue } from './types.js';

/** Gives the value of a platform parameter: a deploy-time token in CDK, a real name locally. */
export type PlatformValueResolver = (name: PlatformParameterName) => string;

/**
 * Turns a declaration's environment into plain environment variables: literal strings stay as
 * they are, `{ platform: X }` becomes `resolvePlatformValue(X)`.
 *
 * @example
 * ```ts
 * resolveEnvironment(declaration.environment, (name) => platform.value(name)); // in a CDK stack
 * resolveEnvironment(declaration.environment, (name) => localNames[name]);      // in a local run
 * ```
 */
export function resolveEnvironment(
  environment: Readonly<Record<string, EnvValue>>,
  resolvePlatformValue: PlatformValueResolver,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).map(([name, value]) => [
      name,
      typeof value === 'string' ? value : resolvePlatformValue(value.platform),
    ]),
  );
}

import { join } from 'node:path';

/**
 * The environment of this process without any AWS (or Nx) setting, with `home` as an empty home
 * whose shared config and credentials files do not exist, and instance metadata disabled, so that
 * no credential or Region can resolve and nothing leaves the machine.
 *
 * @example
 * ```ts
 * spawnSync(process.execPath, [script], { env: { ...awsFreeEnvironment(home), AWS_REGION: 'eu-west-1' } });
 * ```
 */
export function awsFreeEnvironment(home: string): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_') && !name.startsWith('NX_'));
  return {
    ...Object.fromEntries(kept),
    HOME: home,
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

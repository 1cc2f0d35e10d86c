import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { awsFreeEnvironment } from './support/aws-free-environment.js';

const workspaceRoot = fileURLToPath(new URL('../../', import.meta.url));
const plugin = createRequire(import.meta.url)('../nx/deploy-preflight-plugin.cjs') as {
  requestedTargets: (args: string[]) => string[];
};
const home = mkdtempSync(join(tmpdir(), 'deploy-preflight-nx-'));

/** `nx run eventbridge-producer:deploy` in this workspace with `env`: its exit status and everything it printed. */
function deployProducer(env: NodeJS.ProcessEnv): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [join(workspaceRoot, 'node_modules', 'nx', 'dist', 'bin', 'nx.js'), 'run', 'eventbridge-producer:deploy'], {
    cwd: workspaceRoot,
    encoding: 'utf8',
    env,
  });
  return { status: result.status, output: result.stdout + result.stderr };
}
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('the deploy preflight Nx hook', () => {
  it.each([
    [['run', 'eventbridge-producer:deploy'], ['deploy']],
    [['eventbridge-producer:diff:production'], ['diff']],
    [['deploy', 'infra'], ['deploy']],
    [['affected', '-t', 'lint', 'deploy', '--base=main'], ['lint', 'deploy']],
    [['run-many', '--targets=test,diff'], ['test', 'diff']],
    [['run-many', '--target', 'synth', '-p', 'infra'], ['synth']],
  ])('reads the targets of nx %j', (args, expected) => {
    // Act
    const targets = plugin.requestedTargets(args);

    // Assess
    expect(targets).toEqual(expected);
  });

  it('stops `nx run <fn>:deploy` without credentials with exit 1 and a message naming AWS_PROFILE and AWS_REGION, before any task', () => {
    // Prepare: no AWS settings at all, an empty home, instance metadata off (nothing leaves the machine).
    const env = { ...awsFreeEnvironment(home), NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };

    // Act
    const { status, output } = deployProducer(env);

    // Assess
    expect(status).toBe(1);
    expect(output).toContain('Set AWS_PROFILE');
    expect(output).toContain('Set AWS_REGION');
    expect(output).not.toContain('nx run infra:synth');
  }, 60_000);

  it('stops `nx run <fn>:deploy` with a malformed WILDRYDES_ALARM_EMAIL with exit 1 naming it, before any task', () => {
    // Prepare: credentials and a Region from the environment (nothing is called), and a malformed address.
    const env = {
      ...awsFreeEnvironment(home),
      NX_DAEMON: 'false',
      NX_NO_CLOUD: 'true',
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_REGION: 'eu-west-1',
      WILDRYDES_ALARM_EMAIL: 'ops@example',
    };

    // Act
    const { status, output } = deployProducer(env);

    // Assess
    expect(status).toBe(1);
    expect(output).toContain('WILDRYDES_ALARM_EMAIL must be an email address like ops@example.com, or none to remove the subscription (given "ops@example")');
    expect(output).not.toContain('Set AWS_PROFILE');
    expect(output).not.toContain('nx run infra:synth');
  }, 60_000);
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { awsFreeEnvironment } from './support/aws-free-environment.js';

const workspaceRoot = fileURLToPath(new URL('../../', import.meta.url));
const preflight = join(workspaceRoot, 'tools', 'deploy', 'preflight.mjs');
const home = mkdtempSync(join(tmpdir(), 'deploy-preflight-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/**
 * Runs the preflight with no AWS settings but `settings`: an empty home, no shared config files,
 * and instance metadata disabled so that nothing leaves the machine.
 */
function runPreflight(settings: Record<string, string>): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [preflight], { cwd: workspaceRoot, encoding: 'utf8', env: { ...awsFreeEnvironment(home), ...settings } });
  return { status: result.status, stderr: result.stderr };
}

describe('deploy preflight', () => {
  it('fails with exit 1 naming AWS_PROFILE and AWS_REGION when neither credentials nor a Region resolve', () => {
    // Act
    const { status, stderr } = runPreflight({});

    // Assess
    expect(status).toBe(1);
    expect(stderr).toContain('Cannot deploy');
    expect(stderr).toContain('Set AWS_PROFILE');
    expect(stderr).toContain('Set AWS_REGION');
  });

  it('names only the Region when credentials resolve but no Region does', () => {
    // Act
    const { status, stderr } = runPreflight({ AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret' });

    // Assess
    expect(status).toBe(1);
    expect(stderr).toContain('Set AWS_REGION');
    expect(stderr).not.toContain('No AWS credentials');
  });

  it('passes with credentials and a Region from the environment', () => {
    // Act
    const { status, stderr } = runPreflight({ AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_REGION: 'eu-west-1' });

    // Assess
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
  });

  it('passes with an AWS_PROFILE whose shared files hold the keys and the Region', () => {
    // Prepare
    writeFileSync(join(home, 'config'), '[profile team]\nregion = eu-central-1\n');
    writeFileSync(join(home, 'credentials'), '[team]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = secret\n');

    try {
      // Act
      const { status, stderr } = runPreflight({ AWS_PROFILE: 'team' });

      // Assess
      expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    } finally {
      rmSync(join(home, 'config'));
      rmSync(join(home, 'credentials'));
    }
  });

  it('runs before every cdk deploy and cdk diff of the workspace', () => {
    // Prepare
    const nx = JSON.parse(readFileSync(join(workspaceRoot, 'nx.json'), 'utf8')) as { targetDefaults: Record<string, { command: string }> };

    // Act
    const commands = ['deploy', 'diff'].map((target) => nx.targetDefaults[target]!.command);

    // Assess
    for (const command of commands) expect(command).toMatch(/^node tools\/deploy\/preflight\.mjs && cdk /);
  });
});

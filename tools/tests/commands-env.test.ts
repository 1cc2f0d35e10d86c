import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';
const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const nx = JSON.parse(readFileSync(join(root, 'nx.json'), 'utf8')) as { targetDefaults: Record<string, { options?: { env?: Record<string, string> } }> };

/** Runs what building an SDK client does on Node 20, then another warning, with the given Node flags. */
function warningsOf(nodeFlags: readonly string[]): string {
  const sdkCore = createRequire(import.meta.url).resolve('@aws-sdk/core');
  const program = `require(${JSON.stringify(sdkCore)}).emitWarningIfUnsupportedVersion('v20.20.2');
process.emitWarning('a deprecation that must still show', 'DeprecationWarning');`;
  const env = { ...process.env };
  delete env[SWITCH];
  return spawnSync(process.execPath, [...nodeFlags, '-e', program], { cwd: root, env, encoding: 'utf8' }).stderr;
}

describe("the workspace's commands and the SDK's NodeVersionSupportWarning", () => {
  it('npm start and npm run redrive load tools/commands.env, which silences that warning and no other', () => {
    // Prepare: the Node flags each script runs with
    const flagsOf = (script: string) => (script.replace(/^exec /, '').split(' --import tsx')[0] ?? '').split(' ').slice(1);

    // Act
    const bare = warningsOf([]);
    const outputs = ['start', 'redrive'].map((name) => warningsOf(flagsOf(scripts[name] ?? '')));

    // Assess
    expect(bare).toContain('NodeVersionSupportWarning');
    for (const stderr of outputs) {
      expect(stderr).not.toContain('NodeVersionSupportWarning');
      expect(stderr).toContain('DeprecationWarning: a deprecation that must still show');
    }
  });

  it.each(['test', 'synth', 'diff', 'deploy'])('Nx %s tasks (SDK clients, the CDK CLI) run with the same switch as tools/commands.env', (target) => {
    // Prepare
    const fromFile = /^AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=(.*)$/m.exec(readFileSync(join(root, 'tools', 'commands.env'), 'utf8'))?.[1];

    // Act
    const value = nx.targetDefaults[target]?.options?.env?.[SWITCH];

    // Assess
    expect(fromFile).toBe('true');
    expect(value).toBe(fromFile);
  });
});

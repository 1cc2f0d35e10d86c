import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ALARM_EMAIL_VARIABLE,
  PLATFORM_STACK_NAME,
  PlatformConfigError,
  alarmEmailParameterValue,
  platformCdkArguments,
} from '../../src/index.js';
import { catchError } from '../support/inline-code.js';

const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));
const DEPLOY = ['deploy', '--all', '--no-notices', '--require-approval', 'never', '--app', 'dist/cdk/infra'];
const DIFF = ['diff', '--no-notices', '--app', 'dist/cdk/infra'];

describe('alarmEmailParameterValue (WILDRYDES_ALARM_EMAIL at deploy time)', () => {
  it.each([
    [{}, undefined],
    [{ [ALARM_EMAIL_VARIABLE]: '' }, undefined],
    [{ [ALARM_EMAIL_VARIABLE]: '  ' }, undefined],
    [{ [ALARM_EMAIL_VARIABLE]: 'ops@example.com' }, 'ops@example.com'],
    [{ [ALARM_EMAIL_VARIABLE]: ' ops@example.com ' }, 'ops@example.com'],
    [{ [ALARM_EMAIL_VARIABLE]: 'none' }, ''],
    [{ [ALARM_EMAIL_VARIABLE]: 'NONE' }, ''],
  ])('given %o, then the AlarmEmail value to pass is %j (undefined: keep the deployed one)', (env, expected) => {
    expect(alarmEmailParameterValue(env)).toBe(expected);
  });

  it.each(['ops', 'ops@', '@example.com', 'ops@example', 'ops @example.com', 'ops@example..com', 'a@b@example.com', 'none@'])(
    'given the malformed address %j, then it is refused naming the variable and the value',
    (email) => {
      // Act
      const error = catchError(() => alarmEmailParameterValue({ [ALARM_EMAIL_VARIABLE]: email }));

      // Assess
      expect(error).toBeInstanceOf(PlatformConfigError);
      expect(error.message).toBe(
        `${ALARM_EMAIL_VARIABLE} must be an email address like ops@example.com, or none to remove the subscription (given "${email}")`,
      );
    },
  );
});

describe('platformCdkArguments (the infra project\'s deploy and diff commands)', () => {
  it('given no WILDRYDES_ALARM_EMAIL, then it passes no AlarmEmail, so cdk deploy keeps the deployed value (--previous-parameters, default true)', () => {
    // Act
    const deploy = platformCdkArguments('deploy', {});
    const diff = platformCdkArguments('diff', { [ALARM_EMAIL_VARIABLE]: ' ' });

    // Assess
    expect(deploy).toEqual(DEPLOY);
    expect(diff).toEqual(DIFF);
  });

  it('given an address, then it passes it as the platform stack\'s AlarmEmail parameter (cdk deploy --parameters STACK:KEY=VALUE)', () => {
    // Act
    const deploy = platformCdkArguments('deploy', { [ALARM_EMAIL_VARIABLE]: 'ops@example.com' });
    const diff = platformCdkArguments('diff', { [ALARM_EMAIL_VARIABLE]: 'ops@example.com' });

    // Assess
    expect(PLATFORM_STACK_NAME).toBe('WildRydesPlatform');
    expect(deploy).toEqual([...DEPLOY, '--parameters', 'WildRydesPlatform:AlarmEmail=ops@example.com']);
    expect(diff).toEqual([...DIFF, '--parameters', 'WildRydesPlatform:AlarmEmail=ops@example.com']);
  });

  it('given none, then it passes an empty AlarmEmail, which removes the subscription', () => {
    expect(platformCdkArguments('deploy', { [ALARM_EMAIL_VARIABLE]: 'none' })).toEqual([...DEPLOY, '--parameters', 'WildRydesPlatform:AlarmEmail=']);
  });

  it('given a malformed address, then it builds nothing and names the value', () => {
    // Act
    const error = catchError(() => platformCdkArguments('deploy', { [ALARM_EMAIL_VARIABLE]: 'ops.example.com' }));

    // Assess
    expect(error).toBeInstanceOf(PlatformConfigError);
    expect(error.message).toContain('(given "ops.example.com")');
  });
});

describe('infra:deploy and infra:diff', () => {
  it('run cdk through infra/src/platform-cdk.ts, after the credentials preflight, and synth no longer reads the variable', () => {
    // Prepare
    const { nx } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      nx: { targets: Record<string, { command?: string; inputs?: unknown[] }> };
    };

    // Act
    const { deploy, diff, synth } = nx.targets;

    // Assess
    expect(deploy?.command).toBe('node tools/deploy/preflight.mjs && node --import tsx infra/src/platform-cdk.ts deploy');
    expect(diff?.command).toBe('node tools/deploy/preflight.mjs && node --import tsx infra/src/platform-cdk.ts diff');
    expect(synth?.inputs).not.toContainEqual({ env: ALARM_EMAIL_VARIABLE });
  });

  it('given a malformed WILDRYDES_ALARM_EMAIL, then infra/src/platform-cdk.ts exits 1 naming it, before cdk runs', () => {
    // Act
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'infra/src/platform-cdk.ts', 'deploy'], {
      cwd: workspaceRoot,
      encoding: 'utf8',
      env: { PATH: process.env['PATH'], [ALARM_EMAIL_VARIABLE]: 'ops@example' },
    });

    // Assess
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      `Cannot deploy: ${ALARM_EMAIL_VARIABLE} must be an email address like ops@example.com, or none to remove the subscription (given "ops@example")`,
    );
    expect(result.stdout).toBe('');
  });

  it('given a command other than deploy or diff, then it exits 2 naming the ones it runs', () => {
    // Act
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'infra/src/platform-cdk.ts', 'destroy'], {
      cwd: workspaceRoot,
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] },
    });

    // Assess
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('Usage: platform-cdk.ts deploy|diff (given "destroy")');
  });
});

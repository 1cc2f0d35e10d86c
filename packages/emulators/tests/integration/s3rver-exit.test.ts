import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./fixtures/s3rver-then-quit.ts', import.meta.url));

/** Runs the fixture, waits for the folder it prints, lets `act` end it, and returns how it ended. */
async function runFixture(mode: 'exit' | 'signal', act: (pid: number) => void = () => undefined) {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  let output = '';
  const directory = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const line = output.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { directory: string }).directory);
    });
    void exited.then(() => reject(new Error(`the fixture ended before printing its folder: ${output}`)));
  });
  act(child.pid!);
  const [code, signal] = await exited;
  return { directory, code, signal };
}

describe('s3rver temporary folder when the process quits without stop()', () => {
  it('is removed on process.exit (a second Ctrl-C quitting at once)', async () => {
    // Act
    const { directory, code } = await runFixture('exit');

    // Assess
    expect(code).toBe(130);
    expect(directory).toContain('emulators-s3rver-');
    expect(existsSync(directory)).toBe(false);
  });

  it('is removed on a SIGINT nobody handles, and the process still dies of SIGINT', async () => {
    // Act
    const { directory, signal } = await runFixture('signal', (pid) => process.kill(pid, 'SIGINT'));

    // Assess
    expect(signal).toBe('SIGINT');
    expect(existsSync(directory)).toBe(false);
  });
});

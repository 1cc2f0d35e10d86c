import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { isPortFree } from '@wildrydes/emulators';

const workspaceRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** `npm start`, as a person runs it: npm in its own process group, as a terminal's foreground job. */
function npmStart(temporaryDirectory: string) {
  const child = spawn('npm', ['start', '--', '--skip-build', '--rate', '20', '--unicorns', '3', '--rides', '1', '--seed', '7'], {
    cwd: workspaceRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TMPDIR: temporaryDirectory, npm_config_update_notifier: 'false', CI: '' },
  });
  let output = '';
  const waiters: Array<{ text: string; resolve: () => void }> = [];
  const take = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const waiter of waiters.filter(({ text }) => output.includes(text))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return {
    child,
    exited,
    output: () => output,
    /** Resolves once `text` has been printed; rejects if the run ends first. */
    printed: (text: string) =>
      Promise.race([
        new Promise<void>((resolve) => (output.includes(text) ? resolve() : waiters.push({ text, resolve }))),
        exited.then(() => {
          if (!output.includes(text)) throw new Error(`npm start ended without printing ${JSON.stringify(text)}:\n${output}`);
        }),
      ]),
    /** Ctrl-C in a terminal: SIGINT to the whole foreground process group (npm and what it runs). */
    ctrlC: () => process.kill(-child.pid!, 'SIGINT'),
  };
}

/** The emulator ports, from the `export AWS_ENDPOINT_URL_<SERVICE>=` lines the run printed. */
function emulatorPorts(output: string): number[] {
  return [...output.matchAll(/^export AWS_ENDPOINT_URL_\w+=http:\/\/127\.0\.0\.1:(\d+)$/gm)].map((match) => Number(match[1]));
}

describe('Ctrl-C in npm start, end to end', () => {
  let temporaryDirectory: string;
  let running: ChildProcess | undefined;

  afterEach(async () => {
    if (running && running.exitCode === null && running.signalCode === null) process.kill(-running.pid!, 'SIGKILL');
    await rm(temporaryDirectory, { recursive: true, force: true });
  });

  it(
    'one Ctrl-C drains, reconciles and exits 0 when nothing was lost; the emulators are stopped and their temporary folders removed',
    async () => {
      // Prepare
      temporaryDirectory = await mkdtemp(join(tmpdir(), 'ctrl-c-once-'));
      const run = npmStart(temporaryDirectory);
      running = run.child;
      await run.printed('simulator  readings');

      // Act
      run.ctrlC();
      const [code, signal] = await run.exited;

      // Assess
      expect({ code, signal }, run.output()).toEqual({ code: 0, signal: null });
      expect(run.output()).toContain('Nothing lost.');
      const ports = emulatorPorts(run.output());
      expect(ports).toHaveLength(5);
      for (const port of ports) expect(await isPortFree(port)).toBe(true);
      expect((await readdir(temporaryDirectory)).filter((name) => name.startsWith('emulators-'))).toEqual([]);
    },
    120_000,
  );

  it(
    'a second Ctrl-C stops the emulators at once, removes their temporary folders and ends as interrupted (SIGINT), without reconciling',
    async () => {
      // Prepare: the first Ctrl-C while the emulators start; the run then drains as soon as it is up.
      // Its lines are printed once DynamoDB Local answers, seconds after the first Ctrl-C: far more
      // than SAME_CTRL_C_WITHIN_MS, so the next SIGINT counts as a second Ctrl-C, not as a copy.
      temporaryDirectory = await mkdtemp(join(tmpdir(), 'ctrl-c-twice-'));
      const run = npmStart(temporaryDirectory);
      running = run.child;
      await run.printed('Starting emulators');
      run.ctrlC();
      await run.printed('Reach this run from another terminal');

      // Act: the second Ctrl-C, while it drains.
      run.ctrlC();
      const [code, signal] = await run.exited;

      // Assess
      expect({ code, signal }, run.output()).toEqual({ code: null, signal: 'SIGINT' });
      expect(run.output()).toContain('Quitting now');
      expect(run.output()).not.toContain('Reconciliation');
      const ports = emulatorPorts(run.output());
      expect(ports).toHaveLength(5);
      for (const port of ports) expect(await isPortFree(port)).toBe(true);
      expect((await readdir(temporaryDirectory)).filter((name) => name.startsWith('emulators-'))).toEqual([]);
    },
    120_000,
  );
});

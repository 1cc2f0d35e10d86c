import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { isPortFree } from '@wildrydes/emulators';

const workspaceRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const runOptions = ['--skip-build', '--rate', '20', '--unicorns', '3', '--rides', '1', '--seed', '7'];

/**
 * `npm start`, as a person runs it (`npm`: npm in its own process group, as a terminal's foreground
 * job), or the command its script runs, without npm (`direct`: no forwarded copies of a Ctrl-C).
 */
function startRun(temporaryDirectory: string, how: 'npm' | 'direct') {
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: temporaryDirectory, npm_config_update_notifier: 'false', CI: '' };
  let command = 'npm';
  let args = ['start', '--', ...runOptions];
  if (how === 'direct') {
    // The start script is `exec node <flags> <cli>`: run that node command line itself, with none of npm's variables.
    const script = (JSON.parse(readFileSync(join(workspaceRoot, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
    const nodeCommand = /^exec node (.+)$/.exec(script)?.[1];
    if (nodeCommand === undefined) throw new Error(`unexpected start script: ${script}`);
    command = process.execPath;
    args = [...nodeCommand.split(' '), ...runOptions];
    for (const name of Object.keys(env)) if (name.startsWith('npm_')) delete env[name];
  }
  const child = spawn(command, args, { cwd: workspaceRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
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
          if (!output.includes(text)) throw new Error(`the run ended without printing ${JSON.stringify(text)}:\n${output}`);
        }),
      ]),
    /** Ctrl-C in a terminal: SIGINT to the whole foreground process group (npm, if any, and what it runs). */
    ctrlC: () => process.kill(-child.pid!, 'SIGINT'),
  };
}

/** What the run prints when it acts on a first Ctrl-C (under npm: once no copy of it can come any more). */
const DRAINING = 'Simulator stopped: draining the pipeline';

/** The emulator ports, from the `export AWS_ENDPOINT_URL_<SERVICE>=` lines the run printed. */
function emulatorPorts(output: string): number[] {
  return [...output.matchAll(/^export AWS_ENDPOINT_URL_\w+=http:\/\/127\.0\.0\.1:(\d+)$/gm)].map((match) => Number(match[1]));
}

/** The run ended as interrupted (SIGINT) without reconciling, and left no emulator behind. */
async function expectQuitAtOnce(exit: { code: number | null; signal: NodeJS.Signals | null }, output: string, temporaryDirectory: string): Promise<void> {
  expect(exit, output).toEqual({ code: null, signal: 'SIGINT' });
  expect(output).toContain('Quitting now');
  expect(output).not.toContain('Reconciliation');
  await expectEmulatorsGone(output, temporaryDirectory);
}

/** Every emulator the run printed a port for has stopped, and no emulator folder is left. */
async function expectEmulatorsGone(output: string, temporaryDirectory: string): Promise<void> {
  const ports = emulatorPorts(output);
  // KINESIS, DYNAMODB, DYNAMODB_STREAMS, S3, EVENTBRIDGE, SQS and the local Lambda Invoke API (LAMBDA).
  expect(ports).toHaveLength(7);
  for (const port of ports) expect(await isPortFree(port)).toBe(true);
  expect((await readdir(temporaryDirectory)).filter((name) => name.startsWith('emulators-'))).toEqual([]);
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
      const run = startRun(temporaryDirectory, 'npm');
      running = run.child;
      await run.printed('simulator  readings');

      // Act
      run.ctrlC();
      const [code, signal] = await run.exited;

      // Assess
      expect({ code, signal }, run.output()).toEqual({ code: 0, signal: null });
      expect(run.output()).toContain('Nothing lost.');
      await expectEmulatorsGone(run.output(), temporaryDirectory);
    },
    120_000,
  );

  it(
    'a second Ctrl-C stops the emulators at once, removes their temporary folders and ends as interrupted (SIGINT), without reconciling',
    async () => {
      // Prepare: the first Ctrl-C while the emulators start; the run drains as soon as it is up. Under
      // npm a Ctrl-C is acted on once its copies can no longer come, so a Ctrl-C sent after the run
      // says it drains is a second one, however soon it follows.
      temporaryDirectory = await mkdtemp(join(tmpdir(), 'ctrl-c-twice-'));
      const run = startRun(temporaryDirectory, 'npm');
      running = run.child;
      await run.printed('Starting emulators');
      run.ctrlC();
      await run.printed(DRAINING);

      // Act: the second Ctrl-C, while it drains.
      run.ctrlC();
      const [code, signal] = await run.exited;

      // Assess
      await expectQuitAtOnce({ code, signal }, run.output(), temporaryDirectory);
    },
    120_000,
  );

  it(
    'run without npm (no copies of a Ctrl-C), an impatient ^C^C stops at once: the second Ctrl-C is not taken for a copy of the first',
    async () => {
      // Prepare
      temporaryDirectory = await mkdtemp(join(tmpdir(), 'ctrl-c-direct-'));
      const run = startRun(temporaryDirectory, 'direct');
      running = run.child;
      await run.printed('simulator  readings');

      // Act: ^C, and ^C again as soon as the first shows
      run.ctrlC();
      await run.printed(DRAINING);
      run.ctrlC();
      const [code, signal] = await run.exited;

      // Assess
      await expectQuitAtOnce({ code, signal }, run.output(), temporaryDirectory);
    },
    120_000,
  );
});

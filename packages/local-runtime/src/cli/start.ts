#!/usr/bin/env node
// `npm start`: the whole pipeline on this machine. Exit codes: 0 nothing lost, 1 something lost,
// 2 a usage or set-up error (bad option, no Java, port in use, functions not built); killed by
// SIGINT (130 in a shell) when a second Ctrl-C quit without reconciling.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JavaNotFoundError, PortInUseError } from '@wildrydes/emulators';
import { FunctionNotBuiltError } from '../runtime/load-declarations.js';
import { RunInterruptedError, runPipeline } from '../runtime/run-pipeline.js';
import { CtrlC, sameCtrlCWithinMs } from './interrupts.js';
import { HELP, UsageError, parseStartOptions } from './options.js';

let interruptedBy: (() => void) | undefined;

/**
 * Ends this process the way an interrupted program should: killed by SIGINT, so the shell (and
 * npm, which then re-raises it on itself) reports an interruption (status 130), not a result.
 */
function dieOfSigint(): void {
  if (interruptedBy) process.off('SIGINT', interruptedBy);
  process.kill(process.pid, 'SIGINT');
}

async function main(): Promise<number> {
  const options = parseStartOptions(process.argv.slice(2));
  if (options.help) {
    console.log(HELP);
    return 0;
  }
  const workspaceRoot = process.cwd();
  if (!existsSync(join(workspaceRoot, 'nx.json'))) throw new UsageError('run npm start from the workspace root (the folder with nx.json)');

  if (!options.skipBuild) {
    // The deployable bundles, exactly what the stacks deploy; Nx replays them from its cache when nothing changed.
    console.log('Building the function bundles (npx nx run-many -t build -p tag:type:app)...');
    const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'tag:type:app', '--output-style=static'], {
      cwd: workspaceRoot,
      stdio: 'inherit',
    });
    if (build.status !== 0) throw new UsageError('building the function bundles failed (see above)');
  }

  // One Ctrl-C drains and reconciles; the next stops the emulators at once; one more quits on the spot.
  const drain = new AbortController();
  const stopNow = new AbortController();
  const ctrlC = new CtrlC({
    // Under npm each Ctrl-C arrives twice (see NPM_FORWARDED_COPY_WITHIN_MS); run directly, once.
    sameWithinMs: sameCtrlCWithinMs(process.env),
    onAction: (action) => {
      if (action === 'drain') drain.abort();
      else if (action === 'stop-now') stopNow.abort();
      else process.exit(130); // the exit hooks still kill DynamoDB Local and remove the temporary folders
    },
  });
  const onSigint = (): void => ctrlC.press();
  process.on('SIGINT', onSigint);
  interruptedBy = onSigint;

  const result = await runPipeline({
    workspaceRoot,
    ...(options.durationSeconds !== undefined ? { durationSeconds: options.durationSeconds } : {}),
    rate: options.rate,
    unicorns: options.unicorns,
    badRatio: options.badRatio,
    ridesPerSecond: options.ridesPerSecond,
    seed: options.seed,
    faults: options.faults,
    shardCount: options.shards,
    ...(options.port !== undefined ? { producerPort: options.port } : {}),
    signal: drain.signal,
    stopNow: stopNow.signal,
    onDraining: () => ctrlC.drainingStarted(),
    interactive: Boolean(process.stdout.isTTY) && !process.env['CI'],
    write: (text) => process.stdout.write(text),
  });
  if (options.summaryFile) {
    await writeFile(options.summaryFile, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`Summary written to ${options.summaryFile}`);
  }
  return result.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof RunInterruptedError) return dieOfSigint();
    const known = [UsageError, JavaNotFoundError, PortInUseError, FunctionNotBuiltError].some((type) => error instanceof type);
    console.error(`npm start: ${(error as Error).message}`);
    if (error instanceof UsageError) console.error('Run `npm start -- --help` for the options.');
    if (!known) console.error(error);
    process.exit(2);
  },
);

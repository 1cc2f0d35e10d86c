#!/usr/bin/env node
// `npm start`: the whole pipeline on this machine. Exit codes: 0 nothing lost, 1 something lost,
// 2 a usage or set-up error (bad option, no Java, port in use, functions not built).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JavaNotFoundError, PortInUseError } from '@wildrydes/emulators';
import { FunctionNotBuiltError } from '../runtime/load-declarations.js';
import { runPipeline } from '../runtime/run-pipeline.js';
import { HELP, UsageError, parseStartOptions } from './options.js';

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

  const controller = new AbortController();
  let interrupts = 0;
  process.on('SIGINT', () => {
    interrupts += 1;
    if (interrupts > 1) process.exit(130);
    process.stdout.write('\nStopping: draining the pipeline, then reconciling (Ctrl-C again to quit at once)...\n');
    controller.abort();
  });

  const result = await runPipeline({
    workspaceRoot,
    ...(options.durationSeconds !== undefined ? { durationSeconds: options.durationSeconds } : {}),
    rate: options.rate,
    unicorns: options.unicorns,
    badRatio: options.badRatio,
    ridesPerSecond: options.ridesPerSecond,
    seed: options.seed,
    shardCount: options.shards,
    ...(options.port !== undefined ? { producerPort: options.port } : {}),
    signal: controller.signal,
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
    const known = [UsageError, JavaNotFoundError, PortInUseError, FunctionNotBuiltError].some((type) => error instanceof type);
    console.error(`npm start: ${(error as Error).message}`);
    if (error instanceof UsageError) console.error('Run `npm start -- --help` for the options.');
    if (!known) console.error(error);
    process.exit(2);
  },
);

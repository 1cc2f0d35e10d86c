// Benchmark of the deployable bundles: size, gzip size, and cold-start cost (the time a fresh
// Node process takes to import the bundle and run its init: config, clients). Run with
// `npm run bench:bundles` after `npx nx run-many -t build`; results are printed as a table and
// written to dist/bench/bundles.json.
//
// To compare two builds, pass their folders: `npm run bench:bundles -- before/apps dist/apps`.
// `npm run bench:bundles -- --compare-credentials` builds every function twice from the same
// sources, with the SDK's default credential chain and with the environment-only provider the
// build uses, and compares the two. Cold starts of the folders are interleaved, so machine load
// weighs on both sides alike.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { functionBundleOptions } from '../bundle-options.mjs';

const root = process.cwd();
const runs = Number(process.env['BENCH_RUNS'] ?? 9);
const args = process.argv.slice(2);
const folders = args.includes('--compare-credentials')
  ? await buildCredentialVariants()
  : args.length > 0
    ? args
    : [join('dist', 'apps')];

/** Builds every function with the default credential chain and with the env-only provider. */
async function buildCredentialVariants(): Promise<string[]> {
  const variants = { 'default-chain': false, 'env-only': true } as const;
  const names = readdirSync(join(root, 'apps')).filter((name) => existsSync(join(root, 'apps', name, 'src', 'handler.ts')));
  for (const [variant, envOnlyCredentials] of Object.entries(variants)) {
    for (const name of names) {
      const outfile = join(root, 'dist', 'bench', variant, name, 'index.mjs');
      await build(functionBundleOptions({ workspaceRoot: root, name, outfile, envOnlyCredentials }));
    }
  }
  return Object.keys(variants).map((variant) => join('dist', 'bench', variant));
}
for (const folder of folders) {
  if (!existsSync(folder)) {
    console.error(`No bundles in ${folder}: run \`npx nx run-many -t build\` first.`);
    process.exit(2);
  }
}

/** Plausible values for every variable a function's declaration sets, so its init runs fully. */
async function environmentOf(name: string): Promise<Record<string, string>> {
  const module = (await import(pathToFileURL(join(root, 'apps', name, 'infra', 'declaration.ts')).href)) as Record<string, unknown>;
  const declaration = Object.values(module).find((value) => (value as { name?: string } | null)?.name === name) as
    | { environment: Record<string, string | { platform: string }> }
    | undefined;
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_LAMBDA_FUNCTION_NAME: name,
  };
  for (const [key, value] of Object.entries(declaration?.environment ?? {})) env[key] = typeof value === 'string' ? value : `bench-${value.platform}`;
  return env;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
interface Result { folder: string; name: string; bytes: number; gzipBytes: number; coldImportMsMedian: number; coldImportMsMin: number }
const results: Result[] = [];
const names = readdirSync(folders[0] ?? '').filter((name) => existsSync(join(folders[0] ?? '', name, 'index.mjs'))).sort();
for (const name of names) {
  const env = await environmentOf(name);
  const timings = new Map<string, number[]>(folders.map((folder) => [folder, []]));
  for (let i = 0; i < runs; i += 1) {
    for (const folder of folders) {
      const bundle = join(root, folder, name, 'index.mjs');
      const script = `const t = performance.now(); const m = await import(${JSON.stringify(pathToFileURL(bundle).href)}); if (typeof m.handler !== 'function') process.exit(3); console.log(performance.now() - t);`;
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' });
      timings.get(folder)?.push(Number(out.trim().split('\n').at(-1)));
    }
  }
  for (const folder of folders) {
    const code = readFileSync(join(root, folder, name, 'index.mjs'));
    const times = timings.get(folder) ?? [];
    results.push({ folder, name, bytes: code.length, gzipBytes: gzipSync(code).length, coldImportMsMedian: median(times), coldImportMsMin: Math.min(...times) });
  }
  process.stdout.write(`measured ${name} (${runs} cold starts per folder)\n`);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`\n${'bundle'.padEnd(22)} ${'folder'.padEnd(26)} ${'size'.padStart(10)} ${'gzip'.padStart(10)} ${'cold import (median)'.padStart(21)} ${'(min)'.padStart(9)}`);
for (const r of results) {
  console.log(
    `${r.name.padEnd(22)} ${r.folder.padEnd(26)} ${kb(r.bytes).padStart(10)} ${kb(r.gzipBytes).padStart(10)} ${`${r.coldImportMsMedian.toFixed(1)} ms`.padStart(21)} ${`${r.coldImportMsMin.toFixed(1)} ms`.padStart(9)}`,
  );
}
mkdirSync(join(root, 'dist', 'bench'), { recursive: true });
writeFileSync(join(root, 'dist', 'bench', 'bundles.json'), `${JSON.stringify({ node: process.version, runs, folders, results }, null, 2)}\n`);
console.log('\nwritten to dist/bench/bundles.json');

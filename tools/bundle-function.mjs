#!/usr/bin/env node
// Bundles one function into dist/apps/<name>/index.mjs: the exact file its CDK stack deploys and
// the local runtime loads. esbuild's own API rather than @nx/esbuild's executor, because the
// deployable contract (one fixed file name, ESM + `handler` export, a metafile beside it, the
// AWS SDK bundled and tree-shaken from its ESM builds, the credential chain reduced to what
// Lambda uses) is a handful of options here (bundle-options.mjs) and would be a pile of
// executor overrides there.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { functionBundleOptions } from './bundle-options.mjs';

const workspaceRoot = resolve(fileURLToPath(import.meta.url), '..', '..');
const name = process.argv[2];
if (!name || name.startsWith('-')) {
  console.error('usage: node tools/bundle-function.mjs <function-name>   (an Nx project under apps/)');
  process.exit(2);
}
if (!existsSync(join(workspaceRoot, 'apps', name, 'src', 'handler.ts'))) {
  console.error(`bundle-function: apps/${name}/src/handler.ts not found; is "${name}" a function under apps/?`);
  process.exit(2);
}
const outdir = join(workspaceRoot, 'dist', 'apps', name);
const outfile = join(outdir, 'index.mjs');

const started = performance.now();
await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
const result = await build(functionBundleOptions({ workspaceRoot, name, outfile }));
await writeFile(join(outdir, 'meta.json'), JSON.stringify(result.metafile));

const code = await readFile(outfile);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
// Two lines, each within 80 columns (a function name is at most 40 characters here).
console.log(`dist/apps/${name}/index.mjs: ${kb(code.length)}, gzip ${kb(gzipSync(code).length)}`);
console.log(`  with index.mjs.map and meta.json, built in ${Math.round(performance.now() - started)} ms`);

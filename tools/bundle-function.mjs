#!/usr/bin/env node
// Bundles one function into dist/apps/<name>/index.mjs: the exact file its CDK stack deploys and
// the local runtime loads. esbuild's own API rather than @nx/esbuild's executor, because the
// deployable contract (one fixed file name, ESM + `handler` export, a metafile beside it, the
// AWS SDK bundled and tree-shaken from its ESM builds) is a handful of options here and would
// be a pile of executor overrides there.
import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const workspaceRoot = resolve(fileURLToPath(import.meta.url), '..', '..');
const name = process.argv[2];
if (!name || name.startsWith('-')) {
  console.error('usage: node tools/bundle-function.mjs <function-name>   (an Nx project under apps/)');
  process.exit(2);
}
const entry = join(workspaceRoot, 'apps', name, 'src', 'handler.ts');
if (!existsSync(entry)) {
  console.error(`bundle-function: ${entry.slice(workspaceRoot.length + 1)} not found; is "${name}" a function under apps/?`);
  process.exit(2);
}
const outdir = join(workspaceRoot, 'dist', 'apps', name);
const outfile = join(outdir, 'index.mjs');

const started = performance.now();
await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
const result = await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  metafile: true,
  legalComments: 'none',
  // Prefer the ESM builds of the AWS SDK and Powertools: they tree-shake, the CJS ones do not.
  mainFields: ['module', 'main'],
  conditions: ['module'],
  // Some CommonJS dependencies call require() for Node built-ins; give the ESM bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
await writeFile(join(outdir, 'meta.json'), JSON.stringify(result.metafile));

const code = await readFile(outfile);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(
  `${name}: dist/apps/${name}/index.mjs ${kb(code.length)} (gzip ${kb(gzipSync(code).length)}), ` +
    `source map and meta.json beside it, in ${Math.round(performance.now() - started)} ms`,
);

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { functionBundleOptions } from '../bundle-options.mjs';

const workspaceRoot = fileURLToPath(new URL('../../', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'bundle-options-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function bundledPackages(envOnlyCredentials: boolean): Promise<{ inputs: string[]; bytes: number }> {
  const outfile = join(out, String(envOnlyCredentials), 'index.mjs');
  const result = await build({ ...functionBundleOptions({ workspaceRoot, name: 'kinesis-ddb-writer', outfile, envOnlyCredentials }), write: true });
  const metafile = result.metafile as Metafile;
  const output = Object.values(metafile.outputs).find((o) => o.entryPoint);
  return { inputs: Object.keys(metafile.inputs), bytes: output?.bytes ?? 0 };
}

describe('function bundle options', () => {
  it('bundle the environment credential provider only, not the SDK default chain', async () => {
    const { inputs, bytes } = await bundledPackages(true);
    expect(inputs.some((input) => input.includes('credential-provider-env'))).toBe(true);
    for (const dropped of ['credential-provider-node', 'credential-provider-sso', 'credential-provider-ini', 'credential-provider-imds', 'nested-clients']) {
      expect(inputs.filter((input) => input.includes(dropped)), dropped).toEqual([]);
    }
    const defaultChain = await bundledPackages(false);
    expect(defaultChain.inputs.some((input) => input.includes('credential-provider-node'))).toBe(true);
    expect(bytes).toBeLessThan(defaultChain.bytes);
  });

  it('produce one minified ESM file with a source map and a metafile', () => {
    const options = functionBundleOptions({ workspaceRoot, name: 'kinesis-ddb-writer', outfile: 'x/index.mjs' });
    expect(options).toMatchObject({ bundle: true, format: 'esm', platform: 'node', minify: true, sourcemap: true, metafile: true, outfile: 'x/index.mjs' });
    expect(options.entryPoints).toEqual([join(workspaceRoot, 'apps', 'kinesis-ddb-writer', 'src', 'handler.ts')]);
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FunctionHost, type HostedFunction } from '../../src/function-host/function-host.js';
import { containerRuntimeEnvironment } from '../../src/function-host/container-environment.js';

/** The SDK's own check, which every client runs when it is built (`getRuntimeConfig`). */
const sdkCore = pathToFileURL(createRequire(import.meta.url).resolve('@aws-sdk/core')).href;

let dir: string;
const bundles = {
  echo: `let calls = 0;
export const handler = async (event, context) => {
  calls += 1;
  console.log('log line from', process.env.WHO);
  return { who: process.env.WHO, calls, event, remaining: context.getRemainingTimeInMillis(), name: context.functionName };
};`,
  throws: `export const handler = async () => { throw new TypeError('bad record'); };`,
  hangs: `export const handler = () => new Promise(() => {});`,
  brokenInit: `throw new Error('missing TABLE_NAME');`,
  noHandler: `export const other = 1;`,
  // What building an SDK client does on Node 20 (the version is passed so the check runs on any
  // Node), then another warning, then a marker that says everything before it reached stderr.
  warns: `const { emitWarningIfUnsupportedVersion } = await import(${JSON.stringify(sdkCore)});
export const handler = async () => {
  emitWarningIfUnsupportedVersion('v20.20.2');
  process.emitWarning('a deprecation that must still show', 'DeprecationWarning');
  await new Promise((resolve) => setImmediate(resolve));
  console.error('end of warnings');
  return 'ok';
};`,
};

const fn = (name: keyof typeof bundles, overrides: Partial<HostedFunction> = {}): HostedFunction => ({
  name,
  bundlePath: join(dir, `${name}.mjs`),
  environment: {},
  timeoutSeconds: 5,
  memorySizeMb: 256,
  region: 'us-east-1',
  accountId: '000000000000',
  ...overrides,
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'function-host-'));
  for (const [name, code] of Object.entries(bundles)) await writeFile(join(dir, `${name}.mjs`), code);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('FunctionHost', () => {
  it('gives each function its own environment, keeps the container warm, and captures its logs', async () => {
    const logs = new PassThrough();
    const chunks: string[] = [];
    logs.on('data', (chunk) => chunks.push(String(chunk)));
    const a = new FunctionHost(fn('echo', { environment: { WHO: 'writer' } }), logs);
    const b = new FunctionHost(fn('echo', { name: 'echo-b', environment: { WHO: 'reactor' } }));

    const first = await a.invoke({ n: 1 });
    const second = await a.invoke({ n: 2 });
    const other = await b.invoke({ n: 3 });
    await Promise.all([a.close(), b.close()]);

    expect(first).toMatchObject({ kind: 'returned', coldStart: true, response: { who: 'writer', calls: 1, event: { n: 1 }, name: 'echo' } });
    expect(second).toMatchObject({ kind: 'returned', coldStart: false, response: { calls: 2 } });
    expect(other).toMatchObject({ kind: 'returned', response: { who: 'reactor', calls: 1 } });
    const remaining = (first as { response: { remaining: number } }).response.remaining;
    expect(remaining).toBeGreaterThan(4_000);
    expect(remaining).toBeLessThanOrEqual(5_000);
    expect(chunks.join('')).toContain('log line from writer');
  });

  it('reports a thrown error as a function error', async () => {
    const host = new FunctionHost(fn('throws'));
    expect(await host.invoke({})).toMatchObject({ kind: 'error', message: 'bad record' });
    await host.close();
  });

  it('kills a function that runs past its timeout and cold-starts it on the next invocation', async () => {
    const host = new FunctionHost(fn('hangs', { timeoutSeconds: 0.3 }));
    const first = await host.invoke({});
    const second = await host.invoke({});
    await host.close();
    expect(first).toMatchObject({ kind: 'error', message: 'Task timed out after 0.30 seconds', coldStart: true });
    expect(second).toMatchObject({ kind: 'error', coldStart: true });
  });

  it.each([
    ['brokenInit', 'missing TABLE_NAME'],
    ['noHandler', 'does not export a function named "handler"'],
  ] as const)('reports an init failure of %s without crashing the runtime', async (name, message) => {
    const host = new FunctionHost(fn(name));
    const result = await host.invoke({});
    await host.close();
    expect(result.kind).toBe('error');
    expect(result.kind === 'error' ? result.message : '').toContain(message);
  });

  it("keeps the SDK's Node.js version warning out of containers (Lambda runs Node 24) and every other warning in", async () => {
    // Prepare
    const logs = new PassThrough();
    let text = '';
    const marker = new Promise<void>((resolve) =>
      logs.on('data', (chunk) => {
        text += String(chunk);
        if (text.includes('end of warnings')) resolve();
      }),
    );
    const host = new FunctionHost(fn('warns'), logs);

    // Act
    const result = await host.invoke({});
    await marker;
    await host.close();

    // Assess
    expect(result).toMatchObject({ kind: 'returned', response: 'ok' });
    expect(text).toContain('DeprecationWarning: a deprecation that must still show');
    expect(text).not.toContain('NodeVersionSupportWarning');
  });
});

describe('containerRuntimeEnvironment', () => {
  it("switches the SDK's Node.js version warning off unless the caller's environment sets the switch", () => {
    // Act / Assess
    expect(containerRuntimeEnvironment({})).toEqual({ AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
    expect(containerRuntimeEnvironment({ AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'false' })).toEqual({
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'false',
    });
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { FunctionDeclarationError, findFunctionDeclarations } from '../../src/function-declaration.js';

const WORKSPACE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const created: string[] = [];
afterEach(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A throw-away workspace with the given `apps/<name>/infra/declaration.ts` sources. */
function workspaceWith(declarations: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'discover-'));
  created.push(root);
  mkdirSync(join(root, 'apps', 'no-declaration', 'src'), { recursive: true });
  for (const [app, source] of Object.entries(declarations)) {
    mkdirSync(join(root, 'apps', app, 'infra'), { recursive: true });
    writeFileSync(join(root, 'apps', app, 'infra', 'declaration.ts'), source);
  }
  return root;
}

const urlFunction = (name: string, exportName = 'declaration'): string =>
  `export const other = { name: 'not-me' };\nexport const ${exportName} = ${JSON.stringify({
    name,
    description: 'd',
    handler: 'index.handler',
    memorySizeMb: 128,
    timeoutSeconds: 3,
    trigger: { type: 'function-url', authType: 'AWS_IAM' },
    environment: {},
  })};\n`;

describe('findFunctionDeclarations', () => {
  it('finds every function of this workspace, validated and sorted by name', async () => {
    // Act
    const declarations = await findFunctionDeclarations(WORKSPACE_ROOT);

    // Assess
    expect(declarations.map(({ name, trigger }) => `${name}: ${trigger.type}`)).toEqual([
      'ddb-stream-reactor: dynamodb-stream',
      'eventbridge-consumer: eventbridge-rule',
      'eventbridge-producer: function-url',
      'kinesis-ddb-writer: kinesis',
      'kinesis-republisher: kinesis',
    ]);
  });

  it('picks the export named after the folder and skips folders without a declaration, whether built or not', async () => {
    // Prepare
    const root = workspaceWith({ 'b-fn': urlFunction('b-fn', 'bFn'), 'a-fn': urlFunction('a-fn') });

    // Act
    const declarations = await findFunctionDeclarations(root);

    // Assess
    expect(declarations.map(({ name }) => name)).toEqual(['a-fn', 'b-fn']);
  });

  it('names the file when it exports no declaration named after its folder', async () => {
    // Prepare
    const root = workspaceWith({ 'my-fn': urlFunction('someone-else') });

    // Act
    const found = findFunctionDeclarations(root);

    // Assess
    await expect(found).rejects.toThrow(FunctionDeclarationError);
    await expect(found).rejects.toThrow(`${join(root, 'apps', 'my-fn', 'infra', 'declaration.ts')} exports no declaration named "my-fn"`);
  });

  it('rejects an invalid declaration', async () => {
    // Prepare
    const root = workspaceWith({ 'my-fn': urlFunction('my-fn').replace('"timeoutSeconds":3', '"timeoutSeconds":901') });

    // Act
    const found = findFunctionDeclarations(root);

    // Assess
    await expect(found).rejects.toThrow(/timeoutSeconds must be between 1 and 900 inclusive \(given 901\)/);
  });

  it('finds nothing in a folder without apps/', async () => {
    // Prepare
    const root = workspaceWith({});
    rmSync(join(root, 'apps'), { recursive: true });

    // Act
    const declarations = await findFunctionDeclarations(root);

    // Assess
    expect(declarations).toEqual([]);
  });
});

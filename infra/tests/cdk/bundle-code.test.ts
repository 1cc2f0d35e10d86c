import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { createCdkApp } from '../../src/cdk-app.js';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BundleNotFoundError, DeclaredFunction, HttpFunction, PlatformImports } from '../../src/index.js';
import { httpDeclaration } from '../support/declarations.js';
import { TEST_APP_CONTEXT } from '../support/function-stack.js';
import { catchError } from '../support/inline-code.js';

interface FileAssetManifest {
  readonly files: Record<string, { readonly source: { readonly path: string; readonly packaging?: string } }>;
}

/** Writes `dist/apps/<name>/` under `root` the way `nx build` does: the bundle, its source map and esbuild's metafile. */
function writeBuildOutput(root: string, name: string): void {
  const directory = join(root, 'dist', 'apps', name);
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, 'index.mjs'), 'export const handler = async () => ({ statusCode: 204 });\n');
  writeFileSync(join(directory, 'index.mjs.map'), JSON.stringify({ version: 3, sources: ['handler.ts'], mappings: '' }));
  writeFileSync(join(directory, 'meta.json'), JSON.stringify({ inputs: { 'src/handler.ts': { bytes: 1 } }, outputs: {} }));
}

describe('DeclaredFunction.bundleCode', () => {
  let workspaceRoot: string;
  let stagedFiles: string[];
  let assetHash: string;
  let template: Template;

  beforeAll(() => {
    // Given a build output holding index.mjs, index.mjs.map and meta.json
    workspaceRoot = mkdtempSync(join(tmpdir(), 'bundle-code-'));
    writeBuildOutput(workspaceRoot, httpDeclaration.name);
    const app = createCdkApp({ context: TEST_APP_CONTEXT, outdir: join(workspaceRoot, 'cdk.out') });
    const stack = new Stack(app, 'BundleUnderTest');
    new HttpFunction(stack, 'Producer', {
      declaration: httpDeclaration,
      platform: PlatformImports.fromParameters(stack),
      code: DeclaredFunction.bundleCode(httpDeclaration.name, workspaceRoot),
    });

    // When the app is synthesized (assets staged into the cloud assembly)
    const assembly = app.synth();
    template = Template.fromStack(stack);
    const manifestFile = readdirSync(assembly.directory).find((file) => file.endsWith('.assets.json'));
    if (manifestFile === undefined) throw new Error('the cloud assembly has no asset manifest');
    const manifest = JSON.parse(readFileSync(join(assembly.directory, manifestFile), 'utf8')) as FileAssetManifest;
    const zipped = Object.entries(manifest.files).filter(([, asset]) => asset.source.packaging === 'zip');
    expect(zipped).toHaveLength(1);
    const [[hash, asset]] = zipped as [[string, FileAssetManifest['files'][string]]];
    assetHash = hash;
    stagedFiles = readdirSync(join(assembly.directory, asset.source.path)).sort();
  });

  afterAll(() => {
    rmSync(workspaceRoot, { recursive: true, force: true });
  });

  it('then the staged Lambda asset holds the bundle and its source map, and not meta.json', () => {
    expect(stagedFiles).toEqual(['index.mjs', 'index.mjs.map']);
  });

  it('then the function deploys exactly that staged asset', () => {
    template.hasResourceProperties('AWS::Lambda::Function', { Code: { S3Key: `${assetHash}.zip` } });
  });

  it('given a build output without index.mjs, when the code is requested, then it fails naming the build to run', () => {
    // Given
    const emptyRoot = mkdtempSync(join(tmpdir(), 'bundle-code-empty-'));
    try {
      mkdirSync(join(emptyRoot, 'dist', 'apps', 'eventbridge-producer'), { recursive: true });

      // When
      const error = catchError(() => DeclaredFunction.bundleCode('eventbridge-producer', emptyRoot));

      // Then
      expect(error).toBeInstanceOf(BundleNotFoundError);
      expect(error.message).toContain('run `nx build eventbridge-producer` first');
    } finally {
      rmSync(emptyRoot, { recursive: true, force: true });
    }
  });
});

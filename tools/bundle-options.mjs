// The esbuild options of a function bundle, shared by the build (bundle-function.mjs) and the
// bundle benchmark (bench/bundles.ts), so the benchmark measures exactly what deploys.
import { join } from 'node:path';

/**
 * @param {{ workspaceRoot: string, name: string, outfile: string, envOnlyCredentials?: boolean }} options
 * @returns {import('esbuild').BuildOptions}
 */
export function functionBundleOptions({ workspaceRoot, name, outfile, envOnlyCredentials = true }) {
  const envOnlyProvider = join(workspaceRoot, 'tools', 'lambda', 'credential-provider-env-only.mjs');
  return {
    entryPoints: [join(workspaceRoot, 'apps', name, 'src', 'handler.ts')],
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
    plugins: envOnlyCredentials
      ? [
          {
            // Credentials come from the environment in Lambda: see tools/lambda/credential-provider-env-only.mjs.
            name: 'lambda-env-credentials',
            setup(builder) {
              builder.onResolve({ filter: /^@aws-sdk\/credential-provider-node$/ }, () => ({ path: envOnlyProvider }));
            },
          },
        ]
      : [],
    logLevel: 'warning',
  };
}

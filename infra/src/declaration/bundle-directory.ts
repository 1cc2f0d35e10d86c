/**
 * Where a function's `build` target writes its deployable bundle (`index.mjs`), relative to
 * the workspace root. The CDK stack deploys exactly this folder and local runs load it.
 *
 * @example
 * ```ts
 * bundleDirectory('kinesis-ddb-writer'); // 'dist/apps/kinesis-ddb-writer'
 * ```
 */
export function bundleDirectory(name: string): string {
  return `dist/apps/${name}`;
}

/** The bundle's entry file name inside {@link bundleDirectory}. */
export const BUNDLE_ENTRY_FILE = 'index.mjs';

/**
 * Files the build writes into {@link bundleDirectory} that are not part of the deployment
 * package: `meta.json` is esbuild's metafile (hundreds of KB), kept for bundle analysis only.
 * Glob patterns as `lambda.Code.fromAsset`'s `exclude` takes them.
 */
export const BUNDLE_EXCLUDED_FILES: readonly string[] = ['meta.json'];

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InfraError } from './errors.js';
import { bundleDirectory } from './declaration/bundle-directory.js';

const WORKSPACE_MARKER = 'nx.json';

/**
 * The Nx workspace root: the nearest directory at or above `startDirectory` holding `nx.json`.
 *
 * @param startDirectory where to start looking
 * @default startDirectory - the directory of this file, which always lies inside the workspace
 *   whatever the current directory of the process is
 * @throws {InfraError} when no `nx.json` is found up to the filesystem root
 * @example
 * ```ts
 * const root = findWorkspaceRoot();
 * ```
 */
export function findWorkspaceRoot(startDirectory: string = dirname(fileURLToPath(import.meta.url))): string {
  let current = resolve(startDirectory);
  for (;;) {
    if (existsSync(join(current, WORKSPACE_MARKER))) {
      return current;
    }
    const parent = dirname(current);
    if (parent === current) {
      throw new InfraError(`No ${WORKSPACE_MARKER} found at or above ${startDirectory}`);
    }
    current = parent;
  }
}

/**
 * The absolute path of a function's bundle folder, `<workspace root>/dist/apps/<name>`.
 *
 * @param workspaceRoot @default - {@link findWorkspaceRoot}()
 * @example
 * ```ts
 * lambda.Code.fromAsset(resolveBundleDirectory('kinesis-ddb-writer'));
 * ```
 */
export function resolveBundleDirectory(name: string, workspaceRoot: string = findWorkspaceRoot()): string {
  return join(workspaceRoot, bundleDirectory(name));
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findFunctionDeclarations, type FunctionDeclaration } from '@wildrydes/infra/function-declaration';

/** A function of the workspace: its declaration and its deployable bundle. */
export interface DeclaredLocalFunction {
  readonly declaration: FunctionDeclaration;
  readonly bundlePath: string;
}

/** A function's bundle is missing: it was never built. */
export class FunctionNotBuiltError extends Error {
  constructor(readonly functions: readonly string[]) {
    super(
      `Not built: ${functions.map((name) => `dist/apps/${name}/index.mjs`).join(', ')}. ` +
        'Build them with `npx nx run-many -t build` (npm start does this for you).',
    );
    this.name = 'FunctionNotBuiltError';
  }
}

/**
 * Loads the declaration of every function under `apps/` (`apps/<fn>/infra/declaration.ts`, the
 * object its CDK stack is built from, found and validated by `findFunctionDeclarations`), with
 * the path of its deployable bundle. Throws {@link FunctionNotBuiltError} naming every function
 * whose bundle is missing.
 */
export async function loadDeclarations(workspaceRoot: string): Promise<DeclaredLocalFunction[]> {
  const found = (await findFunctionDeclarations(workspaceRoot)).map((declaration) => ({
    declaration,
    bundlePath: join(workspaceRoot, 'dist', 'apps', declaration.name, 'index.mjs'),
  }));
  const missing = found.filter(({ bundlePath }) => !existsSync(bundlePath)).map(({ declaration }) => declaration.name);
  if (missing.length > 0) throw new FunctionNotBuiltError(missing);
  return found;
}

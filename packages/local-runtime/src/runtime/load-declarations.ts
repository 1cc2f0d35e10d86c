import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { validateDeclaration, type FunctionDeclaration } from '@wildrydes/infra/function-declaration';

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
 * object its CDK stack is built from), validated, with the path of its deployable bundle. Throws
 * {@link FunctionNotBuiltError} naming every function whose bundle is missing.
 */
export async function loadDeclarations(workspaceRoot: string): Promise<DeclaredLocalFunction[]> {
  const appsDir = join(workspaceRoot, 'apps');
  const found: DeclaredLocalFunction[] = [];
  for (const app of readdirSync(appsDir).sort()) {
    const file = join(appsDir, app, 'infra', 'declaration.ts');
    if (!existsSync(file)) continue;
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const declaration = Object.values(module).find(
      (value): value is FunctionDeclaration =>
        typeof value === 'object' && value !== null && (value as { name?: unknown }).name === app && 'trigger' in value,
    );
    if (!declaration) throw new Error(`${file} exports no declaration named "${app}"`);
    validateDeclaration(declaration);
    found.push({ declaration, bundlePath: join(workspaceRoot, 'dist', 'apps', app, 'index.mjs') });
  }
  const missing = found.filter(({ bundlePath }) => !existsSync(bundlePath)).map(({ declaration }) => declaration.name);
  if (missing.length > 0) throw new FunctionNotBuiltError(missing);
  return found;
}

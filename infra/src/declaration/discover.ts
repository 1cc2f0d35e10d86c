import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FunctionDeclarationError } from '../errors.js';
import type { FunctionDeclaration } from './types.js';
import { validateDeclaration } from './validate.js';

/** Where a function keeps its declaration, relative to its project folder. */
const DECLARATION_FILE = join('infra', 'declaration.ts');

/**
 * Every function of the workspace, from its declaration: `apps/<fn>/infra/declaration.ts`
 * exports the object its CDK stack is built from, named by its `name` (the folder's name).
 * Each is validated ({@link validateDeclaration}); the result is sorted by name. Nothing lists
 * the functions by hand: a new function is found as soon as its declaration exists. Loading a
 * `.ts` file needs a TypeScript-aware loader (tsx, vitest), as every workspace command has.
 *
 * @throws FunctionDeclarationError when a declaration file exports no declaration named after
 *   its folder, or the declaration is invalid
 *
 * @example
 * ```ts
 * const declarations = await findFunctionDeclarations(findWorkspaceRoot());
 * declarations.map(({ name, trigger }) => `${name}: ${trigger.type}`);
 * // ['ddb-stream-reactor: dynamodb-stream', 'eventbridge-consumer: eventbridge-rule', ...]
 * ```
 */
export async function findFunctionDeclarations(workspaceRoot: string): Promise<FunctionDeclaration[]> {
  const appsDir = join(workspaceRoot, 'apps');
  if (!existsSync(appsDir)) return [];
  const found: FunctionDeclaration[] = [];
  for (const app of readdirSync(appsDir).sort()) {
    const file = join(appsDir, app, DECLARATION_FILE);
    if (!existsSync(file)) continue;
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const declaration = Object.values(module).find((value): value is FunctionDeclaration => isDeclarationNamed(value, app));
    if (declaration === undefined) {
      throw new FunctionDeclarationError(app, [`${file} exports no declaration named "${app}" (an object with name "${app}" and a trigger)`]);
    }
    validateDeclaration(declaration);
    found.push(declaration);
  }
  return found;
}

function isDeclarationNamed(value: unknown, name: string): boolean {
  return typeof value === 'object' && value !== null && (value as { name?: unknown }).name === name && 'trigger' in value;
}

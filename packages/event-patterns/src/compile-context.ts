import { InvalidEventPatternError } from './errors.js';

/** Where the compiler is in the pattern, and what it gathers across the whole pattern. */
export interface CompileContext {
  /** Path shown in error messages: dotted fields, `$or` branches as `$or[1]`. */
  readonly path: string;
  /** True inside a `$or` alternative, where operator names cannot be field names. */
  readonly insideOr: boolean;
}

/** Throws the error for an invalid pattern at the context's path. */
export function reject(context: CompileContext, reason: string): never {
  throw new InvalidEventPatternError(context.path, reason);
}

/** The context one field deeper. */
export function enterField(context: CompileContext, field: string): CompileContext {
  return { ...context, path: joinPath(context.path, field) };
}

/** The context inside alternative `index` of a `$or` (same event field, marked path). */
export function enterAlternative(context: CompileContext, index: number): CompileContext {
  return { ...context, path: joinPath(context.path, `$or[${index}]`), insideOr: true };
}

function joinPath(parent: string, child: string): string {
  return parent === '' ? child : `${parent}.${child}`;
}

/** Whether a value is a JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

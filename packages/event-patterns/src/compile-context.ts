import { InvalidEventPatternError } from './errors.js';
import type { WildcardPattern } from './wildcard.js';

/** Where the compiler is in the pattern, and what it gathers across the whole pattern. */
export interface CompileContext {
  /** Path shown in error messages: dotted fields, `$or` branches as `$or[1]`. */
  readonly path: string;
  /** Path of the event field, `$or` branches left out (used to pool wildcards per field). */
  readonly fieldPath: string;
  /** Positive `wildcard` operands per event field, for the complexity check. */
  readonly wildcardsByField: Map<string, WildcardPattern[]>;
  /** True inside a `$or` alternative, where operator names cannot be field names. */
  readonly insideOr: boolean;
}

/** Throws the error for an invalid pattern at the context's path. */
export function reject(context: CompileContext, reason: string): never {
  throw new InvalidEventPatternError(context.path, reason);
}

/** The context one field deeper. */
export function enterField(context: CompileContext, field: string): CompileContext {
  return {
    ...context,
    path: joinPath(context.path, field),
    fieldPath: joinPath(context.fieldPath, field),
  };
}

/** The context inside alternative `index` of a `$or` (same event field, marked path). */
export function enterAlternative(context: CompileContext, index: number): CompileContext {
  return { ...context, path: joinPath(context.path, `$or[${index}]`), insideOr: true };
}

function joinPath(parent: string, child: string): string {
  return parent === '' ? child : `${parent}.${child}`;
}

/** Describes a JSON value for error messages: `"abc"`, `12`, `null`, `an array`, `an object`. */
export function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (isPlainObject(value)) return 'an object';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

/** Whether a value is a JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

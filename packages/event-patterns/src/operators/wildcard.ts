import { describe, reject, type CompileContext } from '../compile-context.js';
import type { ValueTest } from '../compiled.js';
import { matchesWildcard, parseWildcard, type WildcardPattern } from '../wildcard.js';

/** Parses one wildcard operand or rejects it with the reason and path. */
export function readWildcard(operand: unknown, context: CompileContext, operator = 'wildcard'): WildcardPattern {
  if (typeof operand !== 'string') reject(context, `"${operator}" expects a string (given ${describe(operand)})`);
  const parsed = parseWildcard(operand);
  if ('error' in parsed) reject(context, `"${operator}": ${parsed.error}`);
  return parsed.pattern;
}

/**
 * Compiles `{ "wildcard": "dir/*.png" }`: string values matching the glob. The operand is pooled
 * per event field so the whole pattern's wildcard complexity can be checked afterwards.
 */
export function compileWildcard(operand: unknown, context: CompileContext): ValueTest {
  const pattern = readWildcard(operand, context);
  const pooled = context.wildcardsByField.get(context.fieldPath);
  if (pooled === undefined) context.wildcardsByField.set(context.fieldPath, [pattern]);
  else pooled.push(pattern);
  return (value) => typeof value === 'string' && matchesWildcard(pattern, value);
}

import { reject, type CompileContext } from '../compile-context.js';
import type { ValueTest } from '../compiled.js';
import { matchesWildcard, parseWildcard, type WildcardPattern } from '../wildcard.js';

/** Parses one wildcard operand or rejects it with the reason and path. */
export function readWildcard(operand: unknown, context: CompileContext): WildcardPattern {
  if (typeof operand !== 'string') reject(context, 'wildcard match pattern must be a string');
  const parsed = parseWildcard(operand);
  if ('error' in parsed) reject(context, parsed.error);
  return parsed.pattern;
}

/**
 * Compiles `{ "wildcard": "dir/*.png" }`: string values matching the glob. The rule's complexity
 * is checked once the whole pattern is compiled (`complexity-limit.ts`).
 */
export function compileWildcard(operand: unknown, context: CompileContext): ValueTest {
  const pattern = readWildcard(operand, context);
  return (value) => typeof value === 'string' && matchesWildcard(pattern, value);
}

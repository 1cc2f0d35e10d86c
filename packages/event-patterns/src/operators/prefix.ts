import type { CompileContext } from '../compile-context.js';
import type { ValueTest } from '../compiled.js';
import { foldCase, readAffixOperand } from './string-operand.js';

/**
 * Compiles `{ "prefix": "text" }` and `{ "prefix": { "equals-ignore-case": "text" } }`.
 * Only string values can match: a number never has a prefix.
 */
export function compilePrefix(operand: unknown, context: CompileContext): ValueTest {
  const { text, ignoreCase } = readAffixOperand('prefix', operand, context);
  if (!ignoreCase) return (value) => typeof value === 'string' && value.startsWith(text);
  const folded = foldCase(text);
  return (value) => typeof value === 'string' && foldCase(value).startsWith(folded);
}

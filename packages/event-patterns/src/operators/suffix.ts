import type { CompileContext } from '../compile-context.js';
import type { ValueTest } from '../compiled.js';
import { foldCase, readAffixOperand } from './string-operand.js';

/**
 * Compiles `{ "suffix": "text" }` and `{ "suffix": { "equals-ignore-case": "text" } }`.
 * Only string values can match.
 */
export function compileSuffix(operand: unknown, context: CompileContext): ValueTest {
  const { text, ignoreCase } = readAffixOperand('suffix', operand, context);
  if (!ignoreCase) return (value) => typeof value === 'string' && value.endsWith(text);
  const folded = foldCase(text);
  return (value) => typeof value === 'string' && foldCase(value).endsWith(folded);
}

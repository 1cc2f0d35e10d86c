import { reject, type CompileContext } from '../compile-context.js';
import type { ValueTest } from '../compiled.js';
import { foldCase } from './string-operand.js';

/** Compiles `{ "equals-ignore-case": "text" }`: string values equal to the text in any casing. */
export function compileEqualsIgnoreCase(operand: unknown, context: CompileContext): ValueTest {
  if (typeof operand !== 'string') reject(context, 'equals-ignore-case match pattern must be a string');
  const folded = foldCase(operand);
  return (value) => typeof value === 'string' && foldCase(value) === folded;
}

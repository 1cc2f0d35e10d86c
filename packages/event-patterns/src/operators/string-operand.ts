import { isPlainObject, reject, type CompileContext } from '../compile-context.js';

/** A `prefix` or `suffix` operand: the text, and whether it was given as `{ "equals-ignore-case": ... }`. */
export interface AffixOperand {
  readonly text: string;
  readonly ignoreCase: boolean;
}

/**
 * Reads `"text"` or `{ "equals-ignore-case": "text" }`, the two forms `prefix` and `suffix` take,
 * checked in the order and words of EventBridge's engine.
 */
export function readAffixOperand(operator: 'prefix' | 'suffix', operand: unknown, context: CompileContext): AffixOperand {
  if (typeof operand === 'string') return { text: operand, ignoreCase: false };
  if (!isPlainObject(operand)) return reject(context, `${operator} match pattern must be a string`);
  const name = operator === 'prefix' ? 'Prefix' : 'Suffix';
  const [first, ...others] = Object.keys(operand);
  if (first === undefined) reject(context, `${name} expression name not found`);
  if (first !== 'equals-ignore-case') reject(context, `Unsupported ${operator} pattern: ${first}`);
  const inner = operand[first];
  if (typeof inner !== 'string') reject(context, 'equals-ignore-case match pattern must be a string');
  if (others.length > 0) reject(context, 'Only one key allowed in match expression');
  return { text: inner, ignoreCase: true };
}

/** Lower-cases for case-insensitive comparison (locale-independent, like EventBridge). */
export function foldCase(text: string): string {
  return text.toLowerCase();
}

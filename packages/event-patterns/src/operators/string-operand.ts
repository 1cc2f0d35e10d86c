import { describe, isPlainObject, reject, type CompileContext } from '../compile-context.js';

/** A `prefix` or `suffix` operand: the text, and whether it was given as `{ "equals-ignore-case": ... }`. */
export interface AffixOperand {
  readonly text: string;
  readonly ignoreCase: boolean;
}

/** Reads `"text"` or `{ "equals-ignore-case": "text" }`, the two forms `prefix` and `suffix` take. */
export function readAffixOperand(operator: 'prefix' | 'suffix', operand: unknown, context: CompileContext): AffixOperand {
  if (typeof operand === 'string') return { text: operand, ignoreCase: false };
  if (isPlainObject(operand)) {
    const keys = Object.keys(operand);
    const inner = operand['equals-ignore-case'];
    if (keys.length !== 1 || keys[0] !== 'equals-ignore-case') {
      reject(context, `"${operator}" takes a string or { "equals-ignore-case": string } (given keys ${keys.join(', ') || 'none'})`);
    }
    if (typeof inner !== 'string') {
      reject(context, `"${operator}": { "equals-ignore-case" } expects a string (given ${describe(inner)})`);
    }
    return { text: inner, ignoreCase: true };
  }
  return reject(context, `"${operator}" expects a string or { "equals-ignore-case": string } (given ${describe(operand)})`);
}

/** Lower-cases for case-insensitive comparison (locale-independent, like EventBridge). */
export function foldCase(text: string): string {
  return text.toLowerCase();
}

import { reject, type CompileContext } from '../compile-context.js';

/** Reads `{ "exists": true | false }`. */
export function readExists(operand: unknown, context: CompileContext): boolean {
  if (typeof operand !== 'boolean') reject(context, 'exists match pattern must be either true or false.');
  return operand;
}

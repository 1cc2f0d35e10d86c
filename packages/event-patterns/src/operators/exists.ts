import { describe, reject, type CompileContext } from '../compile-context.js';

/** Reads `{ "exists": true | false }`. */
export function readExists(operand: unknown, context: CompileContext): boolean {
  if (typeof operand !== 'boolean') reject(context, `"exists" expects true or false (given ${describe(operand)})`);
  return operand;
}

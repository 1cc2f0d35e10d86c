import { isInAddressRange, parseCidr } from '../cidr.js';
import { describe, reject, type CompileContext } from '../compile-context.js';
import type { ValueTest } from '../compiled.js';

/** Compiles `{ "cidr": "10.0.0.0/24" }`: string values that are IP addresses inside the block. */
export function compileCidr(operand: unknown, context: CompileContext): ValueTest {
  if (typeof operand !== 'string') reject(context, `"cidr" expects a string such as "10.0.0.0/24" (given ${describe(operand)})`);
  const parsed = parseCidr(operand);
  if ('error' in parsed) reject(context, `"cidr": ${parsed.error}`);
  const { range } = parsed;
  return (value) => isInAddressRange(range, value);
}

import { isInAddressRange, parseCidr } from '../cidr.js';
import { reject, type CompileContext } from '../compile-context.js';
import type { ValueTest } from '../compiled.js';

/**
 * Compiles `{ "cidr": "10.0.0.0/24" }`: string values that are IP addresses inside the block.
 * A non-string operand gets the message EventBridge's engine gives, which names `prefix`.
 */
export function compileCidr(operand: unknown, context: CompileContext): ValueTest {
  if (typeof operand !== 'string') reject(context, 'prefix match pattern must be a string');
  const parsed = parseCidr(operand);
  if ('error' in parsed) reject(context, parsed.error);
  const { range } = parsed;
  return (value) => isInAddressRange(range, value);
}

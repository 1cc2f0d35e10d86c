import { describe, isPlainObject, reject, type CompileContext } from './compile-context.js';
import type { CompiledValue, ValueTest } from './compiled.js';
import { compileAnythingBut } from './operators/anything-but.js';
import { compileCidr } from './operators/cidr.js';
import { compileEqualsIgnoreCase } from './operators/equals-ignore-case.js';
import { compileExact } from './operators/exact.js';
import { readExists } from './operators/exists.js';
import { compileNumeric } from './operators/numeric.js';
import { compilePrefix } from './operators/prefix.js';
import { compileSuffix } from './operators/suffix.js';
import { compileWildcard } from './operators/wildcard.js';

type OperatorCompiler = (operand: unknown, context: CompileContext) => ValueTest;

const OPERATORS: ReadonlyMap<string, OperatorCompiler> = new Map<string, OperatorCompiler>([
  ['prefix', compilePrefix],
  ['suffix', compileSuffix],
  ['equals-ignore-case', compileEqualsIgnoreCase],
  ['wildcard', compileWildcard],
  ['anything-but', compileAnythingBut],
  ['numeric', compileNumeric],
  ['cidr', compileCidr],
]);

/**
 * Compiles one entry of a field's value array: an exact string, number, boolean or null, or a
 * match expression (an object with exactly one operator key).
 */
export function compileValue(entry: unknown, context: CompileContext): CompiledValue {
  if (entry === null || typeof entry === 'string' || typeof entry === 'boolean') {
    return { kind: 'test', test: compileExact(entry) };
  }
  if (typeof entry === 'number') {
    if (!Number.isFinite(entry)) reject(context, `${String(entry)} is not a finite JSON number`);
    return { kind: 'test', test: compileExact(entry) };
  }
  if (!isPlainObject(entry)) {
    return reject(context, `a match value must be a string, number, true, false, null or an operator object (given ${describe(entry)})`);
  }
  const keys = Object.keys(entry);
  const [operator] = keys;
  if (operator === undefined) return reject(context, 'an operator object must not be empty');
  if (keys.length > 1) {
    return reject(context, `an operator object holds exactly one operator (given ${keys.map((key) => JSON.stringify(key)).join(', ')})`);
  }
  if (operator === 'exists') return { kind: 'exists', exists: readExists(entry[operator], context) };
  const compile = OPERATORS.get(operator);
  if (compile === undefined) return reject(context, `unrecognized match type ${JSON.stringify(operator)}`);
  return { kind: 'test', test: compile(entry[operator], context) };
}

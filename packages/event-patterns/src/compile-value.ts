import { isPlainObject, reject, type CompileContext } from './compile-context.js';
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
    return reject(context, 'Match value must be String, number, true, false, or null');
  }
  const [operator, ...others] = Object.keys(entry);
  if (operator === undefined) return reject(context, 'Match expression name not found');
  const compiled = compileOperator(operator, entry[operator], context);
  // The engine reads the first operator whole before it notices a second key.
  if (others.length > 0) reject(context, tooManyKeys(operator));
  return compiled;
}

function compileOperator(operator: string, operand: unknown, context: CompileContext): CompiledValue {
  if (operator === 'exists') return { kind: 'exists', exists: readExists(operand, context) };
  const compile = OPERATORS.get(operator);
  if (compile === undefined) return reject(context, `Unrecognized match type ${operator}`);
  return { kind: 'test', test: compile(operand, context) };
}

/**
 * What EventBridge's engine says when an operator object has a second key: it reads the first
 * operator, then finds another key where the object should end.
 */
function tooManyKeys(operator: string): string {
  return operator === 'numeric' || operator === 'anything-but'
    ? 'Too many elements in numeric expression'
    : 'Only one key allowed in match expression';
}

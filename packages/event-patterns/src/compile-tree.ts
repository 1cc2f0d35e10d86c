import { describe, enterAlternative, enterField, isPlainObject, reject, type CompileContext } from './compile-context.js';
import type { CompiledNode, LeafCondition, NestedCondition, ValueTest } from './compiled.js';
import { compileValue } from './compile-value.js';
import { OR_KEY, RESERVED_FIELD_NAMES_IN_OR } from './constants.js';

/**
 * Compiles a pattern object. Fields hold a nested object or a non-empty array of values;
 * `$or` holds two or more non-empty pattern objects. Empty objects are refused everywhere.
 */
export function compileObject(pattern: unknown, context: CompileContext): CompiledNode {
  if (!isPlainObject(pattern)) reject(context, `a pattern must be a JSON object (given ${describe(pattern)})`);
  const fields = Object.keys(pattern);
  if (fields.length === 0) reject(context, 'empty objects are not allowed');
  const conditions: (LeafCondition | NestedCondition)[] = [];
  const alternatives: CompiledNode[][] = [];
  for (const field of fields) {
    const value = pattern[field];
    if (field === OR_KEY) {
      alternatives.push(compileOr(value, context));
      continue;
    }
    const fieldContext = enterField(context, field);
    if (context.insideOr && RESERVED_FIELD_NAMES_IN_OR.has(field)) {
      reject(fieldContext, `${JSON.stringify(field)} is an operator name and cannot be a field name inside "$or"`);
    }
    if (Array.isArray(value)) conditions.push(compileLeaf(field, value, fieldContext));
    else if (isPlainObject(value)) conditions.push({ kind: 'nested', field, node: compileObject(value, fieldContext) });
    else reject(fieldContext, `a field must hold an object or an array of values (given ${describe(value)})`);
  }
  const absenceOnly =
    conditions.every((condition) => (condition.kind === 'leaf' ? isAbsenceOnly(condition) : condition.node.absenceOnly)) &&
    alternatives.every((branches) => branches.every((branch) => branch.absenceOnly));
  return { conditions, alternatives, absenceOnly };
}

function compileOr(value: unknown, context: CompileContext): CompiledNode[] {
  const orContext = enterField(context, OR_KEY);
  if (!Array.isArray(value)) reject(orContext, `"$or" must be an array of pattern objects (given ${describe(value)})`);
  const branches: readonly unknown[] = value;
  if (branches.length < 2) reject(orContext, `"$or" needs at least 2 pattern objects (given ${branches.length})`);
  return branches.map((branch, index) => {
    const branchContext = enterAlternative(context, index);
    if (!isPlainObject(branch)) reject(branchContext, `each "$or" alternative must be a pattern object (given ${describe(branch)})`);
    return compileObject(branch, branchContext);
  });
}

function compileLeaf(field: string, values: readonly unknown[], context: CompileContext): LeafCondition {
  if (values.length === 0) reject(context, 'empty arrays are not allowed');
  const tests: ValueTest[] = [];
  let matchesPresence = false;
  let matchesAbsence = false;
  for (const entry of values) {
    const compiled = compileValue(entry, context);
    if (compiled.kind === 'test') tests.push(compiled.test);
    else if (compiled.exists) matchesPresence = true;
    else matchesAbsence = true;
  }
  return { kind: 'leaf', field, tests, matchesPresence, matchesAbsence };
}

function isAbsenceOnly(condition: LeafCondition): boolean {
  return condition.matchesAbsence && !condition.matchesPresence && condition.tests.length === 0;
}

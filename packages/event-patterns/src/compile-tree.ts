import { enterAlternative, enterField, isPlainObject, reject, type CompileContext } from './compile-context.js';
import type { CompiledNode, LeafCondition, NestedCondition, ValueTest } from './compiled.js';
import { compileValue } from './compile-value.js';
import { OR_KEY, RESERVED_FIELD_NAMES_IN_OR } from './constants.js';

/**
 * Compiles a pattern object. Fields hold a nested object or a non-empty array of values;
 * `$or` holds two or more non-empty pattern objects. Empty objects are refused everywhere.
 */
export function compileObject(pattern: unknown, context: CompileContext): CompiledNode {
  if (!isPlainObject(pattern)) reject(context, context.path === '' ? 'Filter is not an object' : 'Only JSON object is allowed in array of $or relationship.');
  const fields = Object.keys(pattern);
  if (fields.length === 0) reject(context, 'Empty objects are not allowed');
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
      reject(fieldContext, `${field} is Ruler reserved fieldName which cannot be used inside $or.`);
    }
    const segments = field.split('.');
    const last = segments.pop() ?? field;
    let condition: LeafCondition | NestedCondition;
    if (Array.isArray(value)) condition = compileLeaf(last, value, fieldContext);
    else if (isPlainObject(value)) condition = { kind: 'nested', field: last, node: compileObject(value, fieldContext) };
    else reject(fieldContext, `${JSON.stringify(field)} must be an object or an array`);
    for (const segment of segments.reverse()) condition = { kind: 'nested', field: segment, node: nodeOf([condition], []) };
    conditions.push(condition);
  }
  return nodeOf(mergeConditions(conditions), alternatives);
}

/**
 * A dotted key is a path, as in EventBridge's matching engine, which flattens patterns and events
 * to dotted paths: `"state.status": [...]` is `"state": { "status": [...] }`. Conditions on the
 * same object are merged into one nested condition (so they hold in the same array element), and
 * a path given twice keeps its later value array (the engine's rule overriding).
 */
function mergeConditions(conditions: readonly (LeafCondition | NestedCondition)[]): (LeafCondition | NestedCondition)[] {
  const merged: (LeafCondition | NestedCondition)[] = [];
  for (const condition of conditions) {
    const index = merged.findIndex((prior) => prior.kind === condition.kind && prior.field === condition.field);
    const prior = merged[index];
    if (prior === undefined) merged.push(condition);
    else if (prior.kind === 'leaf' || condition.kind === 'leaf') merged[index] = condition;
    else merged[index] = { kind: 'nested', field: condition.field, node: mergeNodes(prior.node, condition.node) };
  }
  return merged;
}

function mergeNodes(first: CompiledNode, second: CompiledNode): CompiledNode {
  return nodeOf(mergeConditions([...first.conditions, ...second.conditions]), [...first.alternatives, ...second.alternatives]);
}

function nodeOf(conditions: readonly (LeafCondition | NestedCondition)[], alternatives: readonly (readonly CompiledNode[])[]): CompiledNode {
  const absenceOnly =
    conditions.every((condition) => (condition.kind === 'leaf' ? isAbsenceOnly(condition) : condition.node.absenceOnly)) &&
    alternatives.every((branches) => branches.every((branch) => branch.absenceOnly));
  return { conditions, alternatives, absenceOnly };
}

function compileOr(value: unknown, context: CompileContext): CompiledNode[] {
  const orContext = enterField(context, OR_KEY);
  if (!Array.isArray(value)) reject(orContext, 'It must be an Array followed with $or.');
  const branches: readonly unknown[] = value;
  if (branches.length < 2) reject(orContext, 'There must have at least 2 Objects in $or relationship.');
  return branches.map((branch, index) => {
    const branchContext = enterAlternative(context, index);
    if (!isPlainObject(branch)) reject(branchContext, 'Only JSON object is allowed in array of $or relationship.');
    return compileObject(branch, branchContext);
  });
}

function compileLeaf(field: string, values: readonly unknown[], context: CompileContext): LeafCondition {
  if (values.length === 0) reject(context, 'Empty arrays are not allowed');
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

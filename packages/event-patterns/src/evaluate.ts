import type { CompiledNode, LeafCondition, NestedCondition } from './compiled.js';
import { expandDottedKeys } from './dotted-keys.js';
import { leafValuesOf, objectsOf, ownField } from './field-walker.js';

/**
 * Whether an event (or the part of it a nested pattern looks at) satisfies a compiled pattern
 * object. `target` is `undefined` when the event has no object there, so that only absence
 * conditions (`exists: false`) can hold. Dotted keys of the event are paths (see `expandDottedKeys`).
 */
export function evaluateNode(node: CompiledNode, event: Record<string, unknown> | undefined): boolean {
  const target = event === undefined ? undefined : expandDottedKeys(event);
  for (const condition of node.conditions) {
    const holds = condition.kind === 'leaf' ? evaluateLeaf(condition, target) : evaluateNested(condition, target);
    if (!holds) return false;
  }
  for (const branches of node.alternatives) {
    if (!branches.some((branch) => evaluateNode(branch, target))) return false;
  }
  return true;
}

function evaluateLeaf(condition: LeafCondition, target: Record<string, unknown> | undefined): boolean {
  const values = leafValuesOf(ownField(target, condition.field));
  if (values.length === 0) return condition.matchesAbsence;
  if (condition.matchesPresence) return true;
  for (const test of condition.tests) {
    for (const value of values) {
      if (test(value)) return true;
    }
  }
  return false;
}

/**
 * A nested pattern matches inside one object at the field (one array element, when the field is
 * an array of objects). A nested pattern made only of `exists: false` has no positive condition
 * to pick an element by, so the fields must be absent from every element.
 */
function evaluateNested(condition: NestedCondition, target: Record<string, unknown> | undefined): boolean {
  const candidates = objectsOf(ownField(target, condition.field));
  if (candidates.length === 0) return evaluateNode(condition.node, undefined);
  return condition.node.absenceOnly
    ? candidates.every((candidate) => evaluateNode(condition.node, candidate))
    : candidates.some((candidate) => evaluateNode(condition.node, candidate));
}

import { isPlainObject } from './compile-context.js';
import { OR_KEY } from './constants.js';

/** One sub-rule of a pattern: each flattened field path (`detail.state`) with its array of values. */
export type SubRule = ReadonlyMap<string, readonly unknown[]>;

/**
 * Splits a validated pattern into the sub-rules Event Ruler's `JsonRuleCompiler` compiles it to:
 * nested objects and dotted keys both become dotted paths, and each `$or` forks every sub-rule
 * built so far into one copy per alternative. A path given twice keeps the later value arrays
 * (the compiler's default, rule overriding). The pattern must already be valid.
 *
 * @example
 * ```ts
 * subRulesOf({ source: ['a'], $or: [{ 'detail.x': [1] }, { detail: { y: [2] } }] });
 * // [Map { source => ['a'], detail.x => [1] }, Map { source => ['a'], detail.y => [2] }]
 * ```
 */
export function subRulesOf(pattern: Record<string, unknown>): SubRule[] {
  const rules: Map<string, readonly unknown[]>[] = [];
  addObject(rules, '', pattern);
  return rules;
}

function addObject(rules: Map<string, readonly unknown[]>[], path: string, object: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(object)) {
    if (key === OR_KEY && Array.isArray(value)) addAlternatives(rules, path, value);
    else if (Array.isArray(value)) writeValues(rules, extend(path, key), value);
    else if (isPlainObject(value)) addObject(rules, extend(path, key), value);
  }
}

function addAlternatives(rules: Map<string, readonly unknown[]>[], path: string, alternatives: readonly unknown[]): void {
  const before = rules.splice(0, rules.length);
  for (const alternative of alternatives) {
    const forked = before.length === 0 ? [new Map<string, readonly unknown[]>()] : before.map((rule) => new Map(rule));
    if (isPlainObject(alternative)) addObject(forked, path, alternative);
    rules.push(...forked);
  }
}

function writeValues(rules: Map<string, readonly unknown[]>[], path: string, values: readonly unknown[]): void {
  if (rules.length === 0) rules.push(new Map());
  for (const rule of rules) rule.set(path, values);
}

function extend(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

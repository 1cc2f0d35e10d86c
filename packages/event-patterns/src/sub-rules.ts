import { isPlainObject } from './compile-context.js';
import { OR_KEY } from './constants.js';

/** One sub-rule of a pattern: each flattened field path (`detail.state`) with its array of values. */
export type SubRule = ReadonlyMap<string, readonly unknown[]>;

/** What {@link subRulesOf} builds. */
export interface SubRuleOptions {
  /** Most sub-rules to hold at any step; past it {@link subRulesOf} stops and returns `undefined`. */
  readonly maxSubRules: number;
  /** Paths to keep; the others are left out of every sub-rule. Default: all. */
  readonly keepPath?: (path: string) => boolean;
}

type MutableSubRule = Map<string, readonly unknown[]>;

interface Build {
  rules: MutableSubRule[];
  overCap: boolean;
  readonly options: SubRuleOptions;
}

/**
 * Splits a validated pattern into the sub-rules Event Ruler's `JsonRuleCompiler` compiles it to:
 * nested objects and dotted keys both become dotted paths, and each `$or` forks every sub-rule
 * built so far into one copy per alternative. A path given twice keeps the later value arrays
 * (the compiler's default, rule overriding). Unlike the compiler, identical sub-rules are kept
 * once (in first-seen order), and the work is bounded: past `maxSubRules` sub-rules the answer is
 * `undefined`. The pattern must already be valid.
 *
 * @example
 * ```ts
 * subRulesOf({ source: ['a'], $or: [{ 'detail.x': [1] }, { detail: { y: [2] } }] }, { maxSubRules: 100 });
 * // [Map { source => ['a'], detail.x => [1] }, Map { source => ['a'], detail.y => [2] }]
 * ```
 */
export function subRulesOf(pattern: Record<string, unknown>, options: SubRuleOptions): SubRule[] | undefined {
  const build: Build = { rules: [], overCap: false, options };
  addObject(build, '', pattern);
  return build.overCap ? undefined : build.rules;
}

/** A field path one key deeper, as the compiler flattens it (`detail` + `state` is `detail.state`). */
export function joinFieldPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function addObject(build: Build, path: string, object: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(object)) {
    if (build.overCap) return;
    if (key === OR_KEY && Array.isArray(value)) addAlternatives(build, path, value);
    else if (Array.isArray(value)) writeValues(build, joinFieldPath(path, key), value);
    else if (isPlainObject(value)) addObject(build, joinFieldPath(path, key), value);
  }
}

function addAlternatives(build: Build, path: string, alternatives: readonly unknown[]): void {
  const before = build.rules;
  const after: MutableSubRule[] = [];
  const seen = new Set<string>();
  for (const alternative of alternatives) {
    const forked: Build = { rules: before.length === 0 ? [new Map()] : before.map((rule) => new Map(rule)), overCap: false, options: build.options };
    if (isPlainObject(alternative)) addObject(forked, path, alternative);
    // One at a time: spreading a huge array into push() overflows the call stack.
    for (const rule of forked.rules) {
      const key = keyOf(rule);
      if (!seen.has(key)) {
        seen.add(key);
        after.push(rule);
      }
    }
    if (forked.overCap || after.length > build.options.maxSubRules) {
      build.overCap = true;
      return;
    }
  }
  build.rules = after;
}

function writeValues(build: Build, path: string, values: readonly unknown[]): void {
  if (build.options.keepPath !== undefined && !build.options.keepPath(path)) return;
  if (build.rules.length === 0) build.rules.push(new Map());
  for (const rule of build.rules) rule.set(path, values);
}

/**
 * Sub-rules with equal keys are equal: adding the second to a rule machine reaches only the
 * states and values the first added, so leaving it out changes no machine.
 */
function keyOf(rule: SubRule): string {
  return JSON.stringify([...rule.entries()].sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0)));
}

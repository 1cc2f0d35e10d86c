import { isPlainObject } from './compile-context.js';
import { OR_KEY } from './constants.js';
import { joinFieldPath } from './sub-rules.js';
import { parseWildcard, wildcardTokens } from './wildcard.js';
import type { ComplexityPattern } from './wildcard-complexity.js';

/** The distinct patterns that carry complexity at one field path, by their JSON text. */
export type ComplexityPatterns = ReadonlyMap<string, ComplexityPattern>;

/**
 * Every value of a validated pattern that carries complexity (a `wildcard`, or an `anything-but`
 * `wildcard`), by field path (flattened as in {@link subRulesOf}) and JSON text, in one walk of
 * the pattern: `$or` alternatives are visited once each, never combined. Values a later path
 * overrides are included, so at each path this is a superset of what any byte machine holds.
 *
 * @example
 * ```ts
 * complexityPatternsByField({ $or: [{ a: [{ wildcard: 'x*' }] }, { a: ['y'], b: [{ wildcard: '*z' }] }] });
 * // Map { 'a' => Map { '{"wildcard":"x*"}' => ... }, 'b' => Map { '{"wildcard":"*z"}' => ... } }
 * ```
 */
export function complexityPatternsByField(pattern: Record<string, unknown>): Map<string, ComplexityPatterns> {
  const byField = new Map<string, Map<string, ComplexityPattern>>();
  collect(byField, '', pattern);
  return byField;
}

/** The pattern a value carries into a byte machine's complexity, if it carries any. */
export function complexityPatternOf(value: unknown): ComplexityPattern | undefined {
  if (!isPlainObject(value)) return undefined;
  if (typeof value.wildcard === 'string') return tokenised([value.wildcard]);
  const excluded = value['anything-but'];
  if (!isPlainObject(excluded) || !('wildcard' in excluded)) return undefined;
  const texts: unknown[] = Array.isArray(excluded.wildcard) ? excluded.wildcard : [excluded.wildcard];
  return tokenised(texts.filter((text): text is string => typeof text === 'string'));
}

function collect(byField: Map<string, Map<string, ComplexityPattern>>, path: string, object: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(object)) {
    if (key === OR_KEY && Array.isArray(value)) {
      for (const alternative of value) if (isPlainObject(alternative)) collect(byField, path, alternative);
    } else if (Array.isArray(value)) {
      for (const item of value) addValue(byField, joinFieldPath(path, key), item);
    } else if (isPlainObject(value)) {
      collect(byField, joinFieldPath(path, key), value);
    }
  }
}

function addValue(byField: Map<string, Map<string, ComplexityPattern>>, field: string, value: unknown): void {
  const pattern = complexityPatternOf(value);
  if (pattern === undefined) return;
  let patterns = byField.get(field);
  if (patterns === undefined) {
    patterns = new Map();
    byField.set(field, patterns);
  }
  patterns.set(JSON.stringify(value), pattern);
}

function tokenised(texts: readonly string[]): ComplexityPattern | undefined {
  const values = texts.flatMap((text) => {
    const parsed = parseWildcard(text);
    return 'pattern' in parsed ? [wildcardTokens(parsed.pattern)] : [];
  });
  return values.length === 0 ? undefined : { values };
}

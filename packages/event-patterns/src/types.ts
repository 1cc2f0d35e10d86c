/** A value an event field can hold at a leaf: what comparison operators look at. */
export type LeafValue = string | number | boolean | null;

/** `{ "equals-ignore-case": "..." }`, the case-insensitive form of `prefix` and `suffix`. */
export interface EqualsIgnoreCase {
  readonly 'equals-ignore-case': string;
}

/** What `anything-but` may exclude: values, or strings by prefix, suffix, case or wildcard. */
export type AnythingButOperand =
  | string
  | number
  | readonly string[]
  | readonly number[]
  | { readonly prefix: string | readonly string[] }
  | { readonly suffix: string | readonly string[] }
  | { readonly 'equals-ignore-case': string | readonly string[] }
  | { readonly wildcard: string | readonly string[] };

/** One content-filter operator, written as a one-key object inside a field's value array. */
export type MatchExpression =
  | { readonly prefix: string | EqualsIgnoreCase }
  | { readonly suffix: string | EqualsIgnoreCase }
  | EqualsIgnoreCase
  | { readonly wildcard: string }
  | { readonly 'anything-but': AnythingButOperand }
  | { readonly numeric: readonly (string | number)[] }
  | { readonly exists: boolean }
  | { readonly cidr: string };

/** One entry of a field's value array: an exact value or a match expression (entries are ORed). */
export type PatternValue = LeafValue | MatchExpression;

/**
 * An EventBridge event pattern: fields map to nested patterns or to arrays of values (OR);
 * `$or` maps to an array of alternative sub-patterns. The type guides authors; the rules it
 * cannot express (non-empty arrays, one operator per object, ...) are checked by
 * `validatePattern`.
 *
 * @example
 * ```ts
 * const pattern: EventPattern = {
 *   source: ['wildrydes.fleet'],
 *   'detail-type': ['UnicornHealthLow'],
 *   detail: { healthPoints: [{ numeric: ['<', 20] }], unicorn: [{ 'anything-but': { prefix: 'test-' } }] },
 * };
 * ```
 */
export interface EventPattern {
  readonly [field: string]: EventPattern | readonly PatternValue[] | readonly EventPattern[];
}

import type { LeafValue } from './types.js';

/** One compiled entry of a field's value array, tested against one leaf value of the event. */
export type ValueTest = (value: LeafValue) => boolean;

/** A compiled entry: a value test, or an `exists` check, which looks at the field as a whole. */
export type CompiledValue = { readonly kind: 'test'; readonly test: ValueTest } | { readonly kind: 'exists'; readonly exists: boolean };

/** A field whose pattern is an array of values: matches if any entry matches (OR). */
export interface LeafCondition {
  readonly kind: 'leaf';
  readonly field: string;
  readonly tests: readonly ValueTest[];
  /** An `{ "exists": true }` entry: any leaf value at the field matches. */
  readonly matchesPresence: boolean;
  /** An `{ "exists": false }` entry: no leaf value at the field matches. */
  readonly matchesAbsence: boolean;
}

/** A field whose pattern is a nested object. */
export interface NestedCondition {
  readonly kind: 'nested';
  readonly field: string;
  readonly node: CompiledNode;
}

/** A compiled pattern object: every condition holds, and one alternative of every `$or` holds. */
export interface CompiledNode {
  readonly conditions: readonly (LeafCondition | NestedCondition)[];
  readonly alternatives: readonly (readonly CompiledNode[])[];
  /** True when nothing in this object requires a value to be present (only `exists: false`). */
  readonly absenceOnly: boolean;
}

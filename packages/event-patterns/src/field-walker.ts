import { isPlainObject } from './compile-context.js';
import type { LeafValue } from './types.js';

/** The value of an object's own field (never one inherited, such as `__proto__` or `constructor`). */
export function ownField(container: unknown, field: string): unknown {
  return isPlainObject(container) && Object.hasOwn(container, field) ? container[field] : undefined;
}

/**
 * The leaf values an event holds at one field: the value itself, or every scalar in an array,
 * arrays of arrays flattened. Objects are not leaves (their fields are one level down), so a
 * field holding an object or an empty array has no leaf values: for `exists` it is absent.
 * `null` is a leaf value.
 *
 * @example
 * ```ts
 * leafValuesOf(['a', ['b', { c: 1 }], null]); // ['a', 'b', null]
 * leafValuesOf({ c: 1 });                      // []
 * ```
 */
export function leafValuesOf(value: unknown): LeafValue[] {
  if (value === undefined || isPlainObject(value)) return [];
  if (!Array.isArray(value)) return isLeafValue(value) ? [value] : [];
  const leaves: LeafValue[] = [];
  forEachArrayItem(value, (item) => {
    if (isLeafValue(item)) leaves.push(item);
  });
  return leaves;
}

/**
 * The objects an event holds at one field, for a nested pattern to look into: the object
 * itself, or every object in an array (arrays of arrays flattened). A nested pattern then has
 * to match inside one of them, so fields from different array elements never combine.
 */
export function objectsOf(value: unknown): Record<string, unknown>[] {
  if (isPlainObject(value)) return [value];
  if (!Array.isArray(value)) return [];
  const objects: Record<string, unknown>[] = [];
  forEachArrayItem(value, (item) => {
    if (isPlainObject(item)) objects.push(item);
  });
  return objects;
}

function isLeafValue(value: unknown): value is LeafValue {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** Visits the non-array items of a nested array without recursion (deep nesting cannot overflow). */
function forEachArrayItem(array: readonly unknown[], visit: (item: unknown) => void): void {
  const stack: { readonly items: readonly unknown[]; index: number }[] = [{ items: array, index: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top === undefined || top.index >= top.items.length) {
      stack.pop();
      continue;
    }
    const item = top.items[top.index];
    top.index += 1;
    if (Array.isArray(item)) stack.push({ items: item, index: 0 });
    else visit(item);
  }
}

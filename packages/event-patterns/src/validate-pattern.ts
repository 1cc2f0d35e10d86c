import { parsePattern } from './parse-pattern.js';

/**
 * Throws if EventBridge would reject the pattern (an object, or its JSON text); returns nothing
 * otherwise. Use it where rules are declared (CDK props, config loading) to fail early.
 *
 * @throws {@link InvalidEventPatternError} naming the path and the problem.
 * @example
 * ```ts
 * validatePattern({ detail: { price: [{ numeric: ['>', 0, '<=', 5] }] } }); // ok
 * validatePattern({ detail: { price: [] } });
 * // InvalidEventPatternError: Invalid event pattern at detail.price: Empty arrays are not allowed
 * ```
 */
export function validatePattern(pattern: unknown): void {
  parsePattern(pattern);
}

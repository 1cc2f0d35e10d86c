import { parsePattern } from './parse-pattern.js';

/**
 * Validates a pattern (an object, or its JSON text) once and returns a predicate for the hot path,
 * such as a local bus matching thousands of events.
 *
 * @throws {@link InvalidEventPatternError} naming the path and the problem.
 * @example
 * ```ts
 * const isRideCompleted = compilePattern({ source: ['wildrydes.rides'], 'detail-type': ['RideCompleted'] });
 * const completed = events.filter(isRideCompleted);
 * ```
 */
export function compilePattern(pattern: unknown): (event: unknown) => boolean {
  const compiled = parsePattern(pattern);
  return (event) => compiled.matches(event);
}

import { parsePattern, type CompiledEventPattern } from './parse-pattern.js';
import type { EventPattern } from './types.js';

/**
 * Whether a parsed event matches a pattern (an object, its JSON text, or a compiled pattern).
 * An uncompiled pattern is validated on every call; compile it once with {@link parsePattern} or
 * {@link compilePattern} when matching many events.
 *
 * @throws {@link InvalidEventPatternError} if the pattern is invalid (EventBridge would refuse to
 *   create such a rule, so there is no "no match" answer to give).
 * @example
 * ```ts
 * matchesPattern(
 *   { source: ['aws.ec2'], detail: { state: [{ 'anything-but': 'initializing' }] } },
 *   { source: 'aws.ec2', detail: { state: 'running' } },
 * ); // true
 * ```
 */
export function matchesPattern(pattern: EventPattern | string | CompiledEventPattern, event: unknown): boolean {
  return parsePattern(pattern).matches(event);
}

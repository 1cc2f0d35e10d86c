import { InvalidOptionsError } from './errors.js';
import { requireNonNegativeMs } from './validate-options.js';

/** A source of uniform random numbers in [0, 1), injectable for deterministic tests. */
export type Random = () => number;

/** The two numbers that shape capped exponential backoff. */
export interface BackoffOptions {
  /** Upper bound of the first retry's delay; doubles with every further retry. */
  baseDelayMs: number;
  /** No delay is ever longer than this, however many retries came before. */
  maxDelayMs: number;
}

/**
 * Capped exponential backoff with full jitter:
 * `delay = random() * min(maxDelayMs, baseDelayMs * 2 ** retryIndex)`.
 *
 * Full jitter (rather than a fixed exponential delay) spreads the retries of many concurrent
 * Lambda invocations that were throttled at the same moment, so they do not all come back at
 * once and get throttled again.
 *
 * @param retryIndex - 0 for the first retry, 1 for the second, ...
 * @param random - uniform in [0, 1); defaults to `Math.random`
 * @returns a delay in [0, min(maxDelayMs, baseDelayMs * 2 ** retryIndex))
 *
 * @example
 * ```ts
 * fullJitterDelayMs(3, { baseDelayMs: 50, maxDelayMs: 2000 }, () => 0.5); // 0.5 * 400 = 200
 * ```
 */
export function fullJitterDelayMs(retryIndex: number, options: BackoffOptions, random: Random = Math.random): number {
  if (!Number.isInteger(retryIndex) || retryIndex < 0) {
    throw new InvalidOptionsError(`retryIndex must be an integer >= 0 (given ${String(retryIndex)})`);
  }
  requireNonNegativeMs('baseDelayMs', options.baseDelayMs);
  requireNonNegativeMs('maxDelayMs', options.maxDelayMs);
  // 2 ** retryIndex overflows to Infinity for huge indexes; Math.min still yields the cap.
  const ceilingMs = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retryIndex);
  return random() * ceilingMs;
}

import { fullJitterDelayMs, type Random } from './backoff.js';
import { requireIntegerAtLeast, requireNonNegativeMs } from './validate-options.js';

/** How persistently a writer retries what failed transiently. Every field is optional. */
export interface RetryOptions {
  /**
   * Upper bound of the first retry's delay, doubled for each further retry.
   * @default 50
   */
  baseDelayMs?: number;
  /**
   * Cap of any single retry delay.
   * @default 2000
   */
  maxDelayMs?: number;
  /**
   * Calls made for one unit of work (a chunk, or one isolated item), the first included.
   * @default 10
   */
  maxAttempts?: number;
  /**
   * Least time a call must have left before it is started: a call that cannot finish before
   * the deadline would be aborted anyway, and its items are better handed back to Lambda now.
   * @default 250
   */
  minCallBudgetMs?: number;
}

/** {@link RetryOptions} with every default applied. */
export type ResolvedRetryOptions = Required<RetryOptions>;

/** The defaults of {@link RetryOptions}. */
export const DEFAULT_RETRY_OPTIONS: ResolvedRetryOptions = Object.freeze({
  baseDelayMs: 50,
  maxDelayMs: 2_000,
  maxAttempts: 10,
  minCallBudgetMs: 250,
});

/**
 * Applies the defaults and validates the values, throwing `InvalidOptionsError` for values
 * that can never work.
 *
 * @example
 * ```ts
 * resolveRetryOptions({ maxAttempts: 3 }); // { baseDelayMs: 50, maxDelayMs: 2000, maxAttempts: 3, minCallBudgetMs: 250 }
 * ```
 */
export function resolveRetryOptions(options: RetryOptions = {}): ResolvedRetryOptions {
  const resolved = { ...DEFAULT_RETRY_OPTIONS, ...withoutUndefined(options) };
  requireNonNegativeMs('retry.baseDelayMs', resolved.baseDelayMs);
  requireNonNegativeMs('retry.maxDelayMs', resolved.maxDelayMs);
  requireIntegerAtLeast('retry.maxAttempts', resolved.maxAttempts, 1);
  requireNonNegativeMs('retry.minCallBudgetMs', resolved.minCallBudgetMs);
  return resolved;
}

/** Why a retry loop gave up on what is still failing. */
export type RetryStop = 'MaxAttemptsReached' | 'DeadlineReached';

/** Retry after `delayMs`, or stop and say why. */
export type RetryDecision = { retry: true; delayMs: number } | { retry: false; stoppedBy: RetryStop };

/**
 * Decides whether a unit of work that failed transiently gets another call: only while fewer
 * than `maxAttempts` calls were made, and only when the time left covers the jittered delay plus
 * `minCallBudgetMs` for the call itself.
 *
 * @param attemptsMade - calls already made for this unit, >= 1
 *
 * @example
 * ```ts
 * const decision = decideRetry({ attemptsMade: 1, remainingMs: deadline.remainingMs(), options });
 * if (decision.retry) await sleepWithinDeadline(decision.delayMs, deadline);
 * ```
 */
export function decideRetry(input: {
  attemptsMade: number;
  remainingMs: number;
  options: ResolvedRetryOptions;
  random?: Random;
}): RetryDecision {
  const { attemptsMade, remainingMs, options } = input;
  if (attemptsMade >= options.maxAttempts) return { retry: false, stoppedBy: 'MaxAttemptsReached' };
  const delayMs = fullJitterDelayMs(attemptsMade - 1, options, input.random);
  if (remainingMs < delayMs + options.minCallBudgetMs) return { retry: false, stoppedBy: 'DeadlineReached' };
  return { retry: true, delayMs };
}

function withoutUndefined(options: RetryOptions): RetryOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

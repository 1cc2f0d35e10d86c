import type { Random } from './backoff.js';
import { abortSignalForDeadline, realSleep, sleepWithinDeadline, type Deadline, type Sleep } from './deadline.js';
import { classifyError } from './error-classification.js';
import { decideRetry, resolveRetryOptions, type RetryOptions } from './retry-policy.js';
import { finalFailureCode, type WriteFailureCode } from './write-failure-code.js';

/** How {@link callWithRetry} retries, and what it may wait for. */
export interface CallWithRetryOptions {
  deadline: Deadline;
  retry?: RetryOptions;
  /** Injectable for tests; defaults to a real timer. */
  sleep?: Sleep;
  /** Injectable for tests; defaults to `Math.random`. */
  random?: Random;
}

/**
 * The outcome of {@link callWithRetry}: the value, or why it still fails. `retryable: false`
 * only for `invalid-request` errors (code `TooLarge` or `Invalid`), which can never succeed with
 * the same input; otherwise the code is `DeadlineReached`, `MaxAttemptsReached` or `Environment`.
 */
export type CallOutcome<T> =
  | { ok: true; value: T; attempts: number }
  | { ok: false; retryable: boolean; code: WriteFailureCode; reason: string; cause: unknown; attempts: number };

/**
 * Calls `operation` until it succeeds, retrying transient errors with capped exponential
 * backoff and full jitter, within the deadline and `retry.maxAttempts`. The AbortSignal it
 * passes fires at the deadline; give it to `client.send`. Never throws: every failure is in the
 * outcome.
 *
 * @example
 * ```ts
 * const outcome = await callWithRetry(
 *   (abortSignal) => s3.send(new PutObjectCommand(input), { abortSignal }),
 *   { deadline },
 * );
 * if (!outcome.ok && outcome.retryable) reportForRetry(outcome.reason);
 * ```
 */
export async function callWithRetry<T>(
  operation: (abortSignal: AbortSignal | undefined) => Promise<T>,
  options: CallWithRetryOptions,
): Promise<CallOutcome<T>> {
  const retry = resolveRetryOptions(options.retry);
  const { deadline } = options;
  let attempts = 0;
  let lastFailure: { reason: string; cause: unknown } | undefined;
  for (;;) {
    if (deadline.remainingMs() < retry.minCallBudgetMs) {
      const reason = lastFailure
        ? `DeadlineReached: ${lastFailure.reason} after ${attempts} attempt(s)`
        : 'DeadlineReached: not attempted';
      return { ok: false, retryable: true, code: 'DeadlineReached', reason, cause: lastFailure?.cause, attempts };
    }
    attempts++;
    try {
      return { ok: true, value: await operation(abortSignalForDeadline(deadline)), attempts };
    } catch (error) {
      const { category, reason } = classifyError(error);
      if (category !== 'transient') {
        return { ok: false, retryable: category === 'environment', code: finalFailureCode(error, category), reason, cause: error, attempts };
      }
      lastFailure = { reason, cause: error };
    }
    const decision = decideRetry({
      attemptsMade: attempts,
      remainingMs: deadline.remainingMs(),
      options: retry,
      random: options.random,
    });
    if (!decision.retry) {
      const reason = `${decision.stoppedBy}: ${lastFailure.reason} after ${attempts} attempt(s)`;
      return { ok: false, retryable: true, code: decision.stoppedBy, reason, cause: lastFailure.cause, attempts };
    }
    await sleepWithinDeadline(decision.delayMs, deadline, options.sleep ?? realSleep);
  }
}

import type { Random } from './backoff.js';
import { abortSignalForDeadline, sleepWithinDeadline, type Deadline, type Sleep } from './deadline.js';
import { classifyError } from './error-classification.js';
import { decideRetry, type ResolvedRetryOptions } from './retry-policy.js';
import { finalFailureCode, type FailureDetail } from './write-failure-code.js';

/** An entry that failed transiently in a call, and why: it gets another call. */
export interface TransientEntryFailure<T> {
  entry: T;
  reason: string;
  cause?: unknown;
}

/** What a batch writer plugs into {@link sendWithPartialRetry}. */
export interface PartialBatchCalls<T> {
  deadline: Deadline;
  retry: ResolvedRetryOptions;
  sleep: Sleep;
  random: Random | undefined;
  /**
   * Makes one call for `entries`. Settles itself the entries that succeeded and those that
   * failed for good, and returns those that failed transiently. Throws when the whole call fails.
   */
  call(entries: readonly T[], abortSignal: AbortSignal | undefined): Promise<ReadonlyArray<TransientEntryFailure<T>>>;
  /** Settles an entry as failed. */
  fail(entry: T, failure: FailureDetail): void;
  /** Runs before every call, to count them. */
  onCall(): void;
}

/**
 * Sends one unit of a batch (a request's worth of entries) until every entry is settled or it
 * has to give up, for writers whose entries are independent of each other (BatchWriteItem,
 * PutEvents):
 *
 * - entries that fail transiently, one by one or because the whole call did, are sent again,
 *   and only they, after capped exponential backoff with full jitter, while the deadline leaves
 *   time for the delay plus a call and fewer than `retry.maxAttempts` calls were made for the
 *   unit; what is still failing then fails `retryable: true`, code `DeadlineReached` (reason
 *   `DeadlineReached: <last reason> after N attempt(s)` or `DeadlineReached: not attempted`) or
 *   `MaxAttemptsReached` (`MaxAttemptsReached: ...`);
 * - a whole call rejected for its content (`invalid-request`) is resent entry by entry, each
 *   with a budget of its own, so that only the bad entry fails, `retryable: false`, code
 *   `TooLarge` or `Invalid` (see {@link finalFailureCode});
 * - a whole call failing for the environment (access denied, missing resource) fails its
 *   entries `retryable: true`, code `Environment`, without retrying now.
 *
 * Every call gets an AbortSignal that fires at the deadline.
 *
 * @example
 * ```ts
 * await sendWithPartialRetry(chunk, {
 *   deadline, retry: resolveRetryOptions(), sleep: realSleep, random: undefined,
 *   call: async (entries, abortSignal) => sendAndSettle(entries, abortSignal), // returns the transient failures
 *   fail: (entry, failure) => ledger.fail(entry.index, failure),
 *   onCall: () => calls++,
 * });
 * ```
 */
export async function sendWithPartialRetry<T>(unit: readonly T[], calls: PartialBatchCalls<T>): Promise<void> {
  const { deadline, retry } = calls;
  let pending: ReadonlyArray<TransientEntryFailure<T>> = unit.map((entry) => ({ entry, reason: '' }));
  let unitAttempts = 0;
  for (;;) {
    if (deadline.remainingMs() < retry.minCallBudgetMs) {
      for (const { entry, reason, cause } of pending) {
        const failedReason = unitAttempts === 0 ? 'DeadlineReached: not attempted' : `DeadlineReached: ${reason} after ${unitAttempts} attempt(s)`;
        calls.fail(entry, { retryable: true, code: 'DeadlineReached', reason: failedReason, cause });
      }
      return;
    }
    unitAttempts++;
    calls.onCall();
    const entries = pending.map(({ entry }) => entry);
    try {
      pending = await calls.call(entries, abortSignalForDeadline(deadline));
      if (pending.length === 0) return;
    } catch (error) {
      const { category, reason } = classifyError(error);
      if (category === 'invalid-request') return isolate(entries, { code: finalFailureCode(error, category), reason, cause: error }, calls);
      if (category === 'environment') {
        for (const entry of entries) calls.fail(entry, { retryable: true, code: 'Environment', reason, cause: error });
        return;
      }
      pending = entries.map((entry) => ({ entry, reason, cause: error }));
    }
    const decision = decideRetry({ attemptsMade: unitAttempts, remainingMs: deadline.remainingMs(), options: retry, random: calls.random });
    if (!decision.retry) {
      for (const { entry, reason, cause } of pending) {
        const failedReason = `${decision.stoppedBy}: ${reason} after ${unitAttempts} attempt(s)`;
        calls.fail(entry, { retryable: true, code: decision.stoppedBy, reason: failedReason, cause });
      }
      return;
    }
    await sleepWithinDeadline(decision.delayMs, deadline, calls.sleep);
  }
}

/**
 * A call rejected for its content: one of its entries is bad, and the call as a whole wrote
 * nothing. A single entry is that bad entry; several are resent one by one, so that only the bad
 * one fails.
 */
async function isolate<T>(
  entries: readonly T[],
  rejection: Pick<FailureDetail, 'code' | 'reason' | 'cause'>,
  calls: PartialBatchCalls<T>,
): Promise<void> {
  const [only, ...others] = entries;
  if (only !== undefined && others.length === 0) {
    calls.fail(only, { retryable: false, ...rejection });
    return;
  }
  for (const entry of entries) await sendWithPartialRetry([entry], calls);
}

import { deadlineAt, type CallWithRetryOptions, type RetryOptions } from '@wildrydes/aws-clients';

/** How hard an adapter tries each call. */
export interface CallSettings {
  /**
   * Time for one call, retries included.
   * @default 30000
   */
  readonly callTimeoutMs?: number;
  readonly retry?: RetryOptions;
  /** @default Date.now */
  readonly now?: () => number;
}

const DEFAULT_CALL_TIMEOUT_MS = 30_000;

/**
 * The `callWithRetry` options of one call: a deadline `callTimeoutMs` from now, and the retry options.
 *
 * @example
 * ```ts
 * const outcome = await callWithRetry((abortSignal) => client.send(command, { abortSignal }), retryOptionsOf(settings));
 * ```
 */
export function retryOptionsOf(settings: CallSettings): CallWithRetryOptions {
  const now = settings.now ?? Date.now;
  return {
    deadline: deadlineAt(now() + (settings.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS), { now }),
    ...(settings.retry === undefined ? {} : { retry: settings.retry }),
  };
}

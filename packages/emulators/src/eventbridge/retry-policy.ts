import { DEFAULT_RETRY_POLICY, MAX_RETRY_DELAY_FACTOR, RETRY_POLICY_LIMITS } from './constants';
import { InvalidEventBridgeOptionsError } from './errors';
import type { RetryPolicy } from './types';

/**
 * Fills in EventBridge's defaults (185 retries, 86,400 s) and validates the values.
 *
 * @throws InvalidEventBridgeOptionsError for `maximumRetryAttempts` outside 0..185 (integer) or
 *   `maximumEventAgeSeconds` outside (0, 86400]
 * @example
 * ```ts
 * resolveRetryPolicy({ maximumRetryAttempts: 2 }); // { maximumRetryAttempts: 2, maximumEventAgeSeconds: 86400 }
 * ```
 */
export function resolveRetryPolicy(policy: Partial<RetryPolicy> = {}): RetryPolicy {
  const resolved = {
    maximumRetryAttempts: policy.maximumRetryAttempts ?? DEFAULT_RETRY_POLICY.maximumRetryAttempts,
    maximumEventAgeSeconds: policy.maximumEventAgeSeconds ?? DEFAULT_RETRY_POLICY.maximumEventAgeSeconds,
  };
  const { maximumRetryAttempts, maximumEventAgeSeconds } = resolved;
  if (!Number.isInteger(maximumRetryAttempts) || maximumRetryAttempts < 0 || maximumRetryAttempts > RETRY_POLICY_LIMITS.maximumRetryAttempts) {
    throw new InvalidEventBridgeOptionsError(
      `retryPolicy.maximumRetryAttempts must be an integer between 0 and ${RETRY_POLICY_LIMITS.maximumRetryAttempts} (given ${maximumRetryAttempts})`,
    );
  }
  if (!(maximumEventAgeSeconds > 0 && maximumEventAgeSeconds <= RETRY_POLICY_LIMITS.maximumEventAgeSeconds)) {
    throw new InvalidEventBridgeOptionsError(
      `retryPolicy.maximumEventAgeSeconds must be above 0 and at most ${RETRY_POLICY_LIMITS.maximumEventAgeSeconds} (given ${maximumEventAgeSeconds})`,
    );
  }
  return resolved;
}

/**
 * Delay before retry number `retry` (1 for the first retry): exponential backoff,
 * `baseDelayMs * 2^(retry - 1)`, capped at 256 × `baseDelayMs`. No jitter, so tests are
 * deterministic.
 *
 * @example
 * ```ts
 * retryDelayMs(3, 100); // 400
 * ```
 */
export function retryDelayMs(retry: number, baseDelayMs: number): number {
  return baseDelayMs * Math.min(2 ** (retry - 1), MAX_RETRY_DELAY_FACTOR);
}

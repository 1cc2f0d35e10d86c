import { TransactWriteItemsCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { callWithRetry, type Deadline, type Random, type RetryOptions, type Sleep } from '@wildrydes/aws-clients';
import { interpretCancellation, type CancellationReason, type WriteOutcome } from './write-outcome.js';
import type { WritePlan } from './write-plan.js';

/**
 * How a plan ended: a {@link WriteOutcome} (the model reflects the event), `rejected` (DynamoDB
 * refuses the request itself: no attempt can succeed), or `retry` (still failing when the
 * retries or the time ran out: the event must be delivered again).
 */
export type ApplyResult = (
  | WriteOutcome
  | { readonly status: 'rejected'; readonly reason: string }
  | { readonly status: 'retry'; readonly reason: string }
) & { readonly attempts: number };

/** What {@link applyWritePlan} may spend. */
export interface ApplyWritePlanOptions {
  readonly deadline: Deadline;
  readonly retry?: RetryOptions;
  /** Injectable for tests; defaults to a real timer. */
  readonly sleep?: Sleep;
  /** Injectable for tests; defaults to `Math.random`. */
  readonly random?: Random;
}

/**
 * A cancelled transaction that a later attempt can get past (a conflicting concurrent
 * transaction on the same item, throttling). `$retryable` is the AWS SDK's own mark of a
 * retryable error, which `callWithRetry` honours by retrying with backoff.
 */
class RetryableCancellationError extends Error {
  readonly $retryable = { throttling: false };

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'RetryableCancellationError';
  }
}

interface CancelledTransaction {
  readonly name: 'TransactionCanceledException';
  readonly CancellationReasons?: CancellationReason[];
}

const isCancelledTransaction = (error: unknown): error is CancelledTransaction =>
  typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'TransactionCanceledException';

/**
 * Runs a plan's `TransactWriteItems`, retrying throttling, transaction conflicts and transient
 * errors with capped exponential backoff and jitter within the deadline. A cancellation because
 * the plan's guard condition failed is a success (`duplicate` or `superseded`). Never throws.
 *
 * @example
 * ```ts
 * const result = await applyWritePlan(dynamodb, planWrite(event, tableName), { deadline });
 * if (result.status === 'retry') throw new RetryableEventError(result.reason);
 * ```
 */
export async function applyWritePlan(client: DynamoDBClient, plan: WritePlan, options: ApplyWritePlanOptions): Promise<ApplyResult> {
  const outcome = await callWithRetry(
    async (abortSignal) => {
      try {
        await client.send(new TransactWriteItemsCommand({ TransactItems: [...plan.items] }), { abortSignal });
        return { status: 'applied' } as const;
      } catch (error) {
        if (!isCancelledTransaction(error)) throw error;
        const verdict = interpretCancellation(plan, error.CancellationReasons ?? []);
        if (verdict.status === 'retry') throw new RetryableCancellationError(verdict.reason, { cause: error });
        return verdict;
      }
    },
    { deadline: options.deadline, retry: options.retry, sleep: options.sleep, random: options.random },
  );
  if (outcome.ok) return { ...outcome.value, attempts: outcome.attempts };
  return { status: outcome.retryable ? 'retry' : 'rejected', reason: outcome.reason, attempts: outcome.attempts };
}

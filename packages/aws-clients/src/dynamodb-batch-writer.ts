import { BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import type { Random } from './backoff.js';
import { BatchWriteLedger, type BatchWriteResult } from './batch-write-ledger.js';
import { mapWithConcurrency } from './concurrency.js';
import { abortSignalForDeadline, realSleep, sleepWithinDeadline, type Deadline, type Sleep } from './deadline.js';
import { chunkPuts, planBatchWrite, type PlannedPut } from './dynamodb-batch-plan.js';
import { splitUnprocessed } from './dynamodb-unprocessed.js';
import { InvalidOptionsError } from './errors.js';
import { classifyError } from './error-classification.js';
import { decideRetry, resolveRetryOptions, type ResolvedRetryOptions, type RetryOptions } from './retry-policy.js';
import { requireIntegerAtLeast } from './validate-options.js';

/**
 * Chunks in flight at once by default. A few overlapping calls hide round-trip latency for the
 * hundreds of chunks a large Kinesis batch becomes, while staying far below the HTTP agent's
 * socket pool and not multiplying throttling. Order is not at stake: each key is sent once.
 */
export const DEFAULT_BATCH_WRITE_CONCURRENCY = 4;

/** What to write where, and how hard to try. */
export interface BatchWriteItemsInput<TRef> {
  tableName: string;
  /** The table's key attribute names (partition key, then sort key), to find duplicate keys. */
  keyAttributes: readonly string[];
  /**
   * Items as plain JS objects (marshalled with `removeUndefinedValues`), each with the ref
   * (for example a Kinesis sequence number) that the result reports it by.
   */
  puts: ReadonlyArray<{ ref: TRef; item: Record<string, NativeAttributeValue> }>;
  deadline: Deadline;
  retry?: RetryOptions;
  /**
   * BatchWriteItem calls in flight at once.
   * @default 4
   */
  concurrency?: number;
  /** Injectable for tests; defaults to a real timer. */
  sleep?: Sleep;
  /** Injectable for tests; defaults to `Math.random`. */
  random?: Random;
}

interface WriteContext {
  client: DynamoDBClient;
  tableName: string;
  keyAttributes: readonly string[];
  deadline: Deadline;
  retry: ResolvedRetryOptions;
  sleep: Sleep;
  random: Random | undefined;
  ledger: BatchWriteLedger<unknown>;
  attempts: number;
}

/**
 * Writes items with BatchWriteItem and accounts for every one of them: each ref ends in exactly
 * one of `written`, `superseded` or `failed`. It never throws for a service failure.
 *
 * - Items over 400 KB, without their key attributes, or that cannot be marshalled fail upfront,
 *   `retryable: false`.
 * - Of several puts with one key the last wins; the earlier ones are `superseded` when it is
 *   written, and share its failure otherwise.
 * - Requests hold at most 25 items and 16 MB. `UnprocessedItems` and throttling or other
 *   transient errors are retried, for the unprocessed items only, with capped exponential
 *   backoff and full jitter, while the deadline leaves time for the delay plus a call and
 *   fewer than `retry.maxAttempts` calls were made; what still fails is `retryable: true`.
 * - A request rejected for its content (ValidationException) is resent item by item, so only
 *   the bad item fails, `retryable: false`. Other non-transient errors (access denied, missing
 *   table) fail the request's items `retryable: true`, without retrying now.
 * - Every call gets an AbortSignal that fires at the deadline.
 *
 * @throws InvalidOptionsError for programmer errors: empty `tableName` or `keyAttributes`,
 *   invalid retry or concurrency options
 *
 * @example
 * ```ts
 * const result = await batchWriteItems(ddb, {
 *   tableName: config.TABLE_NAME,
 *   keyAttributes: ['Name', 'StatusTime'],
 *   puts: readings.map((reading) => ({ ref: reading.sequenceNumber, item: reading.item })),
 *   deadline: deadlineFromLambdaContext(context),
 * });
 * const batchItemFailures = result.failed
 *   .filter((failure) => failure.retryable)
 *   .map((failure) => ({ itemIdentifier: failure.ref }));
 * ```
 */
export async function batchWriteItems<TRef>(
  client: DynamoDBClient,
  input: BatchWriteItemsInput<TRef>,
): Promise<BatchWriteResult<TRef>> {
  if (input.tableName === '') throw new InvalidOptionsError('tableName must not be empty');
  const concurrency = input.concurrency ?? DEFAULT_BATCH_WRITE_CONCURRENCY;
  requireIntegerAtLeast('concurrency', concurrency, 1);
  const retry = resolveRetryOptions(input.retry);
  const plan = planBatchWrite(input.puts, input.keyAttributes);

  const ledger = new BatchWriteLedger(input.puts.map((put) => put.ref));
  for (const { index, ...failure } of plan.rejected) ledger.markFailed(index, { retryable: false, ...failure });
  for (const { index, winnerIndex } of plan.superseded) ledger.markSuperseded(index, winnerIndex);

  const context: WriteContext = {
    client,
    tableName: input.tableName,
    keyAttributes: input.keyAttributes,
    deadline: input.deadline,
    retry,
    sleep: input.sleep ?? realSleep,
    random: input.random,
    ledger,
    attempts: 0,
  };
  await mapWithConcurrency(chunkPuts(plan.puts), concurrency, (chunk) => writeUnit(context, chunk));
  return ledger.toResult(context.attempts);
}

/** Writes one chunk (or one isolated item) until all of it is written or it has to give up. */
async function writeUnit(context: WriteContext, unit: readonly PlannedPut[]): Promise<void> {
  const { deadline, retry, ledger } = context;
  let pending = unit;
  let unitAttempts = 0;
  let lastFailure = { reason: '', cause: undefined as unknown };
  for (;;) {
    if (deadline.remainingMs() < retry.minCallBudgetMs) {
      const reason =
        unitAttempts === 0
          ? 'DeadlineReached: not attempted'
          : `DeadlineReached: ${lastFailure.reason} after ${unitAttempts} attempt(s)`;
      return failAll(ledger, pending, { retryable: true, reason, cause: lastFailure.cause });
    }
    unitAttempts++;
    context.attempts++;
    try {
      const unprocessed = await send(context, pending);
      if (unprocessed.length === 0) return;
      pending = unprocessed;
      lastFailure = { reason: 'UnprocessedItems', cause: undefined };
    } catch (error) {
      const { category, reason } = classifyError(error);
      if (category === 'invalid-request') return isolate(context, pending, reason, error);
      if (category === 'environment') return failAll(ledger, pending, { retryable: true, reason, cause: error });
      lastFailure = { reason, cause: error };
    }
    const decision = decideRetry({
      attemptsMade: unitAttempts,
      remainingMs: deadline.remainingMs(),
      options: retry,
      random: context.random,
    });
    if (!decision.retry) {
      const reason = `${decision.stoppedBy}: ${lastFailure.reason} after ${unitAttempts} attempt(s)`;
      return failAll(ledger, pending, { retryable: true, reason, cause: lastFailure.cause });
    }
    await sleepWithinDeadline(decision.delayMs, deadline, context.sleep);
  }
}

/** Sends the puts; marks the written ones and returns those handed back as unprocessed. */
async function send(context: WriteContext, puts: readonly PlannedPut[]): Promise<readonly PlannedPut[]> {
  const response = await context.client.send(
    new BatchWriteItemCommand({
      RequestItems: { [context.tableName]: puts.map((put) => ({ PutRequest: { Item: put.item } })) },
    }),
    { abortSignal: abortSignalForDeadline(context.deadline) },
  );
  const { written, unprocessed } = splitUnprocessed(puts, response.UnprocessedItems?.[context.tableName], context.keyAttributes);
  for (const put of written) context.ledger.markWritten(put.index);
  return unprocessed;
}

/**
 * A request rejected for its content: one of its items is bad, and the request as a whole
 * wrote nothing. A single item is that bad item; several are resent one by one, so that only
 * the bad one fails.
 */
async function isolate(context: WriteContext, puts: readonly PlannedPut[], reason: string, cause: unknown): Promise<void> {
  const [only, ...others] = puts;
  if (only !== undefined && others.length === 0) {
    context.ledger.markFailed(only.index, { retryable: false, reason, cause });
    return;
  }
  for (const put of puts) await writeUnit(context, [put]);
}

function failAll(
  ledger: BatchWriteLedger<unknown>,
  puts: readonly PlannedPut[],
  failure: { retryable: boolean; reason: string; cause: unknown },
): void {
  for (const put of puts) ledger.markFailed(put.index, failure);
}

import { BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import type { Random } from './backoff.js';
import { BatchWriteLedger, type BatchWriteResult } from './batch-write-ledger.js';
import { mapWithConcurrency } from './concurrency.js';
import { realSleep, type Deadline, type Sleep } from './deadline.js';
import { chunkPuts, planBatchWrite, type PlannedPut } from './dynamodb-batch-plan.js';
import { splitUnprocessed } from './dynamodb-unprocessed.js';
import { InvalidOptionsError } from './errors.js';
import { sendWithPartialRetry, type PartialBatchCalls } from './partial-batch-retry.js';
import { PartitionKeySequencer } from './partition-key-sequencer.js';
import { resolveRetryOptions, type RetryOptions } from './retry-policy.js';
import { requireIntegerAtLeast } from './validate-options.js';

/**
 * Chunks in flight at once by default. A few overlapping calls hide round-trip latency for the
 * hundreds of chunks a large Kinesis batch becomes, while staying far below the HTTP agent's
 * socket pool and not multiplying throttling. Order is not at stake: a round sends each key once.
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

/**
 * Writes items with BatchWriteItem and accounts for every one of them: each ref ends in exactly
 * one of `written`, `superseded` or `failed`. It never throws for a service failure.
 *
 * - Items over 400 KB (code `TooLarge`), without their key attributes, or that cannot be
 *   marshalled (code `Invalid`) fail upfront, `retryable: false`.
 * - Requests hold at most 25 items and 16 MB. `UnprocessedItems` and throttling or other
 *   transient errors are retried, for the unprocessed items only, with capped exponential
 *   backoff and full jitter, while the deadline leaves time for the delay plus a call and
 *   fewer than `retry.maxAttempts` calls were made; what still fails is `retryable: true`,
 *   code `DeadlineReached` or `MaxAttemptsReached`.
 * - A request rejected for its content (ValidationException) is resent item by item, so only
 *   the bad item fails, `retryable: false`, code `TooLarge` when DynamoDB says the item is over
 *   its size limit, `Invalid` otherwise. Other non-transient errors (access denied, missing
 *   table) fail the request's items `retryable: true`, code `Environment`, without retrying now.
 * - Every call gets an AbortSignal that fires at the deadline.
 *
 * **Several puts of one key** (a reading and its correction, a replayed record). BatchWriteItem
 * refuses two requests for one key, and what a batch leaves must not depend on how the stream
 * was cut into batches. So the puts of a key are written one at a time, in input order, in
 * rounds (one round trip each; see {@link PartitionKeySequencer}), exactly as if each had come
 * in a batch of its own:
 * - a put that fails for good (`retryable: false`) fails alone; the next put of its key goes
 *   on, and when it was the last, the previous put that was written stands in the table;
 * - a put that fails `retryable: true` holds its key: the key's later puts are not sent and fail
 *   `retryable: true`, code `BlockedByEarlierFailure`, so that Lambda, resuming at the lowest
 *   failed record, writes them again in order;
 * - a put whose item is identical to the next put of its key is not sent: it is `superseded`
 *   when that one is written and shares its failure otherwise (the same item, the same verdict).
 *
 * A batch takes as many rounds as its most repeated key has distinct puts: one when every
 * reading has its own key (the usual case).
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
  const sequencer = new PartitionKeySequencer(plan.puts.map(({ index, key }) => ({ index, partitionKey: key })));

  let attempts = 0;
  const calls: PartialBatchCalls<PlannedPut> = {
    deadline: input.deadline,
    retry,
    sleep: input.sleep ?? realSleep,
    random: input.random,
    call: async (puts, abortSignal) => {
      const response = await client.send(
        new BatchWriteItemCommand({ RequestItems: { [input.tableName]: puts.map((put) => ({ PutRequest: { Item: put.item } })) } }),
        { abortSignal },
      );
      const { written, unprocessed } = splitUnprocessed(puts, response.UnprocessedItems?.[input.tableName], input.keyAttributes);
      for (const put of written) {
        ledger.markWritten(put.index);
        sequencer.markWritten(put.index);
      }
      return unprocessed.map((put) => ({ entry: put, reason: 'UnprocessedItems' }));
    },
    fail: (put, failure) => {
      ledger.markFailed(put.index, failure);
      if (failure.retryable) sequencer.markFailed(put.index);
      else sequencer.markDropped(put.index);
    },
    onCall: () => attempts++,
  };

  // Each round settles every put it sends (sendWithPartialRetry retries within the round), so a
  // put offered twice would be a bug: stop rather than loop; the ledger reports it Unaccounted.
  const unsent = new Map(plan.puts.map((put) => [put.index, put]));
  for (let round = sequencer.sendable(); round.length > 0; round = sequencer.sendable()) {
    const puts = round.flatMap((index) => unsent.get(index) ?? []);
    if (puts.length !== round.length) break;
    for (const put of puts) unsent.delete(put.index);
    await mapWithConcurrency(chunkPuts(puts), concurrency, (chunk) => sendWithPartialRetry(chunk, calls));
  }
  for (const { index, blockerIndex } of sequencer.blocked()) {
    ledger.markFailed(index, {
      retryable: true,
      code: 'BlockedByEarlierFailure',
      reason: `BlockedByEarlierFailure: not sent, because the earlier put at input position ${blockerIndex} with the same key was not written`,
    });
  }
  return ledger.toResult(attempts);
}

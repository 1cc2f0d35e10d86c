import { PutRecordsCommand, type KinesisClient, type PutRecordsResultEntry } from '@aws-sdk/client-kinesis';
import type { Random } from './backoff.js';
import { EntryLedger, type WriteFailure } from './batch-write-ledger.js';
import { chunkBySize } from './chunking.js';
import { mapWithConcurrency } from './concurrency.js';
import { abortSignalForDeadline, realSleep, sleepWithinDeadline, type Deadline, type Sleep } from './deadline.js';
import { classifyError, classifyErrorCode } from './error-classification.js';
import { InvalidOptionsError } from './errors.js';
import {
  planRecords,
  resolvePutRecordsLimits,
  type KinesisRecordInput,
  type PlannedRecord,
  type PutRecordsLimits,
} from './kinesis-record-plan.js';
import { PartitionKeySequencer, type RecordOrdering } from './partition-key-sequencer.js';
import { decideRetry, resolveRetryOptions, type ResolvedRetryOptions, type RetryOptions } from './retry-policy.js';
import { finalFailureCode, type FailureDetail } from './write-failure-code.js';
import { requireIntegerAtLeast } from './validate-options.js';

/**
 * PutRecords calls in flight at once within a round, by default. Calls of one round never share
 * a partition key, so overlapping them cannot reorder a key; it only hides latency when a round
 * has more than one request's worth of keys.
 */
export const DEFAULT_PUT_RECORDS_CONCURRENCY = 4;

const STREAM_NAME = /^[a-zA-Z0-9_.-]{1,128}$/;

/** What to put where, and how hard to try. */
export interface PutRecordsInput<TRef> {
  /** The stream's name (kinesalite, the local emulator, needs the name, not the ARN). */
  streamName: string;
  records: ReadonlyArray<KinesisRecordInput<TRef>>;
  deadline: Deadline;
  limits?: PutRecordsLimits;
  /**
   * `'none'` gives up the order guarantee for throughput: every pending record is sent at once.
   * @default 'per-partition-key'
   */
  ordering?: RecordOrdering;
  /**
   * PutRecords calls in flight at once within a round.
   * @default 4
   */
  concurrency?: number;
  retry?: RetryOptions;
  /** Injectable for tests; defaults to a real timer. */
  sleep?: Sleep;
  /** Injectable for tests; defaults to `Math.random`. */
  random?: Random;
}

/** A record Kinesis accepted, where it went and at which position. */
export interface WrittenRecord<TRef> {
  ref: TRef;
  sequenceNumber: string;
  shardId: string;
}

/** Where every record ended: each ref is in exactly one of the two lists, in input order. */
export interface PutRecordsResult<TRef> {
  written: Array<WrittenRecord<TRef>>;
  failed: Array<WriteFailure<TRef>>;
  /** PutRecords calls made. */
  attempts: number;
}

interface RecordState {
  attempts: number;
  lastFailure?: { reason: string; cause?: unknown };
  /** Its request was rejected as invalid: it is sent alone from now on, to find the bad record. */
  isolated: boolean;
}

interface PutContext {
  client: KinesisClient;
  streamName: string;
  deadline: Deadline;
  retry: ResolvedRetryOptions;
  limits: Required<PutRecordsLimits>;
  concurrency: number;
  sleep: Sleep;
  random: Random | undefined;
  ledger: EntryLedger<unknown, { sequenceNumber: string; shardId: string }>;
  sequencer: PartitionKeySequencer;
  planned: ReadonlyMap<number, PlannedRecord>;
  states: Map<number, RecordState>;
  calls: number;
}

/**
 * Puts records with PutRecords and accounts for every one of them: each ref ends in exactly one
 * of `written` (with its sequence number and shard) or `failed`. It never throws for a service
 * failure.
 *
 * - Records with an invalid partition key (`InvalidPartitionKey`: not 1 to 256 characters) or
 *   explicit hash key (`InvalidExplicitHashKey`), code `Invalid`, or over
 *   `limits.maxRecordBytes` (`RecordTooLarge`, data plus partition key), code `TooLarge`, fail
 *   upfront, `retryable: false`.
 * - Requests hold at most `limits.maxRecordsPerRequest` records and `limits.maxRequestBytes`.
 * - Failed entries of a response (`FailedRecordCount` > 0) are retried, and only they:
 *   `ProvisionedThroughputExceededException`, `InternalFailure` and `KMSThrottlingException`
 *   with capped exponential backoff and full jitter, while the deadline leaves time for the delay
 *   plus a call and the record was sent fewer than `retry.maxAttempts` times. Other codes
 *   (`KMSAccessDeniedException`, `KMSDisabledException`, `KMSNotFoundException`,
 *   `KMSInvalidStateException`, unknown codes) are the environment's fault: the record fails
 *   `retryable: true`, code `Environment`, at once, since retrying within this invocation will
 *   not help, like the DynamoDB writer's access-denied case. An entry code that says the record
 *   itself is invalid fails it `retryable: false`, code `Invalid`.
 * - Errors of a whole call go through {@link classifyError}: transient ones are retried like
 *   failed entries; a request rejected as invalid is resent record by record so that only the
 *   bad record fails, `retryable: false` (code `TooLarge` or `Invalid`); environment errors
 *   fail the request's records `retryable: true`, code `Environment`, without retrying now.
 * - What is still unwritten at the end fails `retryable: true` with code `DeadlineReached`,
 *   `MaxAttemptsReached`, `Environment` (its reason starting with the error's name), or
 *   `BlockedByEarlierFailure` (see below). Every call gets an AbortSignal that fires at the
 *   deadline.
 *
 * **Order per partition key.** PutRecords writes the entries of one request independently: when
 * an entry fails and a later entry with the same partition key succeeds, the later one is in the
 * stream first, and no retry can undo that. So with `ordering: 'per-partition-key'` (the
 * default) no partition key ever has two records in flight: the writer works in rounds, and each
 * round sends, for every key, only its earliest record that is not settled yet (see
 * {@link PartitionKeySequencer}); the next record of a key goes out in the round after the
 * previous one was written. The guarantee: **a record is written only after every earlier record
 * (in input order) with the same partition key was written**, except earlier records that can
 * never be written (`retryable: false`, bound for the quarantine), which do not hold their key
 * up. A record that finally fails `retryable: true` holds its key: the key's later records are
 * not sent and fail `BlockedByEarlierFailure`, so the caller hands them all back to Lambda, which
 * resumes at the lowest failed sequence number. What the guarantee does not exclude: duplicates
 * (a call that timed out may have written its records, which are then sent again; a duplicate
 * never precedes the first write of an earlier record), and order between different partition
 * keys, even on one shard.
 *
 * **Its cost.** One key is written at most one record per round, that is per PutRecords round
 * trip (tens of milliseconds), and a batch takes as many rounds as its most frequent key has
 * records (more when records are retried). R records over K keys, n = R/K each, take n rounds of
 * ceil(K/500) calls, against ceil(R/500) calls unordered: about the same when every key has one
 * record or two (the usual case: one reading per unicorn per second), n times the round trips of
 * a single request when K is small (10 keys x 100 records: 100 calls of 10 records instead of 2
 * of 500). A backlog of one key (10,000 records of one unicorn) takes 10,000 round trips: use
 * `ordering: 'none'` where consumers do not depend on order. A retry's backoff delays the whole
 * next round, other keys included.
 *
 * @throws InvalidOptionsError for programmer errors: an invalid `streamName`, limits, ordering,
 *   retry or concurrency options
 *
 * @example
 * ```ts
 * const result = await putRecords(kinesis, {
 *   streamName: config.TARGET_STREAM_NAME,
 *   records: readings.map(({ sequenceNumber, reading }) => ({
 *     ref: sequenceNumber,
 *     partitionKey: reading.Name,
 *     data: new TextEncoder().encode(JSON.stringify(reading)),
 *   })),
 *   deadline: deadlineFromLambdaContext(context),
 * });
 * const batchItemFailures = result.failed
 *   .filter((failure) => failure.retryable)
 *   .map((failure) => ({ itemIdentifier: failure.ref }));
 * ```
 */
export async function putRecords<TRef>(client: KinesisClient, input: PutRecordsInput<TRef>): Promise<PutRecordsResult<TRef>> {
  if (!STREAM_NAME.test(input.streamName)) {
    throw new InvalidOptionsError(`streamName must be 1 to 128 of a-z, A-Z, 0-9, _, . and - (given ${JSON.stringify(input.streamName)})`);
  }
  const ordering = input.ordering ?? 'per-partition-key';
  if (ordering !== 'per-partition-key' && ordering !== 'none') {
    throw new InvalidOptionsError(`ordering must be 'per-partition-key' or 'none' (given ${JSON.stringify(ordering)})`);
  }
  const concurrency = input.concurrency ?? DEFAULT_PUT_RECORDS_CONCURRENCY;
  requireIntegerAtLeast('concurrency', concurrency, 1);
  const retry = resolveRetryOptions(input.retry);
  const limits = resolvePutRecordsLimits(input.limits);
  const { planned, rejected } = planRecords(input.records, limits);

  const ledger = new EntryLedger<TRef, { sequenceNumber: string; shardId: string }>(input.records.map((record) => record.ref));
  for (const { index, code, reason } of rejected) ledger.fail(index, { retryable: false, code, reason });

  const context: PutContext = {
    client,
    streamName: input.streamName,
    deadline: input.deadline,
    retry,
    limits,
    concurrency,
    sleep: input.sleep ?? realSleep,
    random: input.random,
    ledger,
    sequencer: new PartitionKeySequencer(planned, ordering),
    planned: new Map(planned.map((record) => [record.index, record])),
    states: new Map(planned.map((record) => [record.index, { attempts: 0, isolated: false }])),
    calls: 0,
  };
  await writeInRounds(context);
  for (const { index, blockerIndex } of context.sequencer.blocked()) {
    const blockerCode = (ledger.failureReasonOf(blockerIndex) ?? '').split(':')[0];
    ledger.fail(index, {
      retryable: true,
      code: 'BlockedByEarlierFailure',
      reason: `BlockedByEarlierFailure: not sent, because the earlier record at input position ${blockerIndex} with the same partition key was not written (${blockerCode})`,
    });
  }
  const { succeeded, failed } = ledger.toResult();
  return { written: succeeded, failed, attempts: context.calls };
}

async function writeInRounds(context: PutContext): Promise<void> {
  for (;;) {
    const sendable = context.sequencer.sendable();
    if (sendable.length === 0) return;
    if (context.deadline.remainingMs() < context.retry.minCallBudgetMs) return giveUpAtDeadline(context);
    const transient: number[] = [];
    await mapWithConcurrency(requestsOf(context, sendable), context.concurrency, (request) => send(context, request, transient));
    await retryOrGiveUp(context, transient);
  }
}

/** The round's requests: isolated records alone, the others packed within the limits. */
function requestsOf(context: PutContext, indexes: readonly number[]): PlannedRecord[][] {
  const packed: PlannedRecord[] = [];
  const alone: PlannedRecord[][] = [];
  for (const index of indexes) {
    const record = context.planned.get(index) as PlannedRecord;
    if (context.states.get(index)?.isolated) alone.push([record]);
    else packed.push(record);
  }
  const { maxRecordsPerRequest: maxItems, maxRequestBytes: maxBytes } = context.limits;
  return [...chunkBySize(packed, { maxItems, maxBytes }), ...alone];
}

/** Sends one request and settles its records, collecting those to retry in `transient`. */
async function send(context: PutContext, records: readonly PlannedRecord[], transient: number[]): Promise<void> {
  // A request that cannot finish in time is not started; the next round gives its records up.
  if (context.deadline.remainingMs() < context.retry.minCallBudgetMs) return;
  context.calls++;
  for (const record of records) stateOf(context, record.index).attempts++;
  let results: PutRecordsResultEntry[];
  try {
    const response = await context.client.send(
      new PutRecordsCommand({
        StreamName: context.streamName,
        Records: records.map(({ partitionKey, data, explicitHashKey }) => ({ PartitionKey: partitionKey, Data: data, ExplicitHashKey: explicitHashKey })),
      }),
      { abortSignal: abortSignalForDeadline(context.deadline) },
    );
    results = response.Records ?? [];
  } catch (error) {
    return settleRejectedRequest(context, records, error, transient);
  }
  if (results.length !== records.length) {
    const reason = `MalformedResponse: ${results.length} results for ${records.length} records`;
    for (const record of records) retryLater(context, record.index, { reason }, transient);
    return;
  }
  records.forEach((record, position) => settleEntry(context, record.index, results[position] as PutRecordsResultEntry, transient));
}

/** The response entry at a record's position says what became of it. */
function settleEntry(context: PutContext, index: number, result: PutRecordsResultEntry, transient: number[]): void {
  if (result.ErrorCode === undefined) {
    if (result.SequenceNumber === undefined) {
      retryLater(context, index, { reason: 'MissingSequenceNumber: the result has neither a sequence number nor an error' }, transient);
      return;
    }
    context.ledger.succeed(index, { sequenceNumber: result.SequenceNumber, shardId: result.ShardId ?? '' });
    context.sequencer.markWritten(index);
    return;
  }
  const { category, reason } = classifyErrorCode(result.ErrorCode, result.ErrorMessage);
  if (category === 'transient') return retryLater(context, index, { reason }, transient);
  const code = finalFailureCode({ name: result.ErrorCode, message: result.ErrorMessage }, category);
  if (category === 'invalid-request') drop(context, index, { retryable: false, code, reason });
  else fail(context, index, { retryable: true, code, reason });
}

function settleRejectedRequest(context: PutContext, records: readonly PlannedRecord[], error: unknown, transient: number[]): void {
  const { category, reason } = classifyError(error);
  for (const { index } of records) {
    if (category === 'transient') retryLater(context, index, { reason, cause: error }, transient);
    else if (category === 'environment') fail(context, index, { retryable: true, code: 'Environment', reason, cause: error });
    else if (records.length === 1) drop(context, index, { retryable: false, code: finalFailureCode(error, category), reason, cause: error });
    else {
      // Resent alone in the next round, without a backoff: the rejection was not throttling.
      const state = stateOf(context, index);
      state.isolated = true;
      state.lastFailure = { reason, cause: error };
    }
  }
}

/**
 * Records that failed transiently are retried after a backoff, unless they were sent
 * `maxAttempts` times or the time left does not cover the delay plus a call.
 */
async function retryOrGiveUp(context: PutContext, transient: readonly number[]): Promise<void> {
  const { retry, deadline } = context;
  const retrying: number[] = [];
  for (const index of transient) {
    const { attempts, lastFailure } = stateOf(context, index);
    if (attempts < retry.maxAttempts) retrying.push(index);
    else {
      const reason = `MaxAttemptsReached: ${lastFailure?.reason} after ${attempts} attempt(s)`;
      fail(context, index, { retryable: true, code: 'MaxAttemptsReached', reason, cause: lastFailure?.cause });
    }
  }
  if (retrying.length === 0) return;
  const attemptsMade = retrying.reduce((most, index) => Math.max(most, stateOf(context, index).attempts), 1);
  const decision = decideRetry({ attemptsMade, remainingMs: deadline.remainingMs(), options: retry, random: context.random });
  if (decision.retry) {
    await sleepWithinDeadline(decision.delayMs, deadline, context.sleep);
    return;
  }
  for (const index of retrying) {
    const { attempts, lastFailure } = stateOf(context, index);
    const reason = `${decision.stoppedBy}: ${lastFailure?.reason} after ${attempts} attempt(s)`;
    fail(context, index, { retryable: true, code: decision.stoppedBy, reason, cause: lastFailure?.cause });
  }
}

/**
 * Too little time for another call: every record still sendable fails. One that was sent holds
 * its key (the key's later records fail `BlockedByEarlierFailure`); one never sent does not.
 */
function giveUpAtDeadline(context: PutContext): void {
  for (let heads = context.sequencer.sendable(); heads.length > 0; heads = context.sequencer.sendable()) {
    for (const index of heads) {
      const { attempts, lastFailure } = stateOf(context, index);
      if (attempts === 0) {
        drop(context, index, { retryable: true, code: 'DeadlineReached', reason: 'DeadlineReached: not attempted' });
      } else {
        const reason = `DeadlineReached: ${lastFailure?.reason} after ${attempts} attempt(s)`;
        fail(context, index, { retryable: true, code: 'DeadlineReached', reason, cause: lastFailure?.cause });
      }
    }
  }
}

function retryLater(context: PutContext, index: number, failure: { reason: string; cause?: unknown }, transient: number[]): void {
  stateOf(context, index).lastFailure = failure;
  transient.push(index);
}

/** Fails a record and holds back the later records of its key. */
function fail(context: PutContext, index: number, failure: FailureDetail): void {
  context.ledger.fail(index, failure);
  context.sequencer.markFailed(index);
}

/** Fails a record without holding back its key: it was never sent, or can never be written. */
function drop(context: PutContext, index: number, failure: FailureDetail): void {
  context.ledger.fail(index, failure);
  context.sequencer.markDropped(index);
}

function stateOf(context: PutContext, index: number): RecordState {
  const state = context.states.get(index);
  if (state === undefined) throw new RangeError(`No record with index ${index} is being written`);
  return state;
}

import { PutEventsCommand, type EventBridgeClient, type PutEventsRequestEntry, type PutEventsResultEntry } from '@aws-sdk/client-eventbridge';
import type { Random } from './backoff.js';
import { EntryLedger, type WriteFailure } from './batch-write-ledger.js';
import { chunkBySize } from './chunking.js';
import { mapWithConcurrency } from './concurrency.js';
import { realSleep, type Deadline, type Sleep } from './deadline.js';
import { classifyErrorCode } from './error-classification.js';
import { planEntries, resolvePutEventsLimits, type PlannedEntry, type PutEventsLimits } from './eventbridge-entry-plan.js';
import { sendWithPartialRetry, type PartialBatchCalls, type TransientEntryFailure } from './partial-batch-retry.js';
import { resolveRetryOptions, type RetryOptions } from './retry-policy.js';
import { finalFailureCode } from './write-failure-code.js';
import { requireIntegerAtLeast } from './validate-options.js';

/**
 * PutEvents calls in flight at once by default: enough to hide latency for a batch of a few
 * hundred events, far below the regional PutEvents rate quota.
 */
export const DEFAULT_PUT_EVENTS_CONCURRENCY = 4;

/** What to publish, and how hard to try. */
export interface PutEventsInput<TRef> {
  /** Each entry names its bus in `EventBusName` (the default bus when absent). */
  entries: ReadonlyArray<{ ref: TRef; entry: PutEventsRequestEntry }>;
  deadline: Deadline;
  limits?: PutEventsLimits;
  /**
   * PutEvents calls in flight at once.
   * @default 4
   */
  concurrency?: number;
  retry?: RetryOptions;
  /** Injectable for tests; defaults to a real timer. */
  sleep?: Sleep;
  /** Injectable for tests; defaults to `Math.random`. */
  random?: Random;
}

/** An entry EventBridge accepted, with the ID it gave the event. */
export interface PublishedEvent<TRef> {
  ref: TRef;
  eventId: string;
}

/** Where every entry ended: each ref is in exactly one of the two lists, in input order. */
export interface PutEventsResult<TRef> {
  published: Array<PublishedEvent<TRef>>;
  failed: Array<WriteFailure<TRef>>;
  /** PutEvents calls made. */
  attempts: number;
}

/**
 * Publishes events with PutEvents and accounts for every entry: each ref ends in exactly one of
 * `published` (with its event ID) or `failed`. It never throws for a service failure. Order is
 * not preserved (EventBridge does not order events either).
 *
 * - Entries over `limits.maxEntryBytes`, sized as AWS documents it (see
 *   {@link putEventsEntrySizeBytes}), fail upfront, `retryable: false`, code `TooLarge`, with
 *   `EntryTooLarge: N bytes > limit M bytes`. Nothing is dropped silently.
 * - Requests hold at most `limits.maxEntriesPerRequest` entries and `limits.maxRequestBytes`.
 * - Results are matched to entries by position (the response's `Entries` is aligned with the
 *   request's). Failed entries (`FailedEntryCount` > 0) are retried, and only they, when their
 *   `ErrorCode` is transient (`ThrottlingException`, `InternalFailure`, `InternalException`),
 *   with capped exponential backoff and full jitter, within the deadline and `retry.maxAttempts`
 *   calls per request; what still fails is `retryable: true`, code `DeadlineReached` or
 *   `MaxAttemptsReached`.
 * - Entries rejected for their content (`MalformedDetail`, `InvalidArgument`,
 *   `ValidationException`) fail `retryable: false`, code `Invalid`: quarantine them.
 *   Environment codes (`AccessDeniedException`, `NotAuthorizedForSourceException`,
 *   `NotAuthorizedForDetailTypeException`, `InvalidAccountIdException`, unknown codes) fail
 *   `retryable: true`, code `Environment`, without retrying now: the event is fine, the setup
 *   is not.
 * - Errors of a whole call are handled like the DynamoDB writer's: transient ones retried, a
 *   request rejected as invalid resent entry by entry so only the bad entry fails, environment
 *   errors failing the request's entries `retryable: true`. Every call gets an AbortSignal that
 *   fires at the deadline.
 *
 * @throws InvalidOptionsError for programmer errors: invalid limits, retry or concurrency options
 *
 * @example
 * ```ts
 * const result = await putEvents(events, {
 *   entries: domainEvents.map((event) => ({
 *     ref: event.sourceSequenceNumber,
 *     entry: { EventBusName: config.EVENT_BUS_NAME, Source: 'wildrydes.fleet', DetailType: event.type, Detail: JSON.stringify(event.detail) },
 *   })),
 *   deadline: deadlineFromLambdaContext(context),
 * });
 * const batchItemFailures = result.failed
 *   .filter((failure) => failure.retryable)
 *   .map((failure) => ({ itemIdentifier: failure.ref }));
 * ```
 */
export async function putEvents<TRef>(client: EventBridgeClient, input: PutEventsInput<TRef>): Promise<PutEventsResult<TRef>> {
  const concurrency = input.concurrency ?? DEFAULT_PUT_EVENTS_CONCURRENCY;
  requireIntegerAtLeast('concurrency', concurrency, 1);
  const retry = resolveRetryOptions(input.retry);
  const limits = resolvePutEventsLimits(input.limits);
  const { planned, rejected } = planEntries(
    input.entries.map(({ entry }) => entry),
    limits,
  );

  const ledger = new EntryLedger<TRef, { eventId: string }>(input.entries.map(({ ref }) => ref));
  for (const { index, code, reason } of rejected) ledger.fail(index, { retryable: false, code, reason });

  let attempts = 0;
  const calls: PartialBatchCalls<PlannedEntry> = {
    deadline: input.deadline,
    retry,
    sleep: input.sleep ?? realSleep,
    random: input.random,
    call: async (entries, abortSignal) => {
      const response = await client.send(new PutEventsCommand({ Entries: entries.map(({ entry }) => entry) }), { abortSignal });
      return settleByPosition(entries, response.Entries ?? [], ledger);
    },
    fail: ({ index }, failure) => ledger.fail(index, failure),
    onCall: () => attempts++,
  };
  const requests = chunkBySize(planned, { maxItems: limits.maxEntriesPerRequest, maxBytes: limits.maxRequestBytes });
  await mapWithConcurrency(requests, concurrency, (request) => sendWithPartialRetry(request, calls));
  const { succeeded, failed } = ledger.toResult();
  return { published: succeeded, failed, attempts };
}

/**
 * Settles each sent entry by the result at its position and returns those to retry. A response
 * whose results do not line up with the request cannot be trusted: all its entries are retried
 * (publishing an event twice is harmless, consumers are idempotent; losing one is not).
 */
function settleByPosition(
  sent: readonly PlannedEntry[],
  results: readonly PutEventsResultEntry[],
  ledger: EntryLedger<unknown, { eventId: string }>,
): Array<TransientEntryFailure<PlannedEntry>> {
  if (results.length !== sent.length) {
    const reason = `MalformedResponse: ${results.length} results for ${sent.length} entries`;
    return sent.map((entry) => ({ entry, reason }));
  }
  const retry: Array<TransientEntryFailure<PlannedEntry>> = [];
  sent.forEach((entry, position) => {
    const { EventId, ErrorCode, ErrorMessage } = results[position] as PutEventsResultEntry;
    if (ErrorCode === undefined) {
      if (EventId === undefined) retry.push({ entry, reason: 'MissingEventId: the result has neither an event ID nor an error' });
      else ledger.succeed(entry.index, { eventId: EventId });
      return;
    }
    const { category, reason } = classifyErrorCode(ErrorCode, ErrorMessage);
    if (category === 'transient') {
      retry.push({ entry, reason });
      return;
    }
    const code = finalFailureCode({ name: ErrorCode, message: ErrorMessage }, category);
    ledger.fail(entry.index, { retryable: category === 'environment', code, reason });
  });
  return retry;
}

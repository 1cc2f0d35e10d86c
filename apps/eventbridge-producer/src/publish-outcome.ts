import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { WriteFailureCode } from '@wildrydes/aws-clients';
import { jsonResponse } from './responses.js';

/** One entry that was not published: the PutEvents writer's failure, by entry position. */
export interface PublishFailure {
  readonly index: number;
  readonly retryable: boolean;
  /** What the status is decided on (see `WriteFailureCode`). */
  readonly code: WriteFailureCode;
  /** The full reason, for the log; the client sees {@link clientReason} of it. */
  readonly reason: string;
}

/** What the publisher reports, by entry position: each entry is in exactly one list. */
export interface PublishReport {
  readonly published: ReadonlyArray<{ readonly index: number; readonly eventId: string }>;
  readonly failed: readonly PublishFailure[];
}

/** One entry's result, as the client receives it. */
export type EntryResult =
  | { readonly index: number; readonly status: 'published'; readonly eventId: string }
  | { readonly index: number; readonly status: 'failed'; readonly retryable: boolean; readonly reason: string };

/**
 * Why an entry was not published:
 * - `exhausted`: EventBridge kept throttling or failing (or the connection did) until the
 *   request's deadline or attempt budget ran out; the same entry will very likely go through soon.
 * - `environment`: the producer cannot publish at all (access denied, missing bus, unknown
 *   error, an entry the writer did not account for): its configuration or EventBridge's, never
 *   the client's event. An operator problem, but resending later is still the right client move.
 * - `rejected`: EventBridge refused an entry the producer validated (`Invalid`, `TooLarge`):
 *   resending it as it is can never work; the catalog and EventBridge disagree.
 */
export type FailureKind = 'exhausted' | 'environment' | 'rejected';

/** The statuses of a publish that got past validation. */
export type PublishStatus = 202 | 422 | 503;

/** Seconds a client should wait before resending the entries of a 503. */
export const RETRY_AFTER_SECONDS = 2;

/** The codes of a writer that gave up on failures that were transient: resending soon will likely work. */
const GAVE_UP_CODES: ReadonlySet<WriteFailureCode> = new Set(['DeadlineReached', 'MaxAttemptsReached']);

/** The codes of an entry EventBridge refused for good: resending it as it is can never work. */
const REJECTED_CODES: ReadonlySet<WriteFailureCode> = new Set(['Invalid', 'TooLarge']);

/** How the reason of a failure with one of {@link GAVE_UP_CODES} begins; used only to shorten it for the client. */
const GAVE_UP = /^(DeadlineReached|MaxAttemptsReached): /;

/**
 * The {@link FailureKind} of a publish failure, from its code: `TooLarge` and `Invalid` are
 * `rejected` (as is anything not retryable); `DeadlineReached` and `MaxAttemptsReached` are
 * `exhausted`; the rest (`Environment`, `Unaccounted`, ...) are `environment`.
 *
 * @example
 * ```ts
 * failureKind({ retryable: true, code: 'DeadlineReached' }); // 'exhausted'
 * failureKind({ retryable: true, code: 'Environment' }); // 'environment'
 * ```
 */
export function failureKind(failure: { readonly retryable: boolean; readonly code: WriteFailureCode }): FailureKind {
  if (!failure.retryable || REJECTED_CODES.has(failure.code)) return 'rejected';
  return GAVE_UP_CODES.has(failure.code) ? 'exhausted' : 'environment';
}

/**
 * The part of a failure reason a client may see: error codes, never messages (those can hold
 * account IDs and ARNs; they go to the log). `DeadlineReached: ThrottlingException: Rate
 * exceeded after 3 attempt(s)` becomes `DeadlineReached: ThrottlingException`.
 *
 * @example
 * ```ts
 * clientReason('AccessDeniedException: User arn:aws:sts::123456789012:... is not authorized'); // 'AccessDeniedException'
 * clientReason('DeadlineReached: not attempted'); // 'DeadlineReached: not attempted'
 * ```
 */
export function clientReason(reason: string): string {
  const stop = GAVE_UP.exec(reason)?.[1];
  const rest = stop === undefined ? reason : reason.slice(stop.length + 2);
  if (rest === 'not attempted') return `${stop}: not attempted`;
  const code = /^[A-Z][A-Za-z0-9]*(?=[:\s]|$)/.exec(rest)?.[0] ?? 'UnknownError';
  return stop === undefined ? code : `${stop}: ${code}`;
}

/**
 * The HTTP status of a publish, from the kinds of its failures (the decision table). A 5xx only
 * when resending is worth it for some entry; an entry that can never be published is the client's
 * to know about (422), not a server failure:
 *
 * | failures                                              | status |
 * |-------------------------------------------------------|--------|
 * | none                                                  | 202    |
 * | any `exhausted` or `environment` (retryable)          | 503 + `retry-after` |
 * | only `rejected` (not retryable)                       | 422    |
 *
 * @example
 * ```ts
 * publishStatus([]); // 202
 * publishStatus(['exhausted', 'environment']); // 503
 * publishStatus(['rejected', 'exhausted']); // 503: the exhausted entry is worth resending
 * publishStatus(['rejected']); // 422
 * ```
 */
export function publishStatus(kinds: readonly FailureKind[]): PublishStatus {
  if (kinds.length === 0) return 202;
  return kinds.some((kind) => kind !== 'rejected') ? 503 : 422;
}

/**
 * The answer to a publish: every entry's result in request order, with the status of
 * {@link publishStatus}. An entry the report does not mention (a publisher bug) counts as failed
 * for the environment (retryable) rather than vanishing. Rejected entries always carry
 * `retryable: false`, also in a 503, so the client resends only the others.
 *
 * @example
 * ```ts
 * publishResponse(1, { published: [{ index: 0, eventId: 'e-1' }], failed: [] });
 * // 202 { results: [{ index: 0, status: 'published', eventId: 'e-1' }] }
 * ```
 */
export function publishResponse(
  entryCount: number,
  report: PublishReport,
): { response: APIGatewayProxyStructuredResultV2; results: EntryResult[]; status: PublishStatus; kinds: FailureKind[] } {
  const byIndex = new Map<number, { result: EntryResult; kind?: FailureKind }>();
  for (const { index, eventId } of report.published) byIndex.set(index, { result: { index, status: 'published', eventId } });
  for (const failure of report.failed) {
    const { index, reason } = failure;
    const kind = failureKind(failure);
    byIndex.set(index, { result: { index, status: 'failed', retryable: kind !== 'rejected', reason: clientReason(reason) }, kind });
  }
  const kinds: FailureKind[] = [];
  const results = Array.from({ length: entryCount }, (_, index): EntryResult => {
    const { result, kind } = byIndex.get(index) ?? {
      result: { index, status: 'failed', retryable: true, reason: 'Unaccounted' },
      kind: 'environment',
    };
    if (kind !== undefined) kinds.push(kind);
    return result;
  });

  const status = publishStatus(kinds);
  const rejectedCount = kinds.filter((kind) => kind === 'rejected').length;
  const retryableCount = kinds.length - rejectedCount;
  if (status === 202) return { response: jsonResponse(202, { results }), results, status, kinds };
  if (status === 503) {
    const cause = kinds.every((kind) => kind !== 'environment') ? 'were not published in time' : 'could not be published for now';
    const rejected =
      rejectedCount === 0 ? '' : `; ${rejectedCount} were rejected by EventBridge and must not be resent as they are (retryable: false)`;
    const message = `${retryableCount} of ${entryCount} entries ${cause}; resend only the failed entries marked retryable (their metadata.eventId makes resending safe)${rejected}`;
    return {
      response: jsonResponse(503, { error: 'PublishIncomplete', message, results }, { 'retry-after': String(RETRY_AFTER_SECONDS) }),
      results,
      status,
      kinds,
    };
  }
  const message = `${rejectedCount} of ${entryCount} entries were rejected by EventBridge and will never be published as they are; do not resend them; the published entries need no resend`;
  return { response: jsonResponse(422, { error: 'EntryRejected', message, results }), results, status, kinds };
}

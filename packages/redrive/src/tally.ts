/**
 * The counts of a re-drive, kept as it goes. Every listed key ends in exactly one of:
 * filtered out, skipped, failed, re-driven (or would be, in a dry run), or not reached (after
 * `--limit`). Deleted counts the re-driven records whose object is gone; a record that was
 * re-driven but whose object could not be deleted is also counted failed (`DeleteFailed`).
 */
export interface RedriveTally {
  listed: number;
  /** Keys whose fate is decided (each counted once), for progress. */
  settled: number;
  filteredOut: number;
  redriven: number;
  deleted: number;
  notReached: number;
  /** Per skip code (`INVALID_BASE64`, ...). */
  readonly skipped: Map<string, number>;
  /** Per failure code (`ResourceNotFoundException`, `BlockedByEarlierFailure`, ...). */
  readonly failed: Map<string, number>;
}

/**
 * The skip code of a queue message sent after the run started: it is left for the next run
 * (an event put back that failed again comes back as such a message).
 */
export const ARRIVED_DURING_RUN = 'ARRIVED_DURING_RUN';

/** Skipped, but not kept because it cannot be re-driven as it is: gone already, or left for the next run. */
const SKIPPED_NOT_STUCK: ReadonlySet<string> = new Set(['OBJECT_GONE', ARRIVED_DURING_RUN]);

/**
 * The skipped items kept because they can never be re-driven as they are (`INVALID_BASE64`,
 * `NO_PAYLOAD`, `NOT_AN_EVENT`, `UNRECOGNISED_KEY`, ...): not failures (the exit status stays 0),
 * but someone has to look at them.
 *
 * @example
 * ```ts
 * countInto(tally.skipped, 'NO_PAYLOAD');
 * countInto(tally.skipped, 'OBJECT_GONE');
 * keptAsTheyAre(tally); // 1
 * ```
 */
export function keptAsTheyAre(tally: RedriveTally): number {
  let sum = 0;
  for (const [code, count] of tally.skipped) if (!SKIPPED_NOT_STUCK.has(code)) sum += count;
  return sum;
}

/**
 * An empty tally.
 *
 * @example
 * ```ts
 * const tally = newTally();
 * countInto(tally.skipped, 'INVALID_BASE64');
 * ```
 */
export function newTally(): RedriveTally {
  return { listed: 0, settled: 0, filteredOut: 0, redriven: 0, deleted: 0, notReached: 0, skipped: new Map(), failed: new Map() };
}

/**
 * Adds one to a code's count.
 *
 * @example
 * ```ts
 * countInto(tally.failed, failureCode('ResourceNotFoundException: Stream x not found'));
 * ```
 */
export function countInto(counts: Map<string, number>, code: string): void {
  counts.set(code, (counts.get(code) ?? 0) + 1);
}

/**
 * The sum of a code map.
 *
 * @example
 * ```ts
 * total(tally.failed) === 0; // nothing failed: exit 0
 * ```
 */
export function total(counts: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const count of counts.values()) sum += count;
  return sum;
}

/**
 * The code of a failure reason (`Code: detail`, as the batch writer reports it), to group
 * failures by in the summary.
 *
 * @example
 * ```ts
 * failureCode('ResourceNotFoundException: Stream x under account y not found.'); // 'ResourceNotFoundException'
 * failureCode('DeadlineReached: InternalFailure after 3 attempt(s)');              // 'DeadlineReached'
 * ```
 */
export function failureCode(reason: string): string {
  const colon = reason.indexOf(':');
  const code = (colon === -1 ? reason : reason.slice(0, colon)).trim();
  return code === '' ? 'Unknown' : code;
}

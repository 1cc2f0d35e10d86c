import { setTimeout as sleepTimer } from 'node:timers/promises';
import { requireNonNegativeMs } from './validate-options.js';

/**
 * How much time is left for work that must finish before a hard stop (the end of a Lambda
 * invocation). Everything that waits or calls a service asks it first.
 */
export interface Deadline {
  /** Milliseconds left, never negative. `Infinity` means no deadline. */
  remainingMs(): number;
}

/** Waits `ms` milliseconds; injectable so tests never really sleep. */
export type Sleep = (ms: number) => Promise<void>;

/** The part of the Lambda context a deadline needs. */
export interface RemainingTimeSource {
  getRemainingTimeInMillis(): number;
}

/**
 * Milliseconds a Lambda deadline keeps in reserve by default: time for the handler to map
 * failures to `batchItemFailures` and return before Lambda kills the invocation (a killed
 * invocation retries the whole batch, duplicates included).
 */
export const DEFAULT_LAMBDA_SAFETY_MARGIN_MS = 1_000;

/** setTimeout's ceiling (about 24.8 days); larger values fire immediately in Node. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A deadline that ends `safetyMarginMs` before the Lambda invocation times out.
 *
 * @example
 * ```ts
 * export const handler = async (event: KinesisStreamEvent, context: Context) => {
 *   const deadline = deadlineFromLambdaContext(context, { safetyMarginMs: 2_000 });
 *   const result = await batchWriteItems(ddb, { ...input, deadline });
 * };
 * ```
 */
export function deadlineFromLambdaContext(
  context: RemainingTimeSource,
  options: { safetyMarginMs?: number } = {},
): Deadline {
  const safetyMarginMs = options.safetyMarginMs ?? DEFAULT_LAMBDA_SAFETY_MARGIN_MS;
  requireNonNegativeMs('safetyMarginMs', safetyMarginMs);
  return { remainingMs: () => Math.max(0, context.getRemainingTimeInMillis() - safetyMarginMs) };
}

/**
 * A deadline at an absolute time (epoch milliseconds), for scripts and commands that are not
 * Lambda invocations. `Infinity` gives a deadline that never comes.
 *
 * @example
 * ```ts
 * const deadline = deadlineAt(Date.now() + 30_000);
 * ```
 */
export function deadlineAt(epochMs: number, options: { now?: () => number } = {}): Deadline {
  const now = options.now ?? Date.now;
  return { remainingMs: () => Math.max(0, epochMs - now()) };
}

/**
 * The real sleep, on a timer.
 *
 * @example
 * ```ts
 * await realSleep(100);
 * ```
 */
export const realSleep: Sleep = async (ms) => {
  await sleepTimer(ms);
};

/**
 * Sleeps `ms`, or only until the deadline when that comes first.
 *
 * @returns the milliseconds actually slept
 *
 * @example
 * ```ts
 * await sleepWithinDeadline(delayMs, deadline); // never outlives the invocation
 * ```
 */
export async function sleepWithinDeadline(ms: number, deadline: Deadline, sleep: Sleep = realSleep): Promise<number> {
  const sleptMs = Math.max(0, Math.min(ms, deadline.remainingMs()));
  if (sleptMs > 0) await sleep(sleptMs);
  return sleptMs;
}

/**
 * An AbortSignal that fires when the deadline comes, to pass to `client.send` so that no call
 * (with the SDK's own retries inside it) outlives the invocation. `undefined` for a deadline
 * that never comes.
 *
 * @example
 * ```ts
 * await client.send(command, { abortSignal: abortSignalForDeadline(deadline) });
 * ```
 */
export function abortSignalForDeadline(deadline: Deadline): AbortSignal | undefined {
  const remainingMs = deadline.remainingMs();
  if (remainingMs > MAX_TIMER_MS) return undefined;
  return AbortSignal.timeout(Math.max(1, Math.floor(remainingMs)));
}

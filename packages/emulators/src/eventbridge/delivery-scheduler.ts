import { EventDeliveryFailedError, type DeliveryFailureReason } from './errors';
import { retryDelayMs } from './retry-policy';
import type { BusEvent, DeadLetterHandler, RetryPolicy, RuleCounters, RuleTarget } from './types';

/** One event on its way to one rule target. */
export interface DeliveryJob {
  readonly event: BusEvent;
  readonly eventBusName: string;
  readonly ruleName: string;
  /** When the bus accepted the event (the event's age counts from here), in epoch ms. */
  readonly receivedAtMs: number;
  readonly target: RuleTarget;
  readonly retryPolicy: RetryPolicy;
  readonly deadLetter?: DeadLetterHandler | undefined;
  /** The rule's counters, updated in place. */
  readonly counters: RuleCounters;
}

/** Settings of a {@link DeliveryScheduler}. */
export interface DeliverySchedulerOptions {
  /** Delay before the first retry, doubled for each further one (capped at 256×). */
  retryBaseDelayMs: number;
  /** Clock, in epoch ms. Default `Date.now`. */
  now?: () => number;
}

/**
 * Delivers events to rule targets asynchronously with EventBridge's retry semantics: a target
 * that throws is retried with exponential backoff until the retry policy's
 * `maximumRetryAttempts` or `maximumEventAgeSeconds` runs out, then the event goes to the
 * dead-letter callback with an {@link EventDeliveryFailedError}. Each invocation gets its own
 * copy of the event.
 *
 * @example
 * ```ts
 * const scheduler = new DeliveryScheduler({ retryBaseDelayMs: 10 });
 * scheduler.schedule({ event, eventBusName: 'default', ruleName: 'r', receivedAtMs: Date.now(), target, retryPolicy, counters });
 * await scheduler.whenIdle();
 * ```
 */
export class DeliveryScheduler {
  readonly #retryBaseDelayMs: number;
  readonly #now: () => number;
  readonly #sleeping = new Map<NodeJS.Timeout, (continued: boolean) => void>();
  #idleWaiters: Array<() => void> = [];
  #pending = 0;
  #stopped = false;

  constructor(options: DeliverySchedulerOptions) {
    this.#retryBaseDelayMs = options.retryBaseDelayMs;
    this.#now = options.now ?? Date.now;
  }

  /** Deliveries scheduled and not finished (running, or waiting for their next attempt). */
  get pending(): number {
    return this.#pending;
  }

  /** Starts delivering `job` after the current call returns; ignored once stopped. */
  schedule(job: DeliveryJob): void {
    if (this.#stopped) return;
    this.#pending += 1;
    void this.#run(job).finally(() => this.#settle());
  }

  /** Resolves once no delivery is pending (at once if none is). */
  whenIdle(): Promise<void> {
    if (this.#pending === 0 || this.#stopped) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Cancels waiting retries and deliveries not yet started; resolves `whenIdle` waiters. */
  stop(): void {
    this.#stopped = true;
    for (const [timer, wake] of this.#sleeping) {
      clearTimeout(timer);
      wake(false);
    }
    this.#sleeping.clear();
    this.#wakeIdleWaiters();
  }

  async #run(job: DeliveryJob): Promise<void> {
    if (!(await this.#sleep(0))) return;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await job.target(structuredClone(job.event));
        job.counters.delivered += 1;
        return;
      } catch (error) {
        const delayMs = retryDelayMs(attempt, this.#retryBaseDelayMs);
        const reason = this.#giveUpReason(job, attempt, delayMs);
        if (reason !== undefined) {
          await deadLetter(job, new EventDeliveryFailedError(job.ruleName, job.eventBusName, job.event.id, attempt, reason, { cause: error }));
          return;
        }
        job.counters.retried += 1;
        if (!(await this.#sleep(delayMs))) return;
      }
    }
  }

  #giveUpReason(job: DeliveryJob, attempts: number, nextDelayMs: number): DeliveryFailureReason | undefined {
    if (attempts - 1 >= job.retryPolicy.maximumRetryAttempts) return 'retries-exhausted';
    const ageAtNextAttemptMs = this.#now() + nextDelayMs - job.receivedAtMs;
    if (ageAtNextAttemptMs > job.retryPolicy.maximumEventAgeSeconds * 1000) return 'maximum-event-age';
    return undefined;
  }

  #sleep(delayMs: number): Promise<boolean> {
    if (this.#stopped) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#sleeping.delete(timer);
        resolve(true);
      }, delayMs);
      timer.unref();
      this.#sleeping.set(timer, resolve);
    });
  }

  #settle(): void {
    this.#pending -= 1;
    if (this.#pending === 0) this.#wakeIdleWaiters();
  }

  #wakeIdleWaiters(): void {
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const wake of waiters) wake();
  }
}

async function deadLetter(job: DeliveryJob, error: EventDeliveryFailedError): Promise<void> {
  if (job.deadLetter === undefined) {
    job.counters.dropped += 1;
    process.emitWarning(`${error.message}; the rule has no dead-letter callback, so the event is dropped`, 'EventBridgeEmulatorWarning');
    return;
  }
  try {
    await job.deadLetter(structuredClone(job.event), error);
    job.counters.deadLettered += 1;
  } catch (deadLetterError) {
    job.counters.dropped += 1;
    process.emitWarning(
      `Dead-letter callback of rule ${job.ruleName} threw for event ${job.event.id}, so the event is dropped: ${String(deadLetterError)}`,
      'EventBridgeEmulatorWarning',
    );
  }
}

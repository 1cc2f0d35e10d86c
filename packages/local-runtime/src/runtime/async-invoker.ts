import type { Invocation } from '../function-host/function-host.js';

/** Counters of a function invoked asynchronously. */
export interface AsyncInvokeStats {
  received: number;
  succeeded: number;
  retries: number;
  /** Events given up on (sent to the on-failure destination). */
  failed: number;
  /** Age of the oldest event not yet done, ms. */
  lagMs: number;
}

export interface AsyncInvokerOptions {
  invoke(event: unknown): Promise<Invocation>;
  /** Lambda's `MaximumRetryAttempts` for asynchronous invocation (0..2). */
  readonly retryAttempts: number;
  /** Lambda's `MaximumEventAgeInSeconds` for asynchronous invocation. */
  readonly maxEventAgeSeconds: number;
  /**
   * Pause before each retry. Lambda waits about 1 and then 2 minutes; locally the same shape,
   * scaled down so a run finishes.
   */
  readonly retryDelaysMs: readonly number[];
  /** The event is given up on; it is in flight (and the invoker not idle) until this settles. `invokeCount` counts the first try. */
  /** An event the function handled successfully. */
  succeeded?(event: unknown): void;
  onFailure(event: unknown, lastError: string, condition: 'RetriesExhausted' | 'EventAgeExceeded', invokeCount: number): void | Promise<void>;
}

/**
 * Lambda's asynchronous invocation, as EventBridge uses it: the event is accepted at once (so the
 * bus's delivery succeeds), the function runs from an internal queue, a function error is retried
 * `retryAttempts` times with growing pauses, and an event that still fails (or outlives
 * `maxEventAgeSeconds`) goes to the on-failure destination.
 */
export class AsyncInvoker {
  readonly stats: AsyncInvokeStats = { received: 0, succeeded: 0, retries: 0, failed: 0, lagMs: 0 };
  private readonly inFlight = new Set<Promise<void>>();
  private readonly acceptedAt = new Map<unknown, number>();

  constructor(private readonly options: AsyncInvokerOptions) {}

  /** Accepts an event for asynchronous invocation. */
  accept(event: unknown): void {
    this.stats.received += 1;
    this.acceptedAt.set(event, Date.now());
    const run = this.run(event).finally(() => {
      this.inFlight.delete(run);
      this.acceptedAt.delete(event);
      this.updateLag();
    });
    this.inFlight.add(run);
  }

  /** Resolves once no event is queued or running. */
  async whenIdle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  get isIdle(): boolean {
    return this.inFlight.size === 0;
  }

  private async run(event: unknown): Promise<void> {
    const acceptedMs = Date.now();
    for (let attempt = 0; ; attempt += 1) {
      const result = await this.options.invoke(event);
      if (result.kind === 'returned') {
        this.stats.succeeded += 1;
        this.options.succeeded?.(event);
        return;
      }
      if (attempt >= this.options.retryAttempts) {
        this.stats.failed += 1;
        await this.options.onFailure(event, result.message, 'RetriesExhausted', attempt + 1);
        return;
      }
      const delay = this.options.retryDelaysMs[attempt] ?? this.options.retryDelaysMs.at(-1) ?? 0;
      if (Date.now() + delay - acceptedMs > this.options.maxEventAgeSeconds * 1000) {
        this.stats.failed += 1;
        await this.options.onFailure(event, result.message, 'EventAgeExceeded', attempt + 1);
        return;
      }
      this.stats.retries += 1;
      this.updateLag();
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  private updateLag(): void {
    const oldest = Math.min(...this.acceptedAt.values());
    this.stats.lagMs = Number.isFinite(oldest) ? Date.now() - oldest : 0;
  }
}

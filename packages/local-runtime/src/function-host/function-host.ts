import { Worker } from 'node:worker_threads';
import type { Writable } from 'node:stream';
import { containerRuntimeEnvironment } from './container-environment.js';

/** How the host runs one function: its bundle and the configuration its stack gives it. */
export interface HostedFunction {
  readonly name: string;
  /** The deployable bundle, `dist/apps/<name>/index.mjs`. */
  readonly bundlePath: string;
  /** The function's environment, exactly as its stack sets it (plus endpoints and credentials). */
  readonly environment: Readonly<Record<string, string>>;
  readonly timeoutSeconds: number;
  readonly memorySizeMb: number;
  readonly region: string;
  readonly accountId: string;
}

/** The result of one invocation, as Lambda would report it. */
export type Invocation =
  | { readonly kind: 'returned'; readonly response: unknown; readonly durationMs: number; readonly coldStart: boolean }
  | { readonly kind: 'error'; readonly message: string; readonly durationMs: number; readonly coldStart: boolean };

interface Pending {
  resolve(result: { ok: true; response: unknown } | { ok: false; message: string }): void;
}

/**
 * Runs a function bundle the way Lambda runs it: in an isolated container (a worker thread with
 * its own environment variables, so `process.env` differs per function, plus the few the runtime
 * adds: {@link containerRuntimeEnvironment}), cold-started on first
 * use, one invocation at a time, killed and cold-started again after a timeout or a crash. The
 * function's stdout and stderr (its logs) go to `logs`, not to the terminal.
 *
 * @example
 * ```ts
 * const host = new FunctionHost(fn, logFile);
 * const result = await host.invoke(kinesisEvent); // { kind: 'returned', response: { batchItemFailures: [] }, ... }
 * await host.close();
 * ```
 */
export class FunctionHost {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private closed = false;

  constructor(
    readonly fn: HostedFunction,
    private readonly logs?: Writable,
  ) {}

  /** Invokes the function with an event; never throws for function failures. */
  invoke(event: unknown): Promise<Invocation> {
    const run = this.queue.then(() => this.invokeNow(event));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Stops the container. */
  async close(): Promise<void> {
    this.closed = true;
    await this.queue;
    await this.kill();
  }

  private async invokeNow(event: unknown): Promise<Invocation> {
    if (this.closed) return { kind: 'error', message: `${this.fn.name} is shut down`, durationMs: 0, coldStart: false };
    const coldStart = this.worker === undefined;
    const started = performance.now();
    const timeoutMs = this.fn.timeoutSeconds * 1000;
    try {
      await this.start();
    } catch (error) {
      await this.kill();
      return { kind: 'error', message: `Init error: ${(error as Error).message}`, durationMs: performance.now() - started, coldStart };
    }
    const worker = this.worker;
    if (!worker) return { kind: 'error', message: 'container failed to start', durationMs: 0, coldStart };

    const id = this.nextId++;
    let timer: NodeJS.Timeout | undefined;
    const result = await Promise.race([
      new Promise<{ ok: true; response: unknown } | { ok: false; message: string }>((resolve) => {
        this.pending.set(id, { resolve });
        worker.postMessage({ id, event, deadlineEpochMs: Date.now() + timeoutMs });
      }),
      new Promise<{ ok: false; message: string; timedOut: true }>((resolve) => {
        timer = setTimeout(() => resolve({ ok: false, message: `Task timed out after ${this.fn.timeoutSeconds.toFixed(2)} seconds`, timedOut: true }), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    this.pending.delete(id);
    const durationMs = performance.now() - started;
    if ('timedOut' in result) await this.kill();
    return result.ok
      ? { kind: 'returned', response: result.response, durationMs, coldStart }
      : { kind: 'error', message: result.message, durationMs, coldStart };
  }

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const worker = new Worker(new URL('./lambda-worker.mjs', import.meta.url), {
      env: { ...containerRuntimeEnvironment(process.env), ...this.fn.environment },
      workerData: {
        bundlePath: this.fn.bundlePath,
        functionName: this.fn.name,
        memorySizeMb: this.fn.memorySizeMb,
        region: this.fn.region,
        accountId: this.fn.accountId,
      },
      stdout: true,
      stderr: true,
      resourceLimits: { maxOldGenerationSizeMb: this.fn.memorySizeMb },
    });
    if (this.logs) {
      worker.stdout.pipe(this.logs, { end: false });
      worker.stderr.pipe(this.logs, { end: false });
    } else {
      worker.stdout.resume();
      worker.stderr.resume();
    }
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: { ready?: boolean; id?: number; ok?: boolean; response?: unknown; error?: { message: string } }) => {
        if (message.ready) {
          resolve();
          return;
        }
        const pending = message.id === undefined ? undefined : this.pending.get(message.id);
        if (!pending) return;
        pending.resolve(message.ok ? { ok: true, response: message.response } : { ok: false, message: message.error?.message ?? 'error' });
      });
      worker.on('error', (error) => {
        reject(error);
        for (const pending of this.pending.values()) pending.resolve({ ok: false, message: `Runtime exited with error: ${error.message}` });
        this.pending.clear();
        this.forget(worker);
      });
      worker.on('exit', () => {
        for (const pending of this.pending.values()) pending.resolve({ ok: false, message: 'Runtime exited without providing a reason' });
        this.pending.clear();
        this.forget(worker);
      });
    });
    return this.ready;
  }

  private forget(worker: Worker): void {
    if (this.worker === worker) {
      this.worker = undefined;
      this.ready = undefined;
    }
  }

  private async kill(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    if (worker) await worker.terminate();
  }
}

import type { QueueDepth } from './local-queue';
import { createOperationTable, type OperationHandler } from './operations/dispatch';
import { resolveLocalSqsOptions, type LocalSqsOptions } from './options';
import { QueueRegistry } from './queue-registry';

/**
 * An in-memory SQS with standard queues: the 14 actions of {@link createOperationTable} with SQS's
 * validation and errors, plus `depth()` and `queueNames()` for the local runtime and tests.
 * {@link startSqs} serves it over HTTP.
 *
 * @example
 * ```ts
 * const sqs = new LocalSqs({}, () => 'http://127.0.0.1:4566');
 * await sqs.handle('CreateQueue', { QueueName: 'rides-dlq' }, new AbortController().signal);
 * sqs.depth('rides-dlq'); // { visible: 0, inFlight: 0, delayed: 0 }
 * ```
 */
export class LocalSqs {
  readonly accountId: string;
  readonly region: string;
  readonly #registry: QueueRegistry;
  readonly #operations: ReadonlyMap<string, OperationHandler>;

  /** @param endpoint the base of queue URLs (`<endpoint>/<accountId>/<name>`), read when a queue is created */
  constructor(options: LocalSqsOptions = {}, endpoint: () => string = () => 'http://127.0.0.1') {
    const resolved = resolveLocalSqsOptions(options);
    this.accountId = resolved.accountId;
    this.region = resolved.region;
    this.#registry = new QueueRegistry({ accountId: resolved.accountId, region: resolved.region, endpoint, now: resolved.now });
    this.#operations = createOperationTable({
      registry: this.#registry,
      accountId: resolved.accountId,
      maxMessageBytes: resolved.maxMessageBytes,
      now: resolved.now,
    });
  }

  /** Whether the emulator implements `operation` (e.g. `SendMessage`). */
  supports(operation: string): boolean {
    return this.#operations.has(operation);
  }

  /**
   * Runs one API action on a parsed request body, as the HTTP API does; `signal` ends a long poll.
   *
   * @throws SqsApiError as SQS answers it; anything else is a bug
   */
  async handle(operation: string, input: unknown, signal: AbortSignal): Promise<unknown> {
    const handler = this.#operations.get(operation);
    if (handler === undefined) throw new Error(`The SQS emulator does not implement ${operation}.`);
    return handler(input, signal);
  }

  /**
   * How many messages a queue holds now: visible, in flight (received, not yet deleted) and delayed.
   *
   * @throws QueueDoesNotExistError
   */
  depth(queueName: string): QueueDepth {
    return this.#registry.byName(queueName).depth();
  }

  /** The names of the queues that exist, sorted. */
  queueNames(): string[] {
    return this.#registry.list().map((queue) => queue.name);
  }
}

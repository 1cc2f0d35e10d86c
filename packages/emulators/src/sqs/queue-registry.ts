import { SqsApiError, QueueDoesNotExistError } from './errors';
import { LocalQueue } from './local-queue';
import { fifoUnsupported, type QueueAttributeMap } from './queue-attributes';

const QUEUE_NAME = /^[A-Za-z0-9_-]{1,80}$/;

/** Where the registry's queues live. */
export interface QueueRegistryInit {
  readonly accountId: string;
  readonly region: string;
  /** The base of queue URLs, e.g. `http://127.0.0.1:4566` (read when a queue is created). */
  readonly endpoint: () => string;
  readonly now: () => number;
}

/**
 * The emulator's queues by name, with their URLs (`<endpoint>/<accountId>/<name>`) and ARNs
 * (`arn:aws:sqs:<region>:<accountId>:<name>`).
 *
 * @example
 * ```ts
 * const registry = new QueueRegistry({ accountId: '000000000000', region: 'us-east-1', endpoint: () => 'http://127.0.0.1:4566', now: Date.now });
 * registry.create('rides-dlq', defaultQueueAttributes(1_048_576)).url; // 'http://127.0.0.1:4566/000000000000/rides-dlq'
 * ```
 */
export class QueueRegistry {
  readonly #queues = new Map<string, LocalQueue>();

  constructor(private readonly init: QueueRegistryInit) {}

  /** The ARN a queue of that name has. */
  arnOf(name: string): string {
    return `arn:aws:sqs:${this.init.region}:${this.init.accountId}:${name}`;
  }

  /**
   * A new queue.
   *
   * @throws SqsApiError `InvalidParameterValue` for a name SQS refuses, `UnsupportedOperation` for a `.fifo` name
   */
  create(name: string, attributes: QueueAttributeMap): LocalQueue {
    assertQueueName(name);
    const queue = new LocalQueue({ name, arn: this.arnOf(name), url: `${this.init.endpoint()}/${this.init.accountId}/${name}`, attributes, now: this.init.now });
    this.#queues.set(name, queue);
    return queue;
  }

  /** The queue of that name, if any. */
  find(name: string): LocalQueue | undefined {
    return this.#queues.get(name);
  }

  /** @throws QueueDoesNotExistError */
  byName(name: string): LocalQueue {
    const queue = this.#queues.get(name);
    if (queue === undefined) throw new QueueDoesNotExistError(name);
    return queue;
  }

  /** The queue with that ARN, if any. */
  findByArn(arn: string): LocalQueue | undefined {
    const name = arn.split(':').at(-1) ?? '';
    const queue = this.#queues.get(name);
    return queue?.arn === arn ? queue : undefined;
  }

  /**
   * The queue a `QueueUrl` names. Only the path (`/<accountId>/<name>`) counts, so URLs through a
   * proxy in front of the emulator, or with `localhost` for `127.0.0.1`, reach the same queue.
   *
   * @throws SqsApiError `InvalidAddress` for a URL that is not a queue URL; QueueDoesNotExistError
   */
  byUrl(queueUrl: string): LocalQueue {
    let path: string;
    try {
      path = new URL(queueUrl).pathname;
    } catch {
      throw new SqsApiError('InvalidAddress', `The address ${queueUrl} is not valid for this endpoint.`);
    }
    const match = /^\/(\d{12})\/([^/]+)\/?$/.exec(path);
    if (match === null) throw new SqsApiError('InvalidAddress', `The address ${queueUrl} is not valid for this endpoint.`);
    const [, accountId, name] = match as unknown as [string, string, string];
    if (accountId !== this.init.accountId) throw new QueueDoesNotExistError(queueUrl);
    return this.byName(decodeURIComponent(name));
  }

  /** Deletes a queue; its messages are gone. @throws QueueDoesNotExistError */
  delete(queue: LocalQueue): void {
    if (this.#queues.get(queue.name) !== queue) throw new QueueDoesNotExistError(queue.url);
    this.#queues.delete(queue.name);
  }

  /** Every queue, by name. */
  list(): LocalQueue[] {
    return [...this.#queues.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}

function assertQueueName(name: string): void {
  if (name.endsWith('.fifo')) throw fifoUnsupported(`queue name '${name}'`);
  if (!QUEUE_NAME.test(name)) {
    throw new SqsApiError('InvalidParameterValue', 'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length');
  }
}

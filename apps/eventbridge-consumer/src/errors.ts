/**
 * Base class of the consumer's errors, so callers can tell them from the SDK's.
 *
 * @example
 * ```ts
 * if (error instanceof EventbridgeConsumerError) logger.error(error.name, { message: error.message });
 * ```
 */
export class EventbridgeConsumerError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'EventbridgeConsumerError';
  }
}

/**
 * The event could not be applied yet, but may be later (DynamoDB throttling, unreachable,
 * conflicting transactions). The handler throws it so that Lambda retries the asynchronous
 * invocation and, when the retries are used up, sends the event to the on-failure queue.
 *
 * @example
 * ```ts
 * throw new RetryableEventError('MaxAttemptsReached: ThrottlingException after 10 attempt(s)');
 * ```
 */
export class RetryableEventError extends EventbridgeConsumerError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'RetryableEventError';
  }
}

/**
 * An item in the read-model table does not match its schema (written by something else, or by
 * an incompatible version of this function).
 *
 * @example
 * ```ts
 * try { await readFleetState(client, table, 'Shadowfax'); } catch (error) { if (error instanceof ReadModelItemError) repair(); }
 * ```
 */
export class ReadModelItemError extends EventbridgeConsumerError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ReadModelItemError';
  }
}

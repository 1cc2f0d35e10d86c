import type { QueueAttributeContext } from '../queue-attributes';
import type { QueueRegistry } from '../queue-registry';

/** What the operations share: the queues, the limits and the clock. */
export interface SqsOperationContext {
  readonly registry: QueueRegistry;
  readonly accountId: string;
  /** The largest message, and the largest SendMessageBatch total, in bytes. */
  readonly maxMessageBytes: number;
  /** Epoch milliseconds. */
  readonly now: () => number;
}

/**
 * What attribute validation needs for the queue with `queueArn`.
 *
 * @example
 * ```ts
 * validateQueueAttributes(body['Attributes'], attributeContext(context, registry.arnOf(name)));
 * ```
 */
export function attributeContext(context: SqsOperationContext, queueArn: string): QueueAttributeContext {
  return {
    maxMessageBytes: context.maxMessageBytes,
    queueArn,
    queueExists: (arn) => context.registry.findByArn(arn) !== undefined,
  };
}

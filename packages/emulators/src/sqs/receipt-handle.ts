import { randomUUID } from 'node:crypto';

/** What a receipt handle identifies: one receive of one message of one queue. */
export interface ReceiptHandleParts {
  readonly queueArn: string;
  readonly messageId: string;
  readonly receiveId: string;
}

/**
 * A new receipt handle for a receive of `messageId`: opaque to clients, different for every
 * receive ("each time you receive a message … it comes with a unique ReceiptHandle", DeleteMessage,
 * Amazon SQS API Reference).
 *
 * @example
 * ```ts
 * const handle = newReceiptHandle('arn:aws:sqs:us-east-1:000000000000:rides-dlq', messageId);
 * ```
 */
export function newReceiptHandle(queueArn: string, messageId: string): string {
  return Buffer.from(JSON.stringify([queueArn, messageId, randomUUID()]), 'utf8').toString('base64url');
}

/**
 * The parts of a handle made by {@link newReceiptHandle}; `undefined` for anything else.
 *
 * @example
 * ```ts
 * parseReceiptHandle('garbage'); // undefined
 * ```
 */
export function parseReceiptHandle(handle: string): ReceiptHandleParts | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(handle, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((part) => typeof part === 'string')) return undefined;
  const [queueArn, messageId, receiveId] = parsed as [string, string, string];
  return { queueArn, messageId, receiveId };
}

import { randomUUID } from 'node:crypto';
import { PURGE_INTERVAL_MS } from './constants';
import { InvalidParameterValueError, SqsApiError } from './errors';
import { md5OfBody, md5OfMessageAttributes, type MessageAttributeValue } from './md5';
import { redrivePolicyOf, type QueueAttributeMap } from './queue-attributes';
import { newReceiptHandle, parseReceiptHandle } from './receipt-handle';

/** A message as the queue stores it. Times are epoch milliseconds. */
export interface StoredMessage {
  readonly messageId: string;
  readonly body: string;
  readonly md5OfBody: string;
  readonly messageAttributes: Readonly<Record<string, MessageAttributeValue>>;
  readonly md5OfMessageAttributes: string | undefined;
  readonly systemAttributes: Readonly<Record<string, MessageAttributeValue>>;
  readonly md5OfMessageSystemAttributes: string | undefined;
  readonly senderId: string;
  /** When the message was first sent; kept when it moves to a dead-letter queue. */
  readonly sentTimestamp: number;
  /** The queue a dead-letter queue's message was moved from. */
  readonly deadLetterQueueSourceArn: string | undefined;
  receiveCount: number;
  firstReceiveTimestamp: number | undefined;
  /** Until then the message is delayed (never received) or in flight (received). */
  visibleAt: number;
}

/** What SendMessage hands the queue. */
export interface NewMessage {
  readonly body: string;
  readonly messageAttributes: Readonly<Record<string, MessageAttributeValue>>;
  readonly systemAttributes: Readonly<Record<string, MessageAttributeValue>>;
  readonly senderId: string;
  /** Per-message delay; the queue's `DelaySeconds` when omitted. */
  readonly delaySeconds?: number | undefined;
}

/** One message handed out by {@link LocalQueue.receive}. */
export interface ReceivedMessage {
  readonly message: Readonly<StoredMessage>;
  readonly receiptHandle: string;
}

/** How many messages a queue holds, by state (the `ApproximateNumberOfMessages*` attributes). */
export interface QueueDepth {
  readonly visible: number;
  readonly inFlight: number;
  readonly delayed: number;
}

/** Identity and settings of a new {@link LocalQueue}. */
export interface LocalQueueInit {
  readonly name: string;
  readonly arn: string;
  readonly url: string;
  readonly attributes: QueueAttributeMap;
  readonly now: () => number;
}

/**
 * One standard queue's messages: delays, visibility timeouts, receive counts, retention, receipt
 * handles and the redrive policy's receive limit, all computed from the clock at each call.
 *
 * @example
 * ```ts
 * const queue = new LocalQueue({ name: 'q', arn, url, attributes: defaultQueueAttributes(1_048_576), now: Date.now });
 * queue.send({ body: 'hello', messageAttributes: {}, systemAttributes: {}, senderId: '000000000000' });
 * const [received] = queue.receive({ maxNumberOfMessages: 1 });
 * if (received) queue.delete(received.receiptHandle);
 * ```
 */
export class LocalQueue {
  readonly name: string;
  readonly arn: string;
  readonly url: string;
  readonly createdTimestamp: number;
  #lastModifiedTimestamp: number;
  #attributes: QueueAttributeMap;
  readonly #now: () => number;
  readonly #messages = new Map<string, StoredMessage>();
  readonly #listeners = new Set<() => void>();
  #lastPurgeAt: number | undefined;

  constructor(init: LocalQueueInit) {
    this.name = init.name;
    this.arn = init.arn;
    this.url = init.url;
    this.#attributes = { ...init.attributes };
    this.#now = init.now;
    this.createdTimestamp = init.now();
    this.#lastModifiedTimestamp = this.createdTimestamp;
  }

  /** The queue's settable attributes (defaults included). */
  get attributes(): Readonly<QueueAttributeMap> {
    return this.#attributes;
  }

  get lastModifiedTimestamp(): number {
    return this.#lastModifiedTimestamp;
  }

  /** Applies validated attributes; `''` removes `Policy`, `RedrivePolicy` or `RedriveAllowPolicy`. */
  setAttributes(attributes: Readonly<QueueAttributeMap>): void {
    for (const [name, value] of Object.entries(attributes)) {
      if (value === '' && ['Policy', 'RedrivePolicy', 'RedriveAllowPolicy', 'KmsMasterKeyId'].includes(name)) delete this.#attributes[name];
      else this.#attributes[name] = value;
    }
    this.#lastModifiedTimestamp = this.#now();
    this.#notify();
  }

  /** Stores a message; it is visible after its delay. */
  send(message: NewMessage): StoredMessage {
    const now = this.#now();
    const delaySeconds = message.delaySeconds ?? this.#numberAttribute('DelaySeconds');
    const stored: StoredMessage = {
      messageId: randomUUID(),
      body: message.body,
      md5OfBody: md5OfBody(message.body),
      messageAttributes: message.messageAttributes,
      md5OfMessageAttributes: md5OfMessageAttributes(message.messageAttributes),
      systemAttributes: message.systemAttributes,
      md5OfMessageSystemAttributes: md5OfMessageAttributes(message.systemAttributes),
      senderId: message.senderId,
      sentTimestamp: now,
      deadLetterQueueSourceArn: undefined,
      receiveCount: 0,
      firstReceiveTimestamp: undefined,
      visibleAt: now + delaySeconds * 1000,
    };
    this.#messages.set(stored.messageId, stored);
    this.#notify();
    return stored;
  }

  /**
   * Takes in a message moved from `sourceArn`'s queue by its redrive policy: same id, body,
   * attributes and sent time ("the enqueue timestamp of a message moved to a dead-letter queue is
   * unchanged" for standard queues), receive count reset, visible at once.
   */
  acceptDeadLetter(message: Readonly<StoredMessage>, sourceArn: string): void {
    this.#messages.set(message.messageId, {
      ...message,
      deadLetterQueueSourceArn: sourceArn,
      receiveCount: 0,
      firstReceiveTimestamp: undefined,
      visibleAt: this.#now(),
    });
    this.#notify();
  }

  /**
   * Receives up to `maxNumberOfMessages` visible messages, oldest first, each with a new receipt
   * handle, hidden for `visibilityTimeoutSeconds` (the queue's `VisibilityTimeout` if omitted). With
   * a redrive policy and its `deadLetterQueue` given, a message whose receive count would exceed
   * `maxReceiveCount` moves to that queue on this receive instead of being returned ("Using
   * dead-letter queues in Amazon SQS", Amazon SQS Developer Guide).
   */
  receive(options: { maxNumberOfMessages: number; visibilityTimeoutSeconds?: number | undefined; deadLetterQueue?: LocalQueue | undefined }): ReceivedMessage[] {
    const now = this.#dropExpired();
    const visibilityMs = (options.visibilityTimeoutSeconds ?? this.#numberAttribute('VisibilityTimeout')) * 1000;
    const { deadLetterQueue } = options;
    const maxReceiveCount = deadLetterQueue === undefined ? undefined : redrivePolicyOf(this.#attributes)?.maxReceiveCount;
    const received: ReceivedMessage[] = [];
    for (const message of this.#messages.values()) {
      if (received.length >= options.maxNumberOfMessages) break;
      if (message.visibleAt > now) continue;
      if (deadLetterQueue !== undefined && maxReceiveCount !== undefined && message.receiveCount + 1 > maxReceiveCount) {
        this.#messages.delete(message.messageId);
        deadLetterQueue.acceptDeadLetter(message, this.arn);
        continue;
      }
      message.receiveCount += 1;
      message.firstReceiveTimestamp ??= now;
      message.visibleAt = now + visibilityMs;
      received.push({ message: { ...message }, receiptHandle: newReceiptHandle(this.arn, message.messageId) });
    }
    if (visibilityMs === 0 && received.length > 0) this.#notify();
    return received;
  }

  /**
   * DeleteMessage: deletes the message a handle of this queue was issued for, whichever of its
   * receives it came from; a handle of a message already gone succeeds and does nothing (SQS
   * answers repeated deletes with success).
   *
   * @throws SqsApiError `ReceiptHandleIsInvalid` for a handle this queue never issued
   */
  delete(receiptHandle: string): void {
    const messageId = this.#messageIdOf(receiptHandle);
    this.#messages.delete(messageId);
  }

  /**
   * ChangeMessageVisibility: the message becomes visible `visibilityTimeoutSeconds` from now (0:
   * at once). A message no longer in flight is left as it is.
   *
   * @throws SqsApiError `ReceiptHandleIsInvalid` for a handle this queue never issued;
   *   `InvalidParameterValue` when the message is gone
   */
  changeVisibility(receiptHandle: string, visibilityTimeoutSeconds: number): void {
    const now = this.#dropExpired();
    const message = this.#messages.get(this.#messageIdOf(receiptHandle));
    if (message === undefined) {
      throw new InvalidParameterValueError(
        `Value ${receiptHandle} for parameter ReceiptHandle is invalid. Reason: Message does not exist or is not available for visibility timeout change.`,
      );
    }
    if (message.receiveCount === 0 || message.visibleAt <= now) return;
    message.visibleAt = now + visibilityTimeoutSeconds * 1000;
    if (visibilityTimeoutSeconds === 0) this.#notify();
  }

  /**
   * PurgeQueue: deletes every message.
   *
   * @throws SqsApiError `PurgeQueueInProgress` within 60 s of the previous purge
   */
  purge(): void {
    const now = this.#now();
    if (this.#lastPurgeAt !== undefined && now - this.#lastPurgeAt < PURGE_INTERVAL_MS) {
      throw new SqsApiError('PurgeQueueInProgress', `Only one PurgeQueue operation on ${this.name} is allowed every 60 seconds.`);
    }
    this.#lastPurgeAt = now;
    this.#messages.clear();
  }

  /** How many messages are visible, in flight and delayed, now. */
  depth(): QueueDepth {
    const now = this.#dropExpired();
    let visible = 0;
    let inFlight = 0;
    let delayed = 0;
    for (const message of this.#messages.values()) {
      if (message.visibleAt <= now) visible += 1;
      else if (message.receiveCount > 0) inFlight += 1;
      else delayed += 1;
    }
    return { visible, inFlight, delayed };
  }

  /** The next time a hidden (delayed or in-flight) message becomes visible, if any. */
  nextVisibleAt(): number | undefined {
    const now = this.#now();
    let next: number | undefined;
    for (const message of this.#messages.values()) {
      if (message.visibleAt > now && (next === undefined || message.visibleAt < next)) next = message.visibleAt;
    }
    return next;
  }

  /** Calls `listener` whenever a message may have become visible (sent, moved in, made visible). */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #messageIdOf(receiptHandle: string): string {
    const parts = parseReceiptHandle(receiptHandle);
    if (parts === undefined || parts.queueArn !== this.arn) {
      throw new SqsApiError('ReceiptHandleIsInvalid', `The input receipt handle "${receiptHandle}" is not a valid receipt handle.`);
    }
    return parts.messageId;
  }

  /** Deletes messages past the retention period (counted from their first send); returns now. */
  #dropExpired(): number {
    const now = this.#now();
    const retentionMs = this.#numberAttribute('MessageRetentionPeriod') * 1000;
    for (const message of this.#messages.values()) {
      if (now - message.sentTimestamp >= retentionMs) this.#messages.delete(message.messageId);
    }
    return now;
  }

  #numberAttribute(name: string): number {
    return Number(this.#attributes[name] ?? 0);
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}

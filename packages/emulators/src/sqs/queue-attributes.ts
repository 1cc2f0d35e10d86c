import { MAX_RECEIVE_COUNT_LIMIT, MIN_MESSAGE_BYTES } from './constants';
import { InvalidParameterValueError, SqsApiError } from './errors';

/** A queue's settable attributes, as strings, the way the API carries them. */
export type QueueAttributeMap = Record<string, string>;

/** A parsed `RedrivePolicy`. */
export interface RedrivePolicy {
  readonly deadLetterTargetArn: string;
  readonly maxReceiveCount: number;
}

/** What validation needs to know beyond the values. */
export interface QueueAttributeContext {
  /** The largest `MaximumMessageSize` allowed (the emulator's `maxMessageBytes`). */
  readonly maxMessageBytes: number;
  /** The ARN of the queue being created or changed (a queue cannot be its own dead-letter queue). */
  readonly queueArn: string;
  /** Whether a queue with this ARN exists (a dead-letter target must). */
  readonly queueExists: (arn: string) => boolean;
}

type Validator = (name: string, value: string, context: QueueAttributeContext) => string;

const integerIn =
  (min: number, max: (context: QueueAttributeContext) => number): Validator =>
  (name, value, context) => {
    const number = Number(value);
    if (!/^\d+$/.test(value) || number < min || number > max(context)) {
      throw new SqsApiError('InvalidAttributeValue', `Invalid value for the parameter ${name}.`);
    }
    return String(number);
  };
const anyText: Validator = (_name, value) => value;
const bool: Validator = (name, value) => {
  if (value !== 'true' && value !== 'false') throw new SqsApiError('InvalidAttributeValue', `Invalid value for the parameter ${name}.`);
  return value;
};
const jsonText: Validator = (name, value) => {
  if (value === '') return value;
  try {
    JSON.parse(value);
  } catch {
    throw new SqsApiError('InvalidAttributeValue', `Invalid value for the parameter ${name}. Reason: ${name} must be a valid JSON document.`);
  }
  return value;
};

/**
 * The attributes CreateQueue and SetQueueAttributes accept on a standard queue, with the ranges
 * of "CreateQueue" / "SetQueueAttributes" in the Amazon SQS API Reference.
 */
const SETTABLE: Readonly<Record<string, Validator>> = {
  DelaySeconds: integerIn(0, () => 900),
  MaximumMessageSize: integerIn(MIN_MESSAGE_BYTES, (context) => context.maxMessageBytes),
  MessageRetentionPeriod: integerIn(60, () => 1_209_600),
  ReceiveMessageWaitTimeSeconds: integerIn(0, () => 20),
  VisibilityTimeout: integerIn(0, () => 43_200),
  Policy: jsonText,
  RedrivePolicy: (_name, value, context) => normalizeRedrivePolicy(value, context),
  RedriveAllowPolicy: jsonText,
  KmsMasterKeyId: anyText,
  KmsDataKeyReusePeriodSeconds: integerIn(60, () => 86_400),
  SqsManagedSseEnabled: bool,
};
const FIFO_ONLY = new Set(['FifoQueue', 'ContentBasedDeduplication', 'DeduplicationScope', 'FifoThroughputLimit']);
/** Attributes SQS computes; GetQueueAttributes returns them, the setters refuse them. */
export const COMPUTED_ATTRIBUTE_NAMES = [
  'QueueArn',
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesNotVisible',
  'ApproximateNumberOfMessagesDelayed',
  'CreatedTimestamp',
  'LastModifiedTimestamp',
] as const;
/** Every attribute name GetQueueAttributes knows on a standard queue. */
export const READABLE_ATTRIBUTE_NAMES: ReadonlySet<string> = new Set([...Object.keys(SETTABLE), ...COMPUTED_ATTRIBUTE_NAMES]);

/**
 * The attributes a new standard queue has: SQS's defaults (30 s visibility, 4 days retention,
 * SSE-SQS on), with `MaximumMessageSize` the emulator's limit.
 *
 * @example
 * ```ts
 * defaultQueueAttributes(1_048_576).VisibilityTimeout; // '30'
 * ```
 */
export function defaultQueueAttributes(maxMessageBytes: number): QueueAttributeMap {
  return {
    DelaySeconds: '0',
    MaximumMessageSize: String(maxMessageBytes),
    MessageRetentionPeriod: '345600',
    ReceiveMessageWaitTimeSeconds: '0',
    VisibilityTimeout: '30',
    SqsManagedSseEnabled: 'true',
  };
}

/**
 * Validates and normalises attributes given to CreateQueue or SetQueueAttributes. An empty
 * `Policy`, `RedrivePolicy` or `RedriveAllowPolicy` means "remove it" and stays `''`.
 *
 * @throws SqsApiError `InvalidAttributeName` for unknown or read-only names, `InvalidAttributeValue`
 *   for values out of range, `InvalidParameterValue` for a bad redrive policy, `UnsupportedOperation`
 *   for FIFO attributes (the emulator has standard queues only)
 * @example
 * ```ts
 * validateQueueAttributes({ VisibilityTimeout: '60' }, context); // { VisibilityTimeout: '60' }
 * ```
 */
export function validateQueueAttributes(input: unknown, context: QueueAttributeContext): QueueAttributeMap {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input)) throw new InvalidParameterValueError('Attributes must be a map of attribute name to value.');
  const normalized: QueueAttributeMap = {};
  for (const [name, value] of Object.entries(input as Record<string, unknown>)) {
    if (FIFO_ONLY.has(name)) throw fifoUnsupported(`attribute ${name}`);
    const validate = SETTABLE[name];
    if (validate === undefined) throw new SqsApiError('InvalidAttributeName', `Unknown Attribute ${name}.`);
    if (typeof value !== 'string') throw new SqsApiError('InvalidAttributeValue', `Invalid value for the parameter ${name}.`);
    normalized[name] = validate(name, value, context);
  }
  return normalized;
}

/**
 * A queue's parsed redrive policy, if it has one.
 *
 * @example
 * ```ts
 * redrivePolicyOf({ RedrivePolicy: '{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:dlq","maxReceiveCount":3}' })?.maxReceiveCount; // 3
 * ```
 */
export function redrivePolicyOf(attributes: Readonly<QueueAttributeMap>): RedrivePolicy | undefined {
  const text = attributes['RedrivePolicy'];
  if (text === undefined || text === '') return undefined;
  const parsed = JSON.parse(text) as { deadLetterTargetArn: string; maxReceiveCount: number };
  return { deadLetterTargetArn: parsed.deadLetterTargetArn, maxReceiveCount: parsed.maxReceiveCount };
}

/**
 * The error for anything FIFO: the emulator has standard queues only.
 *
 * @example
 * ```ts
 * throw fifoUnsupported("queue name 'rides.fifo'");
 * ```
 */
export function fifoUnsupported(what: string): SqsApiError {
  return new SqsApiError('UnsupportedOperation', `FIFO queues are not supported by the workspace's SQS emulator (${what}); use a standard queue.`);
}

function normalizeRedrivePolicy(value: string, context: QueueAttributeContext): string {
  if (value === '') return value;
  const invalid = (reason: string): InvalidParameterValueError =>
    new InvalidParameterValueError(`Value ${value} for parameter RedrivePolicy is invalid. Reason: ${reason}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw invalid('Redrive policy is not a valid JSON map.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid('Redrive policy is not a valid JSON map.');
  const { deadLetterTargetArn, maxReceiveCount } = parsed as Record<string, unknown>;
  if (typeof deadLetterTargetArn !== 'string' || deadLetterTargetArn === '') throw invalid('Redrive policy does not contain mandatory attribute: deadLetterTargetArn.');
  if (maxReceiveCount === undefined || maxReceiveCount === null) throw invalid('Redrive policy does not contain mandatory attribute: maxReceiveCount.');
  const count = Number(maxReceiveCount);
  if (!Number.isInteger(count) || count < 1 || count > MAX_RECEIVE_COUNT_LIMIT) {
    throw invalid(`Invalid value for maxReceiveCount: ${String(maxReceiveCount)}, valid values are from 1 to ${MAX_RECEIVE_COUNT_LIMIT} both inclusive.`);
  }
  if (deadLetterTargetArn === context.queueArn) throw invalid('Dead-letter target cannot be the source queue itself.');
  if (!context.queueExists(deadLetterTargetArn)) throw invalid('Dead letter target does not exist.');
  return JSON.stringify({ deadLetterTargetArn, maxReceiveCount: count });
}

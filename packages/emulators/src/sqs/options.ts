import { DEFAULT_ACCOUNT_ID, DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_REGION, MIN_MESSAGE_BYTES } from './constants';
import { InvalidSqsOptionsError } from './errors';

/** Settings of the emulated SQS (queue behaviour, not the HTTP server). */
export interface LocalSqsOptions {
  /**
   * 12-digit account in queue URLs and ARNs (and every message's `SenderId`).
   * @default '000000000000'
   */
  accountId?: string;
  /**
   * Region in queue ARNs.
   * @default 'us-east-1'
   */
  region?: string;
  /**
   * Largest message (body plus message attributes), the largest `MaximumMessageSize` a queue
   * accepts and its default, and the largest SendMessageBatch total, in bytes.
   * @default 1048576 (1 MiB, the limit since August 2025; 262144 is the old one)
   */
  maxMessageBytes?: number;
  /**
   * The clock, in epoch milliseconds: delays, visibility timeouts, retention, timestamps. Long polls
   * still wait in real time. Tests of retention can pass a clock they move.
   * @default Date.now
   */
  now?: () => number;
}

/** {@link LocalSqsOptions} with defaults applied. */
export type ResolvedLocalSqsOptions = Required<LocalSqsOptions>;

/**
 * Applies the defaults and validates the values.
 *
 * @throws InvalidSqsOptionsError naming the option and the value given
 * @example
 * ```ts
 * resolveLocalSqsOptions({ maxMessageBytes: 262_144 }).maxMessageBytes; // 262144
 * ```
 */
export function resolveLocalSqsOptions(options: LocalSqsOptions = {}): ResolvedLocalSqsOptions {
  const resolved: ResolvedLocalSqsOptions = {
    accountId: options.accountId ?? DEFAULT_ACCOUNT_ID,
    region: options.region ?? DEFAULT_REGION,
    maxMessageBytes: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
    now: options.now ?? Date.now,
  };
  if (!/^\d{12}$/.test(resolved.accountId)) throw new InvalidSqsOptionsError(`accountId must be 12 digits (given '${resolved.accountId}')`);
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(resolved.region)) throw new InvalidSqsOptionsError(`region must look like 'us-east-1' (given '${resolved.region}')`);
  const bytes = resolved.maxMessageBytes;
  if (!Number.isInteger(bytes) || bytes < MIN_MESSAGE_BYTES || bytes > DEFAULT_MAX_MESSAGE_BYTES) {
    throw new InvalidSqsOptionsError(`maxMessageBytes must be an integer from ${MIN_MESSAGE_BYTES} to ${DEFAULT_MAX_MESSAGE_BYTES} (given ${bytes})`);
  }
  return resolved;
}

import { DEFAULT_ACCOUNT_ID, DEFAULT_MAX_ENTRY_BYTES, DEFAULT_REGION, DEFAULT_RETRY_BASE_DELAY_MS } from './constants';
import { InvalidEventBridgeOptionsError } from './errors';

/** Settings of the emulated EventBridge (bus behaviour, not the HTTP server). */
export interface LocalEventBridgeOptions {
  /**
   * 12-digit account in ARNs and event envelopes.
   * @default '000000000000'
   */
  accountId?: string;
  /**
   * Region in ARNs and event envelopes.
   * @default 'us-east-1'
   */
  region?: string;
  /**
   * Largest PutEvents entry accepted, in bytes as AWS counts them ("Calculating PutEvents event
   * entry size"); a request with a larger entry fails as a whole with a 400
   * `ValidationException: Total size of the entries in the request is over the limit.`, as in AWS.
   * @default 1048576 (1 MiB, the limit since January 2026; 262144 is the old one)
   */
  maxEntryBytes?: number;
  /**
   * Largest sum of entry sizes in one PutEvents request; over it the whole request fails with
   * `ValidationException: Total size of the entries in the request is over the limit.`
   * @default maxEntryBytes
   */
  maxRequestBytes?: number;
  /**
   * Delay before a failed target is retried the first time, in ms; doubled for each further
   * retry, capped at 256×. Set it low (e.g. 5) in tests.
   * @default 1000
   */
  retryBaseDelayMs?: number;
  /**
   * How many published events and received requests `published()` and `requests()` remember;
   * older ones are forgotten. Tests want them all; a long local run wants a bound, or memory
   * grows with every event.
   * @default Infinity
   */
  historyLimit?: number;
}

/** {@link LocalEventBridgeOptions} with defaults applied. */
export type ResolvedLocalEventBridgeOptions = Required<LocalEventBridgeOptions>;

/**
 * Applies the defaults and validates the values.
 *
 * @throws InvalidEventBridgeOptionsError naming the option and the value given
 * @example
 * ```ts
 * resolveLocalEventBridgeOptions({ maxEntryBytes: 262_144 }).maxRequestBytes; // 262144
 * ```
 */
export function resolveLocalEventBridgeOptions(options: LocalEventBridgeOptions = {}): ResolvedLocalEventBridgeOptions {
  const maxEntryBytes = options.maxEntryBytes ?? DEFAULT_MAX_ENTRY_BYTES;
  const resolved: ResolvedLocalEventBridgeOptions = {
    accountId: options.accountId ?? DEFAULT_ACCOUNT_ID,
    region: options.region ?? DEFAULT_REGION,
    maxEntryBytes,
    maxRequestBytes: options.maxRequestBytes ?? maxEntryBytes,
    retryBaseDelayMs: options.retryBaseDelayMs ?? DEFAULT_RETRY_BASE_DELAY_MS,
    historyLimit: options.historyLimit ?? Number.POSITIVE_INFINITY,
  };
  if (!/^\d{12}$/.test(resolved.accountId)) {
    throw new InvalidEventBridgeOptionsError(`accountId must be 12 digits (given '${resolved.accountId}')`);
  }
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(resolved.region)) {
    throw new InvalidEventBridgeOptionsError(`region must look like 'us-east-1' (given '${resolved.region}')`);
  }
  for (const name of ['maxEntryBytes', 'maxRequestBytes'] as const) {
    const value = resolved[name];
    if (!Number.isInteger(value) || value < 1) throw new InvalidEventBridgeOptionsError(`${name} must be an integer >= 1 (given ${value})`);
  }
  if (!(Number.isFinite(resolved.retryBaseDelayMs) && resolved.retryBaseDelayMs >= 0)) {
    throw new InvalidEventBridgeOptionsError(`retryBaseDelayMs must be a number >= 0 (given ${resolved.retryBaseDelayMs})`);
  }
  if (!(resolved.historyLimit === Number.POSITIVE_INFINITY || (Number.isInteger(resolved.historyLimit) && resolved.historyLimit >= 0))) {
    throw new InvalidEventBridgeOptionsError(`historyLimit must be an integer >= 0 or Infinity (given ${resolved.historyLimit})`);
  }
  return resolved;
}

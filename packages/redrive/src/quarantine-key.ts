/**
 * The parts of a quarantine object key, `<function>/<stream>/<yyyy>/<mm>/<dd>/<shard>/<sequence>.json`
 * (see `quarantineObjectKey` in `@wildrydes/schemas`).
 */
export interface QuarantineKeyParts {
  readonly key: string;
  readonly functionName: string;
  readonly streamName: string;
  /** The record's arrival day, `YYYY-MM-DD` (UTC). */
  readonly day: string;
  readonly shardId: string;
  /** Decimal digits; compare as BigInt, never as strings or numbers. */
  readonly sequenceNumber: string;
}

const SEGMENTS = 7;
const YEAR = /^\d{4}$/;
const TWO_DIGITS = /^\d{2}$/;
const SEQUENCE_FILE = /^(\d+)\.json$/;

/**
 * The key prefix of one function's quarantined records. The trailing slash keeps
 * `kinesis-writer` from matching `kinesis-writer-v2/...`.
 *
 * @example
 * ```ts
 * functionPrefix('kinesis-republisher'); // 'kinesis-republisher/'
 * ```
 */
export function functionPrefix(functionName: string): string {
  return `${functionName}/`;
}

/**
 * Splits a quarantine object key into its parts, or returns `undefined` when the key does not
 * have the quarantine layout (an object someone put there by hand).
 *
 * @example
 * ```ts
 * parseQuarantineKey('kinesis-republisher/unicorn-telemetry/2026/11/21/shardId-000000000000/4961.json');
 * // { functionName: 'kinesis-republisher', streamName: 'unicorn-telemetry', day: '2026-11-21',
 * //   shardId: 'shardId-000000000000', sequenceNumber: '4961', key: '...' }
 * ```
 */
export function parseQuarantineKey(key: string): QuarantineKeyParts | undefined {
  const segments = key.split('/');
  if (segments.length !== SEGMENTS || segments.some((segment) => segment === '')) return undefined;
  const [functionName, streamName, year, month, day, shardId, file] = segments as [string, string, string, string, string, string, string];
  if (!YEAR.test(year) || !TWO_DIGITS.test(month) || !TWO_DIGITS.test(day)) return undefined;
  const sequenceNumber = SEQUENCE_FILE.exec(file)?.[1];
  if (sequenceNumber === undefined) return undefined;
  return { key, functionName, streamName, day: `${year}-${month}-${day}`, shardId, sequenceNumber };
}

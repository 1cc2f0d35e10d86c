/**
 * The parts of a quarantine object key (see `quarantineObjectKey` in `@wildrydes/schemas`):
 * `<function>/<stream>/<yyyy>/<mm>/<dd>/<shard>/<sequence>.json` for a Kinesis record,
 * `<function>/<table>/<yyyy>/<mm>/<dd>/<sequence>-<eventID>.json` for a DynamoDB stream record.
 */
export interface QuarantineKeyParts {
  readonly key: string;
  readonly kind: 'kinesis' | 'dynamodb-stream';
  readonly functionName: string;
  /** The Kinesis stream, or the table of a DynamoDB stream. */
  readonly streamName: string;
  /** The record's arrival day, `YYYY-MM-DD` (UTC). */
  readonly day: string;
  /** The Kinesis shard; `''` for a DynamoDB stream record (Lambda's DynamoDB events name no shard). */
  readonly shardId: string;
  /** Decimal digits; compare as BigInt, never as strings or numbers. */
  readonly sequenceNumber: string;
}

const KINESIS_SEGMENTS = 7;
const DYNAMODB_SEGMENTS = 6;
const YEAR = /^\d{4}$/;
const TWO_DIGITS = /^\d{2}$/;
const SEQUENCE_FILE = /^(\d+)\.json$/;
const SEQUENCE_EVENT_FILE = /^(\d+)-[^/]+\.json$/;

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
 * // { kind: 'kinesis', functionName: 'kinesis-republisher', streamName: 'unicorn-telemetry', day: '2026-11-21',
 * //   shardId: 'shardId-000000000000', sequenceNumber: '4961', key: '...' }
 * parseQuarantineKey('ddb-stream-reactor/UnicornSensorData/2026/11/21/4962-c4ca4238.json');
 * // { kind: 'dynamodb-stream', streamName: 'UnicornSensorData', shardId: '', sequenceNumber: '4962', ... }
 * ```
 */
export function parseQuarantineKey(key: string): QuarantineKeyParts | undefined {
  const segments = key.split('/');
  if (segments.some((segment) => segment === '')) return undefined;
  if (segments.length === KINESIS_SEGMENTS) {
    const [functionName, streamName, year, month, day, shardId, file] = segments as [string, string, string, string, string, string, string];
    const sequenceNumber = SEQUENCE_FILE.exec(file)?.[1];
    const date = dayOf(year, month, day);
    if (sequenceNumber === undefined || date === undefined) return undefined;
    return { key, kind: 'kinesis', functionName, streamName, day: date, shardId, sequenceNumber };
  }
  if (segments.length === DYNAMODB_SEGMENTS) {
    const [functionName, tableName, year, month, day, file] = segments as [string, string, string, string, string, string];
    const sequenceNumber = SEQUENCE_EVENT_FILE.exec(file)?.[1];
    const date = dayOf(year, month, day);
    if (sequenceNumber === undefined || date === undefined) return undefined;
    return { key, kind: 'dynamodb-stream', functionName, streamName: tableName, day: date, shardId: '', sequenceNumber };
  }
  return undefined;
}

function dayOf(year: string, month: string, day: string): string | undefined {
  return YEAR.test(year) && TWO_DIGITS.test(month) && TWO_DIGITS.test(day) ? `${year}-${month}-${day}` : undefined;
}

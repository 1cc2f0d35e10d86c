import { KINESIS_PARTITION_KEY_MAX_CHARS } from '@wildrydes/schemas';
import { InvalidOptionsError } from './errors.js';
import { requireIntegerAtLeast } from './validate-options.js';

/** PutRecords takes at most 500 records per request. */
export const PUT_RECORDS_MAX_RECORDS = 500;
/** PutRecords requests are at most 5 MiB, data and partition keys included. */
export const PUT_RECORDS_MAX_REQUEST_BYTES = 5 * 1024 * 1024;
/** A Kinesis record is at most 1 MiB, data and partition key included (unless the stream opts into large records). */
export const KINESIS_RECORD_MAX_BYTES = 1024 * 1024;

/** The largest ExplicitHashKey: the hash key space is the 128-bit integers. */
const MAX_EXPLICIT_HASH_KEY = 2n ** 128n - 1n;
const DECIMAL_INTEGER = /^(0|[1-9][0-9]{0,38})$/;

/**
 * The PutRecords limits to plan requests with. They are settings, defaulting to the current AWS
 * limits, so that a stream with large records (up to 10 MiB) or a future limit needs no code
 * change.
 */
export interface PutRecordsLimits {
  /**
   * Records per PutRecords request.
   * @default 500
   */
  maxRecordsPerRequest?: number;
  /**
   * Bytes per request: the sum of every record's data and partition key.
   * @default 5242880 (5 MiB)
   */
  maxRequestBytes?: number;
  /**
   * Bytes per record, data and partition key (UTF-8) together, as Kinesis counts them. Must not
   * exceed `maxRequestBytes`.
   * @default 1048576 (1 MiB)
   */
  maxRecordBytes?: number;
}

/** One record to put, and the ref (for example the source record's sequence number) the result reports it by. */
export interface KinesisRecordInput<TRef> {
  ref: TRef;
  /** 1 to 256 characters. Records with equal keys go to one shard, and keep their order. */
  partitionKey: string;
  data: Uint8Array;
  /** A decimal 128-bit integer that overrides the partition key's hash to choose the shard. */
  explicitHashKey?: string;
}

/** A record ready to send, with the position of its input and its size as Kinesis counts it. */
export interface PlannedRecord {
  index: number;
  partitionKey: string;
  data: Uint8Array;
  explicitHashKey?: string;
  sizeBytes: number;
}

/** A record that can never be written, found before anything is sent. */
export interface RejectedRecord {
  index: number;
  code: 'TooLarge' | 'Invalid';
  reason: string;
}

/**
 * Applies the defaults and validates the values.
 *
 * @throws InvalidOptionsError for a value that is not an integer >= 1, or a record limit above
 *   the request limit (such a record could never be sent)
 *
 * @example
 * ```ts
 * resolvePutRecordsLimits({ maxRecordsPerRequest: 100 });
 * // { maxRecordsPerRequest: 100, maxRequestBytes: 5242880, maxRecordBytes: 1048576 }
 * ```
 */
export function resolvePutRecordsLimits(limits: PutRecordsLimits = {}): Required<PutRecordsLimits> {
  const resolved = {
    maxRecordsPerRequest: limits.maxRecordsPerRequest ?? PUT_RECORDS_MAX_RECORDS,
    maxRequestBytes: limits.maxRequestBytes ?? PUT_RECORDS_MAX_REQUEST_BYTES,
    maxRecordBytes: limits.maxRecordBytes ?? KINESIS_RECORD_MAX_BYTES,
  };
  requireIntegerAtLeast('limits.maxRecordsPerRequest', resolved.maxRecordsPerRequest, 1);
  requireIntegerAtLeast('limits.maxRequestBytes', resolved.maxRequestBytes, 1);
  requireIntegerAtLeast('limits.maxRecordBytes', resolved.maxRecordBytes, 1);
  if (resolved.maxRecordBytes > resolved.maxRequestBytes) {
    throw new InvalidOptionsError(
      `limits.maxRecordBytes must not exceed limits.maxRequestBytes (given ${resolved.maxRecordBytes} > ${resolved.maxRequestBytes})`,
    );
  }
  return resolved;
}

/**
 * The size Kinesis charges a record against its record and request limits: the data's bytes
 * plus the partition key's UTF-8 bytes. The explicit hash key does not count.
 *
 * @example
 * ```ts
 * kinesisRecordSizeBytes({ partitionKey: 'Shadowfax', data: new Uint8Array(100) }); // 109
 * ```
 */
export function kinesisRecordSizeBytes(record: { partitionKey: string; data: Uint8Array }): number {
  return record.data.byteLength + Buffer.byteLength(record.partitionKey, 'utf8');
}

/**
 * Sizes the records and rejects, before anything is sent, those Kinesis would refuse whatever
 * happens: `InvalidPartitionKey` (empty or longer than 256 characters, counted as UTF-16 code
 * units, which is never fewer than the Unicode characters Kinesis counts) and
 * `InvalidExplicitHashKey` (not a decimal integer in [0, 2^128 - 1]), code `Invalid`, and
 * `RecordTooLarge`, code `TooLarge`.
 *
 * @example
 * ```ts
 * const { planned, rejected } = planRecords(records, resolvePutRecordsLimits());
 * // rejected: [{ index: 3, code: 'TooLarge', reason: 'RecordTooLarge: 1048600 bytes > limit 1048576 bytes (data plus partition key)' }]
 * ```
 */
export function planRecords(
  records: ReadonlyArray<Omit<KinesisRecordInput<unknown>, 'ref'>>,
  limits: Required<PutRecordsLimits>,
): { planned: PlannedRecord[]; rejected: RejectedRecord[] } {
  const planned: PlannedRecord[] = [];
  const rejected: RejectedRecord[] = [];
  records.forEach(({ partitionKey, data, explicitHashKey }, index) => {
    const rejection = rejectionOf({ partitionKey, data, explicitHashKey }, limits.maxRecordBytes);
    if (rejection !== undefined) {
      rejected.push({ index, ...rejection });
      return;
    }
    const sizeBytes = kinesisRecordSizeBytes({ partitionKey, data });
    planned.push(explicitHashKey === undefined ? { index, partitionKey, data, sizeBytes } : { index, partitionKey, data, explicitHashKey, sizeBytes });
  });
  return { planned, rejected };
}

function rejectionOf(record: Omit<KinesisRecordInput<unknown>, 'ref'>, maxRecordBytes: number): Omit<RejectedRecord, 'index'> | undefined {
  const { partitionKey, explicitHashKey } = record;
  if (partitionKey.length < 1 || partitionKey.length > KINESIS_PARTITION_KEY_MAX_CHARS) {
    return { code: 'Invalid', reason: `InvalidPartitionKey: must be 1 to ${KINESIS_PARTITION_KEY_MAX_CHARS} characters (given ${partitionKey.length})` };
  }
  if (explicitHashKey !== undefined && !(DECIMAL_INTEGER.test(explicitHashKey) && BigInt(explicitHashKey) <= MAX_EXPLICIT_HASH_KEY)) {
    const given = JSON.stringify(explicitHashKey.slice(0, 50));
    return { code: 'Invalid', reason: `InvalidExplicitHashKey: must be a decimal integer from 0 to 2^128 - 1 (given ${given})` };
  }
  const sizeBytes = kinesisRecordSizeBytes(record);
  if (sizeBytes > maxRecordBytes) {
    return { code: 'TooLarge', reason: `RecordTooLarge: ${sizeBytes} bytes > limit ${maxRecordBytes} bytes (data plus partition key)` };
  }
  return undefined;
}

import * as z from 'zod/mini';

/**
 * Why a record can never succeed. Such a record is quarantined with its original bytes and is
 * not retried.
 */
export const QuarantineReasonSchema = z.enum([
  /** The record's data is not valid base64. */
  'INVALID_BASE64',
  /** The bytes are not UTF-8 JSON. */
  'INVALID_JSON',
  /** The JSON does not satisfy the schema. */
  'SCHEMA_VIOLATION',
  /** The record or the item it becomes exceeds a hard service limit. */
  'TOO_LARGE',
  /** The sink rejected the record with a non-retryable error (for example a ValidationException). */
  'REJECTED_BY_SINK',
]);
export type QuarantineReason = z.infer<typeof QuarantineReasonSchema>;

/** Where a quarantined Kinesis record came from: enough to find it again and to re-drive it. */
export const KinesisRecordOriginSchema = z.object({
  kind: z.literal('kinesis'),
  eventSourceArn: z.string(),
  shardId: z.string(),
  sequenceNumber: z.string().check(z.regex(/^\d+$/)),
  partitionKey: z.string(),
  /** Epoch seconds, as Lambda delivers it. */
  approximateArrivalTimestamp: z.number(),
});
export type KinesisRecordOrigin = z.infer<typeof KinesisRecordOriginSchema>;

/**
 * A quarantined record: the original data exactly as delivered (base64, as Lambda hands it
 * over, or as received when it is not even valid base64), why it was rejected, and where it
 * came from.
 */
export const QuarantineRecordSchema = z.object({
  schemaVersion: z.literal(1),
  /** The Nx project name of the function that quarantined it. */
  quarantinedBy: z.string().check(z.minLength(1)),
  quarantinedAt: z.iso.datetime(),
  reason: QuarantineReasonSchema,
  detail: z.string(),
  origin: KinesisRecordOriginSchema,
  /** The record's data as delivered by Lambda: base64 of the original bytes. */
  data: z.string(),
});
export type QuarantineRecord = z.infer<typeof QuarantineRecordSchema>;

/** Stream name from a Kinesis stream ARN (`arn:aws:kinesis:region:account:stream/NAME`). */
export function streamNameFromArn(arn: string): string {
  const marker = ':stream/';
  const at = arn.indexOf(marker);
  return at === -1 ? arn : (arn.slice(at + marker.length).split('/')[0] ?? arn);
}

/**
 * The object key of a quarantined record. It depends only on the record's origin, so
 * quarantining the same record again (a retried batch) overwrites the same object instead of
 * creating a duplicate. The date prefix is the record's arrival day, for lifecycle and listing.
 *
 * @example
 * ```ts
 * quarantineObjectKey(record);
 * // 'kinesis-ddb-writer/unicorn-telemetry-clean/2026/11/21/shardId-000000000000/4961...'
 * ```
 */
export function quarantineObjectKey(record: Pick<QuarantineRecord, 'quarantinedBy' | 'origin'>): string {
  const { origin } = record;
  const day = new Date(Math.floor(origin.approximateArrivalTimestamp * 1000)).toISOString().slice(0, 10);
  return [
    record.quarantinedBy,
    streamNameFromArn(origin.eventSourceArn),
    day.replaceAll('-', '/'),
    origin.shardId,
    `${origin.sequenceNumber}.json`,
  ].join('/');
}

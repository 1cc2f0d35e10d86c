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
 * Where a quarantined DynamoDB stream record came from, as Lambda delivered it (a DynamoDB
 * stream event names no shard): the stream, the record's `eventID` (globally unique, per the
 * DynamoDB Streams API reference) and `SequenceNumber`, the changed item's partition-key value,
 * and `ApproximateCreationDateTime`. Enough to find the change in the stream (24 hours) and in
 * the table, and to replay the stored record to the function once the cause is fixed.
 */
export const DynamoDbStreamRecordOriginSchema = z.object({
  kind: z.literal('dynamodb-stream'),
  eventSourceArn: z.string(),
  eventId: z.string().check(z.minLength(1)),
  sequenceNumber: z.string().check(z.regex(/^\d+$/)),
  /** The changed item's partition-key value, like a Kinesis record's partition key. */
  partitionKey: z.string(),
  /** Epoch seconds, as Lambda delivers it. */
  approximateCreationDateTime: z.number(),
});
export type DynamoDbStreamRecordOrigin = z.infer<typeof DynamoDbStreamRecordOriginSchema>;

/** The origin of a quarantined record: a Kinesis record or a DynamoDB stream record. */
export const QuarantineOriginSchema = z.discriminatedUnion('kind', [KinesisRecordOriginSchema, DynamoDbStreamRecordOriginSchema]);
export type QuarantineOrigin = z.infer<typeof QuarantineOriginSchema>;

/**
 * A quarantined record: the original data exactly as delivered (base64, as Lambda hands it
 * over, or as received when it is not even valid base64; for a DynamoDB stream record, the
 * base64 of the whole record's JSON as Lambda delivered it), why it was rejected, and where it
 * came from.
 */
export const QuarantineRecordSchema = z.object({
  schemaVersion: z.literal(1),
  /** The Nx project name of the function that quarantined it. */
  quarantinedBy: z.string().check(z.minLength(1)),
  quarantinedAt: z.iso.datetime(),
  reason: QuarantineReasonSchema,
  detail: z.string(),
  origin: QuarantineOriginSchema,
  /** The record's data as delivered by Lambda: base64 of the original bytes (of the record's JSON for a DynamoDB stream record). */
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
 * Table name from a DynamoDB stream ARN (`arn:aws:dynamodb:region:account:table/NAME/stream/LABEL`).
 *
 * @example
 * ```ts
 * tableNameFromStreamArn('arn:aws:dynamodb:us-east-1:123456789012:table/UnicornSensorData/stream/2026-11-21T10:00:00.000'); // 'UnicornSensorData'
 * ```
 */
export function tableNameFromStreamArn(arn: string): string {
  const marker = ':table/';
  const at = arn.indexOf(marker);
  return at === -1 ? arn : (arn.slice(at + marker.length).split('/')[0] ?? arn);
}

const dayPath = (epochSeconds: number) => new Date(Math.floor(epochSeconds * 1000)).toISOString().slice(0, 10).replaceAll('-', '/');

/**
 * The object key of a quarantined record. It depends only on the record's origin, so
 * quarantining the same record again (a retried batch) overwrites the same object instead of
 * creating a duplicate. The date prefix is the record's arrival (creation) day, for lifecycle
 * and listing.
 *
 * - Kinesis: `<function>/<stream>/<yyyy>/<mm>/<dd>/<shard>/<sequence>.json`;
 * - DynamoDB stream: `<function>/<table>/<yyyy>/<mm>/<dd>/<sequence>-<eventID>.json` (Lambda's
 *   DynamoDB events name no shard; the eventID is unique).
 *
 * @example
 * ```ts
 * quarantineObjectKey(record);
 * // 'kinesis-ddb-writer/unicorn-telemetry-clean/2026/11/21/shardId-000000000000/4961...'
 * ```
 */
export function quarantineObjectKey(record: Pick<QuarantineRecord, 'quarantinedBy' | 'origin'>): string {
  const { origin } = record;
  if (origin.kind === 'dynamodb-stream') {
    return [
      record.quarantinedBy,
      tableNameFromStreamArn(origin.eventSourceArn),
      dayPath(origin.approximateCreationDateTime),
      `${origin.sequenceNumber}-${origin.eventId}.json`,
    ].join('/');
  }
  return [
    record.quarantinedBy,
    streamNameFromArn(origin.eventSourceArn),
    dayPath(origin.approximateArrivalTimestamp),
    origin.shardId,
    `${origin.sequenceNumber}.json`,
  ].join('/');
}

import * as z from 'zod/mini';

/**
 * What Lambda writes to an on-failure destination when it gives up on records or events: the
 * invocation records of the AWS Lambda Developer Guide, field by field. One contract for the
 * local runtime (which writes them as Lambda does) and `npm run redrive` (which reads them).
 *
 * Stream event source mappings (Kinesis, DynamoDB Streams), per "Retain discarded batch records
 * for a Kinesis Data Streams event source in Lambda" and "Retain discarded records for a
 * DynamoDB event source in Lambda":
 *
 * ```json
 * { "requestContext": { "requestId": "c9b8fa9f-…", "functionArn": "arn:aws:lambda:us-east-2:123456789012:function:myfunction",
 *                       "condition": "RetryAttemptsExhausted", "approximateInvokeCount": 1 },
 *   "responseContext": { "statusCode": 200, "executedVersion": "$LATEST", "functionError": "Unhandled" },
 *   "version": "1.0", "timestamp": "2019-11-14T00:38:06.021Z",
 *   "KinesisBatchInfo": { "shardId": "shardId-000000000001", "startSequenceNumber": "4960…", "endSequenceNumber": "4960…",
 *                         "approximateArrivalOfFirstRecord": "2019-11-14T00:38:04.835Z",
 *                         "approximateArrivalOfLastRecord": "2019-11-14T00:38:05.580Z", "batchSize": 500,
 *                         "streamArn": "arn:aws:kinesis:us-east-2:123456789012:stream/mystream" },
 *   "payload": "<the whole invocation event, as an escaped JSON string: S3 destinations only>" }
 * ```
 *
 * DynamoDB's twin names the batch `DDBStreamBatchInfo` and gives arrival times to the second
 * (`2019-11-14T00:13:19Z`). `responseContext` is left out when the records were never handed to
 * the function (`RecordAgeExceeded`). The object key in an S3 destination is
 * `aws/lambda/<ESM-UUID>/<shardID>/YYYY/MM/DD/YYYY-MM-DDTHH.MM.SS-<Random UUID>`.
 */

/** Why an event source mapping gave up on a batch. */
export const StreamOnFailureConditionSchema = z.enum(['RetryAttemptsExhausted', 'RecordAgeExceeded']);
export type StreamOnFailureCondition = z.infer<typeof StreamOnFailureConditionSchema>;

/** Who was invoked, why the records were given up on, how often the function was tried. */
export const OnFailureRequestContextSchema = z.object({
  requestId: z.string(),
  functionArn: z.string(),
  condition: z.string(),
  approximateInvokeCount: z.number(),
});
export type OnFailureRequestContext = z.infer<typeof OnFailureRequestContextSchema>;

/** The last invocation's outcome. `functionError` is absent when the function returned normally. */
export const OnFailureResponseContextSchema = z.object({
  statusCode: z.number(),
  executedVersion: z.string(),
  functionError: z.optional(z.nullable(z.string())),
});
export type OnFailureResponseContext = z.infer<typeof OnFailureResponseContextSchema>;

/** `KinesisBatchInfo` / `DDBStreamBatchInfo`: where the given-up records are in their stream. */
export const StreamBatchInfoSchema = z.object({
  shardId: z.string(),
  startSequenceNumber: z.string(),
  endSequenceNumber: z.string(),
  approximateArrivalOfFirstRecord: z.string(),
  approximateArrivalOfLastRecord: z.string(),
  batchSize: z.number(),
  streamArn: z.string(),
});
export type StreamBatchInfo = z.infer<typeof StreamBatchInfoSchema>;

const streamRecordBase = {
  requestContext: z.extend(OnFailureRequestContextSchema, { condition: StreamOnFailureConditionSchema }),
  responseContext: z.optional(OnFailureResponseContextSchema),
  version: z.string(),
  timestamp: z.string(),
  /** The invocation event (`{"Records":[…]}`) as a JSON string; only S3 destinations carry it. */
  payload: z.optional(z.string()),
};

/** An on-failure invocation record of a Kinesis event source mapping. */
export const KinesisOnFailureRecordSchema = z.object({ ...streamRecordBase, KinesisBatchInfo: StreamBatchInfoSchema });
export type KinesisOnFailureRecord = z.infer<typeof KinesisOnFailureRecordSchema>;

/** An on-failure invocation record of a DynamoDB Streams event source mapping. */
export const DynamoDbStreamOnFailureRecordSchema = z.object({ ...streamRecordBase, DDBStreamBatchInfo: StreamBatchInfoSchema });
export type DynamoDbStreamOnFailureRecord = z.infer<typeof DynamoDbStreamOnFailureRecordSchema>;

/** Either stream's on-failure invocation record. */
export const StreamOnFailureRecordSchema = z.union([KinesisOnFailureRecordSchema, DynamoDbStreamOnFailureRecordSchema]);
export type StreamOnFailureRecord = z.infer<typeof StreamOnFailureRecordSchema>;

/** Why Lambda gave up on an asynchronous invocation. */
export const AsyncOnFailureConditionSchema = z.enum(['RetriesExhausted', 'EventAgeExceeded']);
export type AsyncOnFailureCondition = z.infer<typeof AsyncOnFailureConditionSchema>;

/**
 * What Lambda sends to an asynchronous invocation's on-failure destination (the
 * EventBridge consumer's on-failure queue), per "Capturing records of Lambda asynchronous
 * invocations": the event itself in `requestPayload`, the function's answer in `responsePayload`.
 *
 * ```json
 * { "version": "1.0", "timestamp": "2019-11-14T18:16:05.568Z",
 *   "requestContext": { "requestId": "e4b46cbf-…", "functionArn": "arn:aws:lambda:us-east-2:123456789012:function:my-function:$LATEST",
 *                       "condition": "RetriesExhausted", "approximateInvokeCount": 3 },
 *   "requestPayload": { … the event … },
 *   "responseContext": { "statusCode": 200, "executedVersion": "$LATEST", "functionError": "Unhandled" },
 *   "responsePayload": { "errorMessage": "…" } }
 * ```
 */
export const AsyncOnFailureRecordSchema = z.object({
  version: z.string(),
  timestamp: z.string(),
  requestContext: z.extend(OnFailureRequestContextSchema, { condition: AsyncOnFailureConditionSchema }),
  requestPayload: z.unknown(),
  responseContext: z.optional(OnFailureResponseContextSchema),
  responsePayload: z.optional(z.unknown()),
});
export type AsyncOnFailureRecord = z.infer<typeof AsyncOnFailureRecordSchema>;

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/**
 * The key Lambda gives an invocation record in an S3 on-failure destination:
 * `aws/lambda/<ESM-UUID>/<shardID>/YYYY/MM/DD/YYYY-MM-DDTHH.MM.SS-<Random UUID>` (UTC).
 *
 * @example
 * ```ts
 * onFailureObjectKey({ mappingUuid: 'a1b2…', shardId: 'shardId-000000000001', at: new Date('2026-12-07T10:20:30Z'), randomUuid: 'c3d4…' });
 * // 'aws/lambda/a1b2…/shardId-000000000001/2026/12/07/2026-12-07T10.20.30-c3d4…'
 * ```
 */
export function onFailureObjectKey(parts: { mappingUuid: string; shardId: string; at: Date; randomUuid: string }): string {
  const { at } = parts;
  const day = `${at.getUTCFullYear()}/${pad(at.getUTCMonth() + 1)}/${pad(at.getUTCDate())}`;
  const stamp = `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}T${pad(at.getUTCHours())}.${pad(at.getUTCMinutes())}.${pad(at.getUTCSeconds())}`;
  return `${onFailureMappingPrefix(parts.mappingUuid)}${parts.shardId}/${day}/${stamp}-${parts.randomUuid}`;
}

/** Where one event source mapping's invocation records are: `aws/lambda/<ESM-UUID>/`. */
export function onFailureMappingPrefix(mappingUuid: string): string {
  return `aws/lambda/${mappingUuid}/`;
}

/** The parts of an on-failure object key, or `undefined` for a key not in Lambda's form. */
export function parseOnFailureObjectKey(key: string): { mappingUuid: string; shardId: string; day: string; at: string } | undefined {
  const groups =
    /^aws\/lambda\/(?<uuid>[^/]+)\/(?<shard>[^/]+)\/(?<y>\d{4})\/(?<m>\d{2})\/(?<d>\d{2})\/(?<date>\d{4}-\d{2}-\d{2})T(?<hh>\d{2})\.(?<mm>\d{2})\.(?<ss>\d{2})-[^/]+$/.exec(key)
      ?.groups;
  if (!groups) return undefined;
  const { uuid = '', shard = '', y, m, d, date, hh, mm, ss } = groups;
  return { mappingUuid: uuid, shardId: shard, day: `${y}-${m}-${d}`, at: `${date}T${hh}:${mm}:${ss}Z` };
}

import { streamNameFromArn, type StreamOnFailureRecord } from '@wildrydes/schemas';
import { decodeExactBase64 } from './exact-base64.js';
import type { InvokeTarget } from './ports.js';

/** A Kinesis record of a stored batch, ready to go back onto its stream. */
export interface BatchRecord {
  readonly partitionKey: string;
  readonly data: Uint8Array;
}

/** What to do with one on-failure object once it was read. */
export type OnFailureDecision =
  | { readonly kind: 'skip'; readonly code: 'NO_PAYLOAD' | 'INVALID_PAYLOAD'; readonly detail: string }
  /** Kinesis: the batch's records go back onto their stream, in the batch's order. */
  | { readonly kind: 'put'; readonly streamName: string; readonly records: readonly BatchRecord[] }
  /** DynamoDB Streams: the stored invocation event is re-delivered, exactly as stored. */
  | { readonly kind: 'invoke'; readonly target: InvokeTarget; readonly payload: string; readonly recordCount: number };

/**
 * Decides what to do with one invocation record of a stream event source mapping's S3
 * on-failure destination ("Retain discarded batch records for a Kinesis Data Streams event
 * source in Lambda" and its DynamoDB twin, Lambda Developer Guide): the record's `payload` is
 * the whole invocation event as a JSON string.
 *
 * - No `payload` (an SQS or SNS destination's record, metadata only): skipped, `NO_PAYLOAD`.
 * - Kinesis (`KinesisBatchInfo`): each `Records[].kinesis` gives `partitionKey` and `data`
 *   (base64 of the original bytes); the stream is the one named by `KinesisBatchInfo.streamArn`.
 * - DynamoDB (`DDBStreamBatchInfo`): the payload is re-delivered as it is to the function named
 *   by `requestContext.functionArn` (version or alias kept as the qualifier).
 * - A payload that is not such an event, or data that is not exact base64: `INVALID_PAYLOAD`.
 *
 * @example
 * ```ts
 * const decision = planOnFailureObject(record);
 * if (decision.kind === 'put') await writer.put(decision.streamName, decision.records.map(...));
 * ```
 */
export function planOnFailureObject(record: StreamOnFailureRecord): OnFailureDecision {
  if (record.payload === undefined) {
    return { kind: 'skip', code: 'NO_PAYLOAD', detail: 'the invocation record holds no payload (a queue or topic destination keeps only the batch\'s metadata): re-drive its shard range from the stream while it is retained' };
  }
  const records = eventRecords(record.payload);
  if (records === undefined) return invalid('the payload is not an invocation event {"Records":[...]}');
  if ('KinesisBatchInfo' in record) {
    const batch: BatchRecord[] = [];
    for (const [index, entry] of records.entries()) {
      const kinesis = (entry as { kinesis?: { partitionKey?: unknown; data?: unknown } }).kinesis;
      if (typeof kinesis?.partitionKey !== 'string' || typeof kinesis.data !== 'string') return invalid(`Records[${index}] has no kinesis.partitionKey and kinesis.data`);
      const data = decodeExactBase64(kinesis.data);
      if (data === undefined) return invalid(`Records[${index}].kinesis.data is not valid base64: the original bytes are unknown`);
      batch.push({ partitionKey: kinesis.partitionKey, data });
    }
    return { kind: 'put', streamName: streamNameFromArn(record.KinesisBatchInfo.streamArn), records: batch };
  }
  const target = invokeTargetOf(record.requestContext.functionArn);
  if (target === undefined) return invalid(`requestContext.functionArn ${JSON.stringify(record.requestContext.functionArn)} is not a Lambda function ARN`);
  return { kind: 'invoke', target, payload: record.payload, recordCount: records.length };
}

function invalid(detail: string): OnFailureDecision {
  return { kind: 'skip', code: 'INVALID_PAYLOAD', detail };
}

function eventRecords(payload: string): unknown[] | undefined {
  let event: unknown;
  try {
    event = JSON.parse(payload);
  } catch {
    return undefined;
  }
  const records = (event as { Records?: unknown } | null)?.Records;
  return Array.isArray(records) ? records : undefined;
}

/**
 * The function named by a Lambda function ARN, `arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]`.
 *
 * @example
 * ```ts
 * invokeTargetOf('arn:aws:lambda:us-east-1:123456789012:function:ddb-stream-reactor:live');
 * // { functionName: 'ddb-stream-reactor', qualifier: 'live' }
 * ```
 */
export function invokeTargetOf(functionArn: string): InvokeTarget | undefined {
  const match = /^arn:[\w-]+:lambda:[\w-]*:\d*:function:([A-Za-z0-9_-]+)(?::([A-Za-z0-9_$-]+))?$/.exec(functionArn);
  if (!match) return undefined;
  const [, functionName, qualifier] = match as unknown as [string, string, string | undefined];
  return qualifier === undefined ? { functionName } : { functionName, qualifier };
}

/**
 * The function name in what Lambda's Invoke API takes as `FunctionName` ("Invoke", AWS Lambda API
 * Reference): a name, a partial ARN `<account>:function:<name>` or an ARN
 * `arn:<partition>:lambda:<region>:<account>:function:<name>`, each optionally followed by
 * `:<version or alias>`, which is dropped.
 *
 * @example
 * ```ts
 * functionNameOf('arn:aws:lambda:us-east-1:123456789012:function:WildRydes-Reactor-Fn1A2B:live'); // 'WildRydes-Reactor-Fn1A2B'
 * functionNameOf('ddb-stream-reactor');                                                             // 'ddb-stream-reactor'
 * ```
 */
export function functionNameOf(nameOrArn: string): string {
  const afterFunction = /(?:^|:)function:(.+)$/.exec(nameOrArn)?.[1] ?? nameOrArn;
  return afterFunction.split(':')[0] ?? afterFunction;
}

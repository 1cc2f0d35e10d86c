import { quarantineObjectKey, type QuarantineReason } from '@wildrydes/schemas';
import { decodeExactBase64 } from './exact-base64.js';
import type { OrderGuard } from './order-guard.js';
import type { ReadOutcome } from './ports.js';
import type { QuarantineKeyParts } from './quarantine-key.js';

/** Why a record is not re-driven and never will be as it is. It stays in the quarantine. */
export type SkipCode = 'INVALID_BASE64' | 'INVALID_OBJECT' | 'KEY_MISMATCH' | 'UNRECOGNISED_KEY' | 'OBJECT_GONE';

/** What to do with one quarantined object. */
export type RecordDecision =
  /** It does not match `--reason`. */
  | { readonly kind: 'filtered' }
  | { readonly kind: 'skip'; readonly code: SkipCode; readonly detail: string }
  /** It cannot be re-driven now, but may be on a later run (it counts as a failure). */
  | { readonly kind: 'fail'; readonly code: string; readonly detail: string }
  | { readonly kind: 'put'; readonly streamName: string; readonly partitionKey: string; readonly data: Uint8Array }
  /**
   * A DynamoDB stream record: re-delivered to the deployed function as a one-record DynamoDB
   * stream event (the run knows which function: the record names only the project).
   */
  | { readonly kind: 'invoke'; readonly partitionKey: string; readonly payload: string };

/**
 * Decides what to do with one quarantined object once it was read, in re-drive order:
 *
 * 1. an object S3 would not give (after retries) fails `ReadFailed` and holds back the rest of
 *    its shard; one that vanished since the listing is skipped (`OBJECT_GONE`); one that is not
 *    a quarantine record is skipped (`INVALID_OBJECT`);
 * 2. a record whose reason is not in `reasons` is filtered out;
 * 3. a record stored under another key than its origin gives is skipped (`KEY_MISMATCH`): its
 *    place in the order is not known;
 * 4. a record whose data is not exact base64 is skipped (`INVALID_BASE64`): its original bytes
 *    are not known;
 * 5. a record behind an earlier failure of its partition key or shard fails
 *    `BlockedByEarlierFailure`;
 * 6. a Kinesis record is put back on its source stream with its original bytes and partition
 *    key; a DynamoDB stream record (its data is the record's JSON as Lambda delivered it) is
 *    to be re-delivered to the function that quarantined it as the one-record event
 *    `{"Records":[<the record>]}`, the shape Lambda invokes DynamoDB-stream functions with
 *    ("Using AWS Lambda with Amazon DynamoDB", Lambda Developer Guide); data that is not JSON
 *    is skipped (`INVALID_OBJECT`).
 *
 * @example
 * ```ts
 * const decision = planRecord(parts, await store.read(parts.key), { reasons: undefined }, guard);
 * if (decision.kind === 'put') outgoing.push(decision);
 * ```
 */
export function planRecord(
  parts: QuarantineKeyParts,
  outcome: ReadOutcome,
  filters: { readonly reasons: ReadonlySet<QuarantineReason> | undefined },
  guard: OrderGuard,
): RecordDecision {
  switch (outcome.kind) {
    case 'error':
      guard.blockShard(parts, parts.key);
      return { kind: 'fail', code: 'ReadFailed', detail: `could not read the object: ${outcome.reason}` };
    case 'gone':
      return { kind: 'skip', code: 'OBJECT_GONE', detail: 'the object was deleted since it was listed' };
    case 'invalid':
      return { kind: 'skip', code: 'INVALID_OBJECT', detail: outcome.detail };
    case 'record':
      break;
  }
  const { record } = outcome;
  if (filters.reasons !== undefined && !filters.reasons.has(record.reason)) return { kind: 'filtered' };
  const expectedKey = quarantineObjectKey(record);
  if (expectedKey !== parts.key) {
    return { kind: 'skip', code: 'KEY_MISMATCH', detail: `its origin belongs at ${expectedKey}, so its place in the stream order is unknown` };
  }
  const data = decodeExactBase64(record.data);
  if (data === undefined) {
    const why = record.reason === 'INVALID_BASE64' ? `quarantined as INVALID_BASE64 (${record.detail})` : 'its data is not valid base64';
    return { kind: 'skip', code: 'INVALID_BASE64', detail: `${why}: the original bytes are unknown` };
  }
  const blocker = guard.blockerOf(parts, record.origin.partitionKey);
  if (blocker !== undefined) {
    return { kind: 'fail', code: 'BlockedByEarlierFailure', detail: blockedDetail(blocker) };
  }
  if (record.origin.kind === 'dynamodb-stream') return oneRecordEvent(record.origin.partitionKey, data);
  return { kind: 'put', streamName: parts.streamName, partitionKey: record.origin.partitionKey, data };
}

function oneRecordEvent(partitionKey: string, data: Uint8Array): RecordDecision {
  const text = Buffer.from(data).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { kind: 'skip', code: 'INVALID_OBJECT', detail: 'its data is not the JSON of a DynamoDB stream record' };
  }
  return { kind: 'invoke', partitionKey, payload: `{"Records":[${text}]}` };
}

/**
 * Why a record was held back, naming the object of the failed record it must not overtake.
 *
 * @example
 * ```ts
 * blockedDetail('fn/stream/2026/11/21/shardId-000000000000/9.json');
 * // 'not re-driven, so as not to overtake fn/stream/2026/11/21/shardId-000000000000/9.json, which failed'
 * ```
 */
export function blockedDetail(blockerKey: string): string {
  return `not re-driven, so as not to overtake ${blockerKey}, which failed`;
}

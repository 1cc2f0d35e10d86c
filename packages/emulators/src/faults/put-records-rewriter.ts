import { objectArray, type BatchRewriter, type EntryFailure, type JsonObject, type PartialBatch } from './batch-rewriter';

/**
 * Kinesis PutRecords as a partial failure (Amazon Kinesis Data Streams API Reference,
 * "PutRecords": `FailedRecordCount`, and `Records` in request order, each either
 * `SequenceNumber` + `ShardId` or `ErrorCode` (`ProvisionedThroughputExceededException` or
 * `InternalFailure`) + `ErrorMessage`). Only the kept records are forwarded; the answer is
 * rebuilt in the original order.
 *
 * @example
 * ```ts
 * const split = putRecordsRewriter.withhold(request, new Map([[1, putRecordsRewriter.entryErrors[0]]]));
 * const answer = split.respond(await forward(split.forward));
 * ```
 */
export const putRecordsRewriter: BatchRewriter = {
  canFailAll: true,
  entryErrors: [
    { code: 'ProvisionedThroughputExceededException', message: 'Rate exceeded for shard in stream under account (injected).' },
    { code: 'InternalFailure', message: 'Internal service failure (injected).' },
  ],
  entryCount: (request) => (typeof request === 'object' && request !== null ? (objectArray((request as JsonObject)['Records'])?.length ?? 0) : 0),
  withhold: (request, failures) => withholdInOrder(request, 'Records', 'FailedRecordCount', failures),
};

/**
 * Shared by PutRecords and PutEvents, whose answers list one result per request entry, in order,
 * and count the failed ones.
 */
export function withholdInOrder(request: JsonObject, listField: string, countField: string, failures: ReadonlyMap<number, EntryFailure>): PartialBatch {
  const entries = objectArray(request[listField]) ?? [];
  const kept = entries.filter((_, index) => !failures.has(index));
  return {
    forward: kept.length === 0 ? undefined : { ...request, [listField]: kept },
    respond(forwarded) {
      const results = objectArray(forwarded?.[listField]) ?? [];
      let next = 0;
      const merged = entries.map((_, index) => {
        const failure = failures.get(index);
        if (failure !== undefined) return { ErrorCode: failure.code, ErrorMessage: failure.message };
        const result = results[next] ?? {};
        next += 1;
        return result;
      });
      const failedForwarded = typeof forwarded?.[countField] === 'number' ? forwarded[countField] : 0;
      return { ...(forwarded ?? {}), [countField]: failedForwarded + failures.size, [listField]: merged };
    },
  };
}

import { objectArray, type BatchRewriter, type JsonObject } from './batch-rewriter';

/**
 * SQS SendMessageBatch, DeleteMessageBatch and ChangeMessageVisibilityBatch as partial failures
 * (Amazon SQS API Reference: each answers `Successful` and `Failed`, a `Failed` entry being a
 * `BatchResultErrorEntry`: `Id`, `Code`, `SenderFault`, `Message`). Withheld entries are not
 * forwarded and come back in `Failed` with `SenderFault: false` (the service's fault, so the
 * caller retries them) and code `InternalError`.
 *
 * @example
 * ```ts
 * const split = sqsBatchRewriter.withhold(request, new Map([[0, sqsBatchRewriter.entryErrors[0]]]));
 * const answer = split.respond(await forward(split.forward));
 * ```
 */
export const sqsBatchRewriter: BatchRewriter = {
  canFailAll: true,
  entryErrors: [{ code: 'InternalError', message: 'We encountered an internal error. Please try again (injected).' }],
  entryCount: (request) => (typeof request === 'object' && request !== null ? (objectArray((request as JsonObject)['Entries'])?.length ?? 0) : 0),
  withhold(request, failures) {
    const entries = objectArray(request['Entries']) ?? [];
    const kept = entries.filter((_, index) => !failures.has(index));
    const failed = [...failures.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, failure]) => ({ Id: entries[index]?.['Id'], SenderFault: false, Code: failure.code, Message: failure.message }));
    return {
      forward: kept.length === 0 ? undefined : { ...request, Entries: kept },
      respond: (forwarded) => ({
        ...(forwarded ?? {}),
        Successful: objectArray(forwarded?.['Successful']) ?? [],
        Failed: [...(objectArray(forwarded?.['Failed']) ?? []), ...failed],
      }),
    };
  },
};

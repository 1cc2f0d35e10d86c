import { objectArray, type BatchRewriter, type JsonObject } from './batch-rewriter';
import { withholdInOrder } from './put-records-rewriter';

/**
 * EventBridge PutEvents as a partial failure (Amazon EventBridge API Reference, "PutEvents":
 * `FailedEntryCount`, and `Entries` in request order, each either `EventId` or `ErrorCode` +
 * `ErrorMessage`; "Handling failures when using PutEvents" names `ThrottlingException` and
 * `InternalFailure` as the retryable entry errors). Only the kept entries are forwarded.
 *
 * @example
 * ```ts
 * const split = putEventsRewriter.withhold(request, new Map([[0, putEventsRewriter.entryErrors[0]]]));
 * const answer = split.respond(await forward(split.forward));
 * ```
 */
export const putEventsRewriter: BatchRewriter = {
  canFailAll: true,
  entryErrors: [
    { code: 'ThrottlingException', message: 'Rate exceeded (injected).' },
    { code: 'InternalFailure', message: 'Internal service failure (injected).' },
  ],
  entryCount: (request) => (typeof request === 'object' && request !== null ? (objectArray((request as JsonObject)['Entries'])?.length ?? 0) : 0),
  withhold: (request, failures) => withholdInOrder(request, 'Entries', 'FailedEntryCount', failures),
};

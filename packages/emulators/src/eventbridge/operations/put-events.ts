import { MAX_PUT_EVENTS_ENTRIES } from '../constants';
import { EventBridgeValidationError } from '../errors';
import type { FaultInjector } from '../fault-injection';
import { rawEntrySizeBytes, validatePutEventsEntry, type AcceptedEntry } from '../put-events-entry';
import { requestBody, requiredList } from './request-fields';

/** One entry of a PutEvents response: an event id, or an error code and message. */
export type PutEventsResultEntry = { EventId: string } | { ErrorCode: string; ErrorMessage: string };

/** The PutEvents response. */
export interface PutEventsResponse {
  FailedEntryCount: number;
  Entries: PutEventsResultEntry[];
}

/** What PutEvents needs from the bus. */
export interface PutEventsContext {
  readonly maxEntryBytes: number;
  readonly maxRequestBytes: number;
  readonly faults: FaultInjector;
  readonly eventBusExists: (eventBusName: string) => boolean;
  /** Publishes an accepted entry and returns its event id. */
  readonly publish: (entry: AcceptedEntry) => string;
}

/**
 * Handles PutEvents like EventBridge: the request fails as a whole (`ValidationException`) for
 * a missing `Entries`, fewer than 1 or more than 10 entries, one entry over `maxEntryBytes`, or
 * entries whose sizes add up to more than `maxRequestBytes` ("Total size of the entries in the
 * request is over the limit.": AWS answers an oversized entry with this 400, not with a
 * per-entry error; see "Amazon EventBridge quotas", PutEvents entry size); otherwise each entry
 * succeeds or fails on its own, in
 * request order, with `FailedEntryCount` counting the failures. Queued entry faults apply to
 * entries that pass validation.
 *
 * @example
 * ```ts
 * putEvents({ Entries: [{ Source: 's', DetailType: 't', Detail: '{}' }] }, context);
 * // { FailedEntryCount: 0, Entries: [{ EventId: '…' }] }
 * ```
 */
export function putEvents(input: unknown, context: PutEventsContext): PutEventsResponse {
  const entries = requiredList(requestBody(input), 'Entries', 1, MAX_PUT_EVENTS_ENTRIES);
  const sizes = entries.map(rawEntrySizeBytes);
  const totalBytes = sizes.reduce((total, size) => total + size, 0);
  if (totalBytes > context.maxRequestBytes || sizes.some((size) => size > context.maxEntryBytes)) {
    throw new EventBridgeValidationError('Total size of the entries in the request is over the limit.');
  }
  const validated = entries.map((entry) => validatePutEventsEntry(entry, context));

  const results = validated.map((result): PutEventsResultEntry => {
    if (!result.ok) return { ErrorCode: result.errorCode, ErrorMessage: result.errorMessage };
    const fault = context.faults.takeEntryFault(result.input);
    if (fault !== undefined) return { ErrorCode: fault.errorCode, ErrorMessage: fault.errorMessage };
    return { EventId: context.publish(result) };
  });
  return { FailedEntryCount: results.filter((result) => 'ErrorCode' in result).length, Entries: results };
}

import { MAX_BATCH_ENTRIES } from '../constants';
import { SqsApiError } from '../errors';
import { requestBody, type RequestBody } from './request-fields';

/** One failed entry of a batch response. */
export interface BatchResultErrorEntry {
  Id: string;
  SenderFault: boolean;
  Code: string;
  Message: string;
}

/** A batch entry that passed the whole-request checks: an object with a valid, unique `Id`. */
export type BatchEntry = RequestBody & { readonly Id: string };

const ENTRY_ID = /^[A-Za-z0-9_-]{1,80}$/;

/**
 * The `Entries` of a batch action, checked as SQS checks the whole request: at least one
 * (`EmptyBatchRequest`), at most 10 (`TooManyEntriesInBatchRequest`), ids of A-Z a-z 0-9 - _ up
 * to 80 characters (`InvalidBatchEntryId`), no id twice (`BatchEntryIdsNotDistinct`).
 *
 * @throws SqsApiError
 * @example
 * ```ts
 * const entries = batchEntries(body, 'SendMessageBatchRequestEntry');
 * ```
 */
export function batchEntries(body: RequestBody, entryType: string): BatchEntry[] {
  const entries = body['Entries'];
  if (entries === undefined || entries === null || (Array.isArray(entries) && entries.length === 0)) {
    throw new SqsApiError('EmptyBatchRequest', `There should be at least one ${entryType} in the request.`);
  }
  if (!Array.isArray(entries)) throw new SqsApiError('SerializationException', 'Entries must be a list.');
  if (entries.length > MAX_BATCH_ENTRIES) {
    throw new SqsApiError('TooManyEntriesInBatchRequest', `Maximum number of entries per request are ${MAX_BATCH_ENTRIES}. You have sent ${entries.length}.`);
  }
  const seen = new Set<string>();
  return entries.map((raw): BatchEntry => {
    const entry = requestBody(raw);
    const id = entry['Id'];
    if (typeof id !== 'string' || !ENTRY_ID.test(id)) {
      throw new SqsApiError('InvalidBatchEntryId', 'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.');
    }
    if (seen.has(id)) throw new SqsApiError('BatchEntryIdsNotDistinct', `Id ${id} repeated.`);
    seen.add(id);
    return entry as BatchEntry;
  });
}

/**
 * Runs `action` for each entry; an {@link SqsApiError} becomes a `Failed` entry with its query
 * code and `SenderFault: true` (the caller sent something wrong), anything else propagates.
 *
 * @example
 * ```ts
 * const { Successful, Failed } = perEntry(entries, (entry) => ({ Id: entry.Id }));
 * ```
 */
export function perEntry<T>(entries: readonly BatchEntry[], action: (entry: BatchEntry) => T): { Successful: T[]; Failed: BatchResultErrorEntry[] } {
  const Successful: T[] = [];
  const Failed: BatchResultErrorEntry[] = [];
  for (const entry of entries) {
    try {
      Successful.push(action(entry));
    } catch (error) {
      if (!(error instanceof SqsApiError)) throw error;
      Failed.push({ Id: entry.Id, SenderFault: error.kind.statusCode < 500, Code: error.kind.queryCode, Message: error.message });
    }
  }
  return { Successful, Failed };
}

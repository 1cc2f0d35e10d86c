import { EventBridgeApiError, InvalidEventBridgeOptionsError } from './errors';
import type { PutEventsEntryInput } from './types';

/** Makes the next `count` PutEvents entries (those `match` accepts) fail with `errorCode`. */
export interface EntryFault {
  /** How many entries fail; an integer >= 1. */
  count: number;
  /** The per-entry `ErrorCode`, e.g. `ThrottlingException`, `InternalFailure`, `MalformedDetail`. */
  errorCode: string;
  /** The per-entry `ErrorMessage`. Default: a message naming the injected code. */
  errorMessage?: string;
  /** Only entries this accepts fail (and count); default every valid entry. */
  match?: (entry: PutEventsEntryInput) => boolean;
}

/** Makes the next `count` API calls (of `operation`, if given) fail as a whole. */
export interface RequestFault {
  /** How many calls fail; an integer >= 1. */
  count: number;
  /** The error `__type`, e.g. `ThrottlingException`, `InternalException`. */
  errorCode: string;
  errorMessage?: string;
  /** HTTP status. Default 500 for `Internal*` and `ServiceUnavailable*` codes, else 400. */
  statusCode?: number;
  /** Only calls of this operation (e.g. `PutEvents`) fail; default every operation. */
  operation?: string;
}

interface PendingFault<T> {
  remaining: number;
  readonly fault: T;
}

/**
 * Queued faults. Each valid entry (each call) consumes one unit of the oldest fault that applies
 * to it; exhausted faults are dropped. Entries that fail validation consume nothing.
 *
 * @example
 * ```ts
 * const faults = new FaultInjector();
 * faults.failNext({ count: 2, errorCode: 'ThrottlingException' });
 * faults.takeEntryFault(entry); // { errorCode: 'ThrottlingException', errorMessage: '…' }
 * ```
 */
export class FaultInjector {
  readonly #entryFaults: Array<PendingFault<EntryFault>> = [];
  readonly #requestFaults: Array<PendingFault<RequestFault>> = [];

  /** Queues an entry fault. @throws InvalidEventBridgeOptionsError for a bad count or code. */
  failNext(fault: EntryFault): void {
    assertFault(fault);
    this.#entryFaults.push({ remaining: fault.count, fault });
  }

  /** Queues a whole-call fault. @throws InvalidEventBridgeOptionsError for a bad count, code or status. */
  failNextRequests(fault: RequestFault): void {
    assertFault(fault);
    if (fault.statusCode !== undefined && !(Number.isInteger(fault.statusCode) && fault.statusCode >= 400 && fault.statusCode <= 599)) {
      throw new InvalidEventBridgeOptionsError(`statusCode must be an integer in 400..599 (given ${fault.statusCode})`);
    }
    this.#requestFaults.push({ remaining: fault.count, fault });
  }

  /** The injected failure for this entry, if a queued fault applies; consumes one unit of it. */
  takeEntryFault(entry: PutEventsEntryInput): { errorCode: string; errorMessage: string } | undefined {
    const pending = take(this.#entryFaults, (fault) => fault.match === undefined || fault.match(entry));
    if (pending === undefined) return undefined;
    return {
      errorCode: pending.errorCode,
      errorMessage: pending.errorMessage ?? `Injected failure: ${pending.errorCode}`,
    };
  }

  /** Throws the injected error for a call of `operation`, if a queued fault applies. */
  throwRequestFault(operation: string): void {
    const fault = take(this.#requestFaults, (candidate) => candidate.operation === undefined || candidate.operation === operation);
    if (fault === undefined) return;
    const statusCode = fault.statusCode ?? (/^(Internal|ServiceUnavailable)/.test(fault.errorCode) ? 500 : 400);
    throw new EventBridgeApiError(fault.errorCode, fault.errorMessage ?? `Injected failure: ${fault.errorCode}`, statusCode);
  }

  /** Units of entry and call faults still queued. */
  pending(): { entries: number; requests: number } {
    const sum = (faults: ReadonlyArray<PendingFault<unknown>>): number => faults.reduce((total, { remaining }) => total + remaining, 0);
    return { entries: sum(this.#entryFaults), requests: sum(this.#requestFaults) };
  }

  /** Drops every queued fault. */
  clear(): void {
    this.#entryFaults.length = 0;
    this.#requestFaults.length = 0;
  }
}

function take<T>(queue: Array<PendingFault<T>>, applies: (fault: T) => boolean): T | undefined {
  const index = queue.findIndex((pending) => applies(pending.fault));
  const pending = queue[index];
  if (pending === undefined) return undefined;
  pending.remaining -= 1;
  if (pending.remaining === 0) queue.splice(index, 1);
  return pending.fault;
}

function assertFault(fault: { count: number; errorCode: string }): void {
  if (!Number.isInteger(fault.count) || fault.count < 1) {
    throw new InvalidEventBridgeOptionsError(`count must be an integer >= 1 (given ${fault.count})`);
  }
  if (typeof fault.errorCode !== 'string' || fault.errorCode === '') {
    throw new InvalidEventBridgeOptionsError('errorCode must be a non-empty string');
  }
}

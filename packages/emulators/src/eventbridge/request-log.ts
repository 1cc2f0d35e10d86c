import { parseEntryTime } from './event-time';
import { isObject } from './put-events-entry';
import type { PutEventsEntryInput } from './types';

/** An API call the emulator received, as {@link RequestLog.list} returns it. */
export interface ReceivedRequest {
  /** The operation, e.g. `PutEvents` (from `X-Amz-Target: AWSEvents.PutEvents`). */
  readonly operation: string;
  /** The request body as it arrived (parsed JSON). */
  readonly input: unknown;
  /**
   * For PutEvents, one item per entry of the request, in order, read like the SDK's
   * `PutEventsRequestEntry` (`Time` as a `Date`; a field of the wrong type is left out, an entry
   * that is not an object is `{}`). Empty for other operations.
   */
  readonly entries: readonly PutEventsEntryInput[];
  /** When the call failed as a whole: the error code it was answered with (e.g. `ThrottlingException`). */
  readonly errorCode?: string;
}

/** A logged request whose outcome {@link RequestLog.record}'s caller fills in. */
export interface PendingRequest {
  /** Marks the call as answered with this error code. */
  failedWith(errorCode: string): void;
}

type LoggedRequest = { -readonly [K in keyof ReceivedRequest]: ReceivedRequest[K] } & { entries: PutEventsEntryInput[] };

/**
 * Every API call the emulator received, in arrival order, so tests can see how many PutEvents
 * calls a function made and what each carried (throttled and failed calls included) without
 * spying on the emulator.
 *
 * @example
 * ```ts
 * const log = new RequestLog();
 * log.record('PutEvents', { Entries: [{ Source: 's', DetailType: 't', Detail: '{}' }] });
 * log.list('PutEvents')[0]?.entries.length; // 1
 * ```
 */
export class RequestLog {
  readonly #requests: LoggedRequest[] = [];

  /** @param limit how many requests to remember; the oldest are forgotten first */
  constructor(private readonly limit = Number.POSITIVE_INFINITY) {}

  /** Logs a call as it arrives (a copy of `input`); the returned handle records how it failed. */
  record(operation: string, input: unknown): PendingRequest {
    const request: LoggedRequest = {
      operation,
      input: structuredClone(input),
      entries: operation === 'PutEvents' ? entriesOf(input) : [],
    };
    this.#requests.push(request);
    if (this.#requests.length > this.limit) this.#requests.shift();
    return {
      failedWith: (errorCode) => {
        request.errorCode = errorCode;
      },
    };
  }

  /** The calls received (of `operation`, if given), oldest first, as copies. */
  list(operation?: string): ReceivedRequest[] {
    return this.#requests.filter((request) => operation === undefined || request.operation === operation).map((request) => structuredClone(request));
  }

  /** Forgets every logged call. */
  clear(): void {
    this.#requests.length = 0;
  }
}

function entriesOf(input: unknown): PutEventsEntryInput[] {
  const entries = isObject(input) ? input['Entries'] : undefined;
  return Array.isArray(entries) ? entries.map(entryOf) : [];
}

function entryOf(raw: unknown): PutEventsEntryInput {
  if (!isObject(raw)) return {};
  const text = (field: string): string | undefined => (typeof raw[field] === 'string' ? raw[field] : undefined);
  const resources = raw['Resources'];
  const time = parseEntryTime(raw['Time']);
  const entry = {
    Source: text('Source'),
    DetailType: text('DetailType'),
    Detail: text('Detail'),
    EventBusName: text('EventBusName'),
    TraceHeader: text('TraceHeader'),
    Resources: Array.isArray(resources) && resources.every((resource) => typeof resource === 'string') ? (resources as string[]) : undefined,
    Time: time,
  };
  return Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined)) as PutEventsEntryInput;
}

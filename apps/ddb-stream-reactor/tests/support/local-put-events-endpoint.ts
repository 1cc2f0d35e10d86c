import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A PutEvents entry as the SDK sends it over the JSON 1.1 protocol (`Time` in epoch seconds). */
export interface ReceivedEntry {
  Source: string;
  DetailType: string;
  Detail: string;
  EventBusName?: string;
  Time?: number;
  Resources?: string[];
}

/** How to answer one entry: accept it, or fail it with an EventBridge error code. */
export type EntryVerdict = { ErrorCode: string; ErrorMessage: string } | undefined;

/**
 * Decides each entry's fate.
 * @param seenBefore how many earlier PutEvents calls carried an entry with this exact `Detail`
 */
export type EntryRule = (entry: ReceivedEntry, seenBefore: number) => EntryVerdict;

export interface LocalPutEventsEndpoint {
  /** For `AWS_ENDPOINT_URL_EVENTBRIDGE`. */
  readonly url: string;
  /** The entries of each PutEvents call, in arrival order. */
  readonly calls: ReceivedEntry[][];
  /** Every entry accepted, in arrival order. */
  readonly accepted: ReceivedEntry[];
  /** Answers entries by `rule` from now on (and forgets what was seen and accepted). */
  reset(rule?: EntryRule): void;
  stop(): Promise<void>;
}

/**
 * A loopback HTTP server that speaks EventBridge's PutEvents (`X-Amz-Target: AWSEvents.PutEvents`,
 * JSON 1.1): it records every call and answers per entry, with `FailedEntryCount` and results
 * aligned with the request's entries, as EventBridge does. There is no EventBridge emulator on
 * npm; this is the sink the integration tests assert on.
 */
export async function startLocalPutEventsEndpoint(): Promise<LocalPutEventsEndpoint> {
  const calls: ReceivedEntry[][] = [];
  const accepted: ReceivedEntry[] = [];
  const seen = new Map<string, number>();
  let rule: EntryRule = () => undefined;

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => answer(response, 500, { __type: 'InternalException', message: String(error) }));
  });
  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (request.headers['x-amz-target'] !== 'AWSEvents.PutEvents') {
      answer(response, 400, { __type: 'UnknownOperationException', message: `not served: ${String(request.headers['x-amz-target'])}` });
      return;
    }
    const { Entries = [] } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { Entries?: ReceivedEntry[] };
    calls.push(Entries);
    const results = Entries.map((entry) => {
      const seenBefore = seen.get(entry.Detail) ?? 0;
      seen.set(entry.Detail, seenBefore + 1);
      const verdict = rule(entry, seenBefore);
      if (verdict) return verdict;
      accepted.push(entry);
      return { EventId: randomUUID() };
    });
    answer(response, 200, { FailedEntryCount: results.filter((result) => 'ErrorCode' in result).length, Entries: results });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    accepted,
    reset(next = () => undefined) {
      rule = next;
      calls.length = 0;
      accepted.length = 0;
      seen.clear();
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

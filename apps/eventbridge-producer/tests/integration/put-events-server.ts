import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An entry as the server received it, with the event ID it gave it. */
export interface RecordedEntry {
  readonly Source: string;
  readonly DetailType: string;
  readonly Detail: string;
  readonly EventBusName: string;
  readonly EventId: string;
}

/** A per-entry failure, as PutEvents reports it in `Entries`. */
export interface EntryFault {
  readonly ErrorCode: string;
  readonly ErrorMessage: string;
}

/** How the server treats a call: fail it whole, fail some entries, or accept everything. */
export interface Behaviour {
  /** Fails the whole call with this error type (HTTP 400, JSON 1.1 error body). */
  callError?: string;
  /** Fails one entry; `seen` counts this entry's deliveries so far, this one included. */
  entryFault?: (entry: { DetailType: string; Detail: string }, seen: number) => EntryFault | undefined;
}

/**
 * A local EventBridge endpoint speaking the JSON 1.1 protocol for `AWSEvents.PutEvents` only: it
 * records accepted entries and the size of every request, and fails calls or entries as told.
 * Point `AWS_ENDPOINT_URL_EVENTBRIDGE` at `endpoint`.
 */
export class PutEventsServer {
  /** Entries accepted, in arrival order. */
  readonly published: RecordedEntry[] = [];
  /** Entries per PutEvents request received, in arrival order. */
  readonly requestSizes: number[] = [];
  behaviour: Behaviour = {};
  readonly #seen = new Map<string, number>();

  private constructor(
    private readonly server: Server,
    readonly endpoint: string,
  ) {}

  static async start(): Promise<PutEventsServer> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const instance = new PutEventsServer(server, `http://127.0.0.1:${port}`);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => void instance.handle(request, response));
    return instance;
  }

  /** Forgets what was recorded and accepts everything again. */
  reset(): void {
    this.published.length = 0;
    this.requestSizes.length = 0;
    this.#seen.clear();
    this.behaviour = {};
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      this.server.closeAllConnections();
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const target = request.headers['x-amz-target'];
    if (request.method !== 'POST' || target !== 'AWSEvents.PutEvents') {
      return this.reply(response, 400, { __type: 'UnknownOperationException', message: `unsupported: ${String(target)}` });
    }
    const { Entries = [] } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { Entries?: Array<Omit<RecordedEntry, 'EventId'>> };
    this.requestSizes.push(Entries.length);
    if (this.behaviour.callError !== undefined) {
      return this.reply(response, 400, { __type: this.behaviour.callError, message: 'injected failure' });
    }
    const results = Entries.map((entry) => {
      const key = `${entry.DetailType}|${entry.Detail}`;
      const seen = (this.#seen.get(key) ?? 0) + 1;
      this.#seen.set(key, seen);
      const fault = this.behaviour.entryFault?.(entry, seen);
      if (fault) return fault;
      const EventId = randomUUID();
      this.published.push({ ...entry, EventId });
      return { EventId };
    });
    const FailedEntryCount = results.filter((result) => 'ErrorCode' in result).length;
    return this.reply(response, 200, { FailedEntryCount, Entries: results });
  }

  private reply(response: ServerResponse, status: number, body: unknown): void {
    const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID() };
    const type = (body as { __type?: string }).__type;
    if (type !== undefined) headers['x-amzn-errortype'] = type;
    response.writeHead(status, headers).end(JSON.stringify(body));
  }
}

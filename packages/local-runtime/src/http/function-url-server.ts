import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PortInUseError } from '@wildrydes/emulators';
import type { Invocation } from '../function-host/function-host.js';
import { fromFunctionUrlResult, toFunctionUrlEvent } from './function-url-event.js';
import { readBody } from './read-body.js';
import { checkServedHost } from './served-host.js';

/** Lambda's synchronous invocation payload limit, which Function URLs inherit. */
export const FUNCTION_URL_MAX_REQUEST_BYTES = 6 * 1024 * 1024;

export interface FunctionUrlServer {
  readonly url: string;
  readonly port: number;
  /** Requests answered, by status code. */
  readonly responses: Map<number, number>;
  close(): Promise<void>;
}

/**
 * Serves a function on 127.0.0.1 the way its Function URL serves it in AWS: each request becomes
 * a payload-format-2.0 event, the function's result becomes the response, a function error is a
 * 502, and a request over Lambda's 6 MB payload limit is refused with 413 before it reaches the
 * function. A request whose `Host` is not the printed `127.0.0.1:PORT` is refused with 421
 * before its body is read (see {@link checkServedHost}: DNS rebinding).
 *
 * @example
 * ```ts
 * const server = await startFunctionUrlServer({ invoke: (event) => host.invoke(event), accountId, urlId: 'producer' });
 * console.log(`POST ${server.url}/events`); // http://127.0.0.1:PORT/events
 * await server.close();
 * ```
 */
export async function startFunctionUrlServer(options: {
  invoke(event: unknown): Promise<Invocation>;
  port?: number;
  accountId: string;
  urlId: string;
}): Promise<FunctionUrlServer> {
  const responses = new Map<number, number>();
  const count = (status: number) => responses.set(status, (responses.get(status) ?? 0) + 1);
  /** The one URL this server answers for; set once it listens, before any request is read. */
  let url = '';
  const server: Server = createServer((request, response) => {
    void (async () => {
      const refusal = checkServedHost(request.headers.host, url);
      if (refusal) {
        count(refusal.statusCode);
        response.writeHead(refusal.statusCode, { 'content-type': 'application/json', connection: 'close' }).end(refusal.body);
        return;
      }
      const body = await readBody(request, FUNCTION_URL_MAX_REQUEST_BYTES);
      if (body === undefined) {
        count(413);
        response.writeHead(413, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Request Entity Too Large' }));
        return;
      }
      const event = toFunctionUrlEvent(
        {
          method: request.method ?? 'GET',
          url: request.url ?? '/',
          headers: request.headers,
          body,
          sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        },
        { accountId: options.accountId, urlId: options.urlId, nowMs: Date.now() },
      );
      const invocation = await options.invoke(event);
      if (invocation.kind === 'error') {
        count(502);
        response.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Internal Server Error' }));
        return;
      }
      const result = fromFunctionUrlResult(invocation.response);
      count(result.statusCode);
      response.writeHead(result.statusCode, { ...result.headers, ...(result.cookies.length > 0 ? { 'set-cookie': [...result.cookies] } : {}) });
      response.end(result.body);
    })().catch((error: unknown) => {
      count(500);
      if (!response.headersSent) response.writeHead(500).end(String(error));
    });
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(options.port ?? 0, { cause: error }) : error),
    );
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port: bound } = server.address() as AddressInfo;
      url = `http://127.0.0.1:${bound}`;
      resolve(bound);
    });
  });
  return {
    url,
    port,
    responses,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

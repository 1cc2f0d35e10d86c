import { request as httpRequest, type Agent, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';

/**
 * Headers that describe one connection, not the message (RFC 9110 section 7.6.1), so a proxy
 * does not pass them on. `transfer-encoding` and `content-length` describe the body and stay.
 */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'upgrade']);

/** `headers` without the hop-by-hop ones and without `omit` (lower-case names). */
export function endToEndHeaders(headers: IncomingHttpHeaders, omit: readonly string[] = []): OutgoingHttpHeaders {
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || omit.includes(name)) continue;
    kept[name] = value;
  }
  return kept;
}

/** Where and how the proxy reaches its emulator. */
export interface Upstream {
  readonly target: URL;
  readonly agent: Agent;
}

/**
 * Sends `incoming` to the emulator with the same method, path and headers (the `Host` header
 * included, so a SigV4 signature stays valid), with `body` as the body: the incoming stream
 * itself, or a buffer that replaces it (then `content-length` is set to its size).
 * Resolves with the emulator's response head; its body is still to be read.
 *
 * @example
 * ```ts
 * const answer = await forward(upstream, request, 'stream');
 * ```
 */
export function forward(upstream: Upstream, incoming: IncomingMessage, body: 'stream' | Buffer): Promise<IncomingMessage> {
  const headers =
    body === 'stream'
      ? endToEndHeaders(incoming.headers)
      : { ...endToEndHeaders(incoming.headers, ['content-length', 'transfer-encoding']), 'content-length': body.length };
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        protocol: upstream.target.protocol,
        hostname: upstream.target.hostname,
        port: upstream.target.port,
        method: incoming.method,
        path: incoming.url,
        headers,
        agent: upstream.agent,
      },
      resolve,
    );
    outgoing.on('error', reject);
    if (body === 'stream') {
      pipeline(incoming, outgoing).catch((error: unknown) => outgoing.destroy(error instanceof Error ? error : new Error(String(error))));
    } else {
      outgoing.end(body);
    }
  });
}

/**
 * Reads a whole message body.
 *
 * @example
 * ```ts
 * const bytes = await readAll(request);
 * ```
 */
export async function readAll(message: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Sends the emulator's answer on to the client as it is, streamed.
 *
 * @example
 * ```ts
 * await relayStream(await forward(upstream, request, 'stream'), response);
 * ```
 */
export async function relayStream(answer: IncomingMessage, response: ServerResponse): Promise<void> {
  response.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEndHeaders(answer.headers));
  await pipeline(answer, response);
}

/** Sends the emulator's answer on to the client as it is, its body already read. */
export function relayBuffered(answer: IncomingMessage, body: Buffer, response: ServerResponse): void {
  response.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEndHeaders(answer.headers));
  response.end(body);
}

/** What a local server answers a request that names a host other than its own. */
export interface HostRefusal {
  /** 421 Misdirected Request (RFC 9110, section 15.5.20): this server does not serve that host. */
  readonly statusCode: 421;
  readonly body: string;
}

/** Longest part of a refused Host header repeated in the answer. */
const ECHOED_HOST_CHARS = 100;

/**
 * Checks a request's `Host` header against the one authority a loopback server printed
 * (`127.0.0.1:PORT`), and refuses every other. A server on 127.0.0.1 is reachable from any web
 * page the user opens: through DNS rebinding, a page's own host name comes to resolve to
 * 127.0.0.1, and the browser then lets that page send requests and read the answers, with that
 * host name in `Host`. Answering only requests naming the printed authority stops that, since a
 * page from elsewhere cannot name it as its own host.
 *
 * @returns `undefined` when the request may proceed, else the refusal to send.
 *
 * @example
 * ```ts
 * checkServedHost('127.0.0.1:3000', 'http://127.0.0.1:3000'); // undefined
 * checkServedHost('rebind.example:3000', 'http://127.0.0.1:3000'); // { statusCode: 421, body: '{"message":"…"}' }
 * ```
 */
export function checkServedHost(hostHeader: string | undefined, servedUrl: string): HostRefusal | undefined {
  const served = new URL(servedUrl).host;
  if (hostHeader !== undefined && hostHeader.toLowerCase() === served) return undefined;
  const given = hostHeader === undefined ? 'no Host header' : `Host ${JSON.stringify(hostHeader.slice(0, ECHOED_HOST_CHARS))}`;
  return {
    statusCode: 421,
    body: JSON.stringify({
      message: `Misdirected Request: this local endpoint answers only requests for ${servedUrl} (Host: ${served}); ${given} was refused, which keeps web pages from reaching it through DNS rebinding.`,
    }),
  };
}

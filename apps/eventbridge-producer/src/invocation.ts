/**
 * What the producer reads from an invocation before anything else, read defensively: a direct
 * `lambda:Invoke` can send any JSON, not a Function URL event, and must still get an answer in
 * JSON rather than the Function URL's bare 502.
 */

/** The method and raw path of a Function URL event (payload format 2.0). */
export interface RequestLine {
  readonly method: string;
  readonly path: string;
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/**
 * The request line of a Function URL event, or `undefined` when the invocation is not one.
 *
 * @example
 * ```ts
 * readRequestLine({ rawPath: '/events', requestContext: { http: { method: 'POST' } } }); // { method: 'POST', path: '/events' }
 * readRequestLine({ hello: 'world' }); // undefined
 * ```
 */
export function readRequestLine(event: unknown): RequestLine | undefined {
  const method = field(field(field(event, 'requestContext'), 'http'), 'method');
  const path = field(event, 'rawPath');
  return typeof method === 'string' && typeof path === 'string' ? { method, path } : undefined;
}

/**
 * The request id to log and to quote to the client: the Function URL's, or else the invocation's.
 *
 * @example
 * ```ts
 * requestIdOf({}, { awsRequestId: 'a1b2' }); // 'a1b2'
 * ```
 */
export function requestIdOf(event: unknown, context: { readonly awsRequestId?: string }): string | undefined {
  const fromEvent = field(field(event, 'requestContext'), 'requestId');
  return typeof fromEvent === 'string' ? fromEvent : context.awsRequestId;
}

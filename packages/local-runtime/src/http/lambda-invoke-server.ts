import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Invocation } from '../function-host/function-host.js';
import { readBody } from './read-body.js';
import { checkServedHost } from './served-host.js';

/** Lambda's synchronous invocation payload limit (request and response), 6 MB. */
export const INVOKE_MAX_REQUEST_BYTES = 6 * 1024 * 1024;

/** A function the server can invoke, by its name. */
export type InvokeTarget = (event: unknown) => Promise<Invocation>;

export interface LambdaInvokeServer {
  /** `http://127.0.0.1:PORT`: what `AWS_ENDPOINT_URL_LAMBDA` is set to. */
  readonly endpoint: string;
  /** Invocations answered, per function. */
  readonly invocations: Map<string, number>;
  close(): Promise<void>;
}

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

/**
 * The function name from Lambda's `FunctionName` path parameter, which may be a name
 * (`my-function`), a partial ARN (`123456789012:function:my-function`) or a full ARN, each with an
 * optional `:qualifier` ("Invoke", AWS Lambda API Reference).
 *
 * @example
 * ```ts
 * functionNameOf('arn:aws:lambda:us-east-1:000000000000:function:ddb-stream-reactor:$LATEST'); // 'ddb-stream-reactor'
 * ```
 */
export function functionNameOf(pathParameter: string): string {
  const parts = pathParameter.split(':');
  const at = parts.indexOf('function');
  if (at >= 0) return parts[at + 1] ?? '';
  return parts[0] ?? '';
}

function send(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers });
  response.end(body);
}

function refuse(response: ServerResponse, status: number, type: string, message: string): void {
  // Lambda's REST-JSON errors: the type in `x-amzn-ErrorType`, `Type` and `message` in the body.
  send(response, status, JSON.stringify({ Type: 'User', message }), { 'x-amzn-errortype': type });
}

/**
 * Lambda's `Invoke` API for the functions of a local run, on 127.0.0.1, so that `npm run redrive`
 * (and the AWS CLI, `aws lambda invoke`) re-deliver a stored batch to "the function that failed
 * on it" exactly as they would in AWS: `POST /2015-03-31/functions/<FunctionName>/invocations`,
 * `X-Amz-Invocation-Type` `RequestResponse` (default: the function's result is the body, a
 * function error is a 200 with `X-Amz-Function-Error: Unhandled` and `{errorMessage, errorType}`),
 * `Event` (202, run in the background) or `DryRun` (204). An unknown function is a 404
 * `ResourceNotFoundException`; a payload that is not JSON a 400 `InvalidRequestContentException`;
 * over 6 MB a 413 `RequestTooLargeException`.
 *
 * @example
 * ```ts
 * const server = await startLambdaInvokeServer(new Map([['ddb-stream-reactor', (event) => host.invoke(event)]]));
 * process.env.AWS_ENDPOINT_URL_LAMBDA = server.endpoint;
 * ```
 */
export async function startLambdaInvokeServer(functions: ReadonlyMap<string, InvokeTarget>, options: { port?: number; region?: string; accountId?: string } = {}): Promise<LambdaInvokeServer> {
  const invocations = new Map<string, number>();
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '000000000000';
  let served = '';
  const background = new Set<Promise<unknown>>();
  const server = createServer((request, response) => {
    void (async () => {
      const refusal = checkServedHost(request.headers.host, `http://${served}`);
      if (refusal) return send(response, refusal.statusCode, refusal.body);
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const match = INVOKE_PATH.exec(url.pathname);
      if (request.method !== 'POST' || !match) return refuse(response, 404, 'UnknownOperationException', `No such operation: ${request.method} ${url.pathname}`);
      const name = functionNameOf(decodeURIComponent(match[1] ?? ''));
      const target = functions.get(name);
      if (!target) return refuse(response, 404, 'ResourceNotFoundException', `Function not found: arn:aws:lambda:${region}:${accountId}:function:${name}`);
      const body = await readBody(request, INVOKE_MAX_REQUEST_BYTES);
      if (body === undefined) return refuse(response, 413, 'RequestTooLargeException', `Request must be smaller than ${INVOKE_MAX_REQUEST_BYTES} bytes for the InvokeFunction operation`);
      let event: unknown = {};
      try {
        if (body.length > 0) event = JSON.parse(body.toString('utf8'));
      } catch {
        return refuse(response, 400, 'InvalidRequestContentException', 'Could not parse request body into json');
      }
      const type = String(request.headers['x-amz-invocation-type'] ?? 'RequestResponse');
      if (type === 'DryRun') return send(response, 204, '');
      invocations.set(name, (invocations.get(name) ?? 0) + 1);
      if (type === 'Event') {
        const run = target(event).finally(() => background.delete(run));
        background.add(run);
        return send(response, 202, '');
      }
      const result = await target(event);
      const headers = { 'x-amz-executed-version': '$LATEST' };
      if (result.kind === 'returned') return send(response, 200, JSON.stringify(result.response ?? null), headers);
      send(response, 200, JSON.stringify({ errorMessage: result.message, errorType: 'Error' }), { ...headers, 'x-amz-function-error': 'Unhandled' });
    })().catch((error: unknown) => {
      if (!response.headersSent) refuse(response, 500, 'ServiceException', String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port ?? 0, host: '127.0.0.1' }, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  served = `127.0.0.1:${port}`;
  return {
    endpoint: `http://${served}`,
    invocations,
    close: async () => {
      await Promise.allSettled([...background]);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

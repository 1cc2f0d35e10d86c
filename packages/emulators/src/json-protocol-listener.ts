import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/** Bodies above this are refused before parsing: 10 entries or messages of 1 MiB, JSON-escaped, fit easily. */
export const MAX_JSON_BODY_BYTES = 64 * 1024 * 1024;

/** What the protocol layer needs from an emulator. */
export interface JsonOperationHandler {
  supports(operation: string): boolean;
  /**
   * Runs `operation` on the parsed request body and returns (or resolves to) the response body.
   * `signal` aborts when the client goes away before the answer or the server stops (it ends SQS long polls).
   */
  handle(operation: string, input: unknown, signal: AbortSignal): unknown;
}

/** How a service answers one error: HTTP status, the body's `__type` and `message`, and the headers that carry the code. */
export interface JsonErrorAnswer {
  readonly statusCode: number;
  readonly type: string;
  readonly message: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** Why a request was refused before any operation ran. */
export type JsonRequestRefusal = 'unknown-operation' | 'body-too-large' | 'invalid-json';

/**
 * What differs between services speaking the AWS JSON protocol: the version (1.0 for SQS, 1.1 for
 * EventBridge), the `X-Amz-Target` prefix, and how errors are shaped (EventBridge names the code in
 * `X-Amzn-ErrorType`, SQS adds the legacy query code in `x-amzn-query-error`).
 */
export interface JsonProtocol {
  /** The service as messages name it, e.g. `SQS`. */
  readonly serviceName: string;
  /** The service prefix of `X-Amz-Target`, e.g. `AmazonSQS.`. */
  readonly targetPrefix: string;
  /** The protocol version, also the `Content-Type` of every answer (`application/x-amz-json-<version>`). */
  readonly version: '1.0' | '1.1';
  /** The answer to a request refused before any operation ran. */
  refusal(reason: JsonRequestRefusal, message: string): JsonErrorAnswer;
  /** The answer to what an operation threw: API errors as the service sends them, anything else as its internal error (5xx). */
  errorAnswer(error: unknown): JsonErrorAnswer;
}

/**
 * An HTTP listener speaking the AWS JSON protocol as `protocol` describes it: `POST /` with
 * `X-Amz-Target: <prefix><Action>` and a JSON body; answers `200` with the JSON response, or the
 * error's status with `{ "__type": …, "message": … }` and the service's error headers. A missing or
 * unknown action is refused as `unknown-operation`, a body over `maxBodyBytes` as `body-too-large`,
 * one that is not JSON as `invalid-json`. `handler.handle` may answer asynchronously; the signal it
 * gets aborts when the client closes the connection before the answer, or when `stopping` aborts.
 *
 * @example
 * ```ts
 * const stopping = new AbortController();
 * const server = http.createServer(createJsonProtocolListener(SQS_JSON_PROTOCOL, sqs, stopping.signal));
 * ```
 */
export function createJsonProtocolListener(
  protocol: JsonProtocol,
  handler: JsonOperationHandler,
  stopping: AbortSignal,
  maxBodyBytes = MAX_JSON_BODY_BYTES,
): RequestListener {
  const respondWith = (response: ServerResponse, statusCode: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void => {
    const payload = JSON.stringify(body);
    response.writeHead(statusCode, {
      'Content-Type': `application/x-amz-json-${protocol.version}`,
      'Content-Length': Buffer.byteLength(payload),
      'x-amzn-RequestId': randomUUID(),
      ...headers,
    });
    response.end(payload);
  };
  const respondWithError = (response: ServerResponse, answer: JsonErrorAnswer): void =>
    respondWith(response, answer.statusCode, { __type: answer.type, message: answer.message }, answer.headers);

  const respond = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const operation = operationOf(request, protocol.targetPrefix);
    if (operation === undefined || !handler.supports(operation)) {
      request.resume();
      const message =
        operation === undefined
          ? `Expected POST / with an X-Amz-Target: ${protocol.targetPrefix}<Action> header (the AWS JSON ${protocol.version} protocol).`
          : `The ${protocol.serviceName} emulator does not implement ${operation}.`;
      respondWithError(response, protocol.refusal('unknown-operation', message));
      return;
    }
    const body = await readJsonBody(request, maxBodyBytes);
    if ('refusal' in body) {
      respondWithError(response, protocol.refusal(body.refusal, body.message));
      return;
    }
    const clientGone = new AbortController();
    const onClose = (): void => {
      if (!response.writableFinished) clientGone.abort();
    };
    response.on('close', onClose);
    try {
      const output = await handler.handle(operation, body.input, AbortSignal.any([clientGone.signal, stopping]));
      if (!response.destroyed) respondWith(response, 200, output ?? {});
    } catch (error) {
      respondWithError(response, protocol.errorAnswer(error));
    } finally {
      response.off('close', onClose);
    }
  };

  return (request, response) => {
    void respond(request, response).catch((error: unknown) => {
      if (!response.headersSent) respondWithError(response, protocol.errorAnswer(error));
      else response.destroy();
    });
  };
}

function operationOf(request: IncomingMessage, targetPrefix: string): string | undefined {
  const target = request.headers['x-amz-target'];
  if (request.method !== 'POST' || (request.url ?? '/').split('?')[0] !== '/') return undefined;
  return typeof target === 'string' && target.startsWith(targetPrefix) ? target.slice(targetPrefix.length) : undefined;
}

async function readJsonBody(
  request: IncomingMessage,
  maxBodyBytes: number,
): Promise<{ readonly input: unknown } | { readonly refusal: JsonRequestRefusal; readonly message: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBodyBytes) {
      request.resume();
      return { refusal: 'body-too-large', message: `Request body exceeds ${maxBodyBytes} bytes.` };
    }
    chunks.push(buffer);
  }
  const body = Buffer.concat(chunks);
  try {
    return { input: body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as unknown) };
  } catch {
    return { refusal: 'invalid-json', message: 'The request body is not valid JSON.' };
  }
}

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { apiErrorAnswer } from './api-error';

/** The service prefix of `X-Amz-Target` for EventBridge. */
export const EVENTBRIDGE_TARGET_PREFIX = 'AWSEvents.';
const CONTENT_TYPE = 'application/x-amz-json-1.1';
/** Bodies above this are refused before parsing: 10 entries of 1 MiB, JSON-escaped, fit easily. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** What the protocol layer needs from the bus. */
export interface JsonOperationHandler {
  supports(operation: string): boolean;
  handle(operation: string, input: unknown): unknown;
}

/**
 * An HTTP listener speaking the AWS JSON 1.1 protocol as EventBridge does: `POST /` with
 * `X-Amz-Target: AWSEvents.<Operation>` and a JSON body; answers `200` with the JSON response,
 * or the error status with `{ "__type": code, "message": … }` and an `X-Amzn-ErrorType` header.
 * Unknown operations get `UnknownOperationException`, unparseable bodies `SerializationException`,
 * invalid patterns `InvalidEventPatternException`, anything unexpected `500 InternalException`.
 *
 * @example
 * ```ts
 * const server = http.createServer(createJsonProtocolListener(bus));
 * ```
 */
export function createJsonProtocolListener(handler: JsonOperationHandler): RequestListener {
  return (request, response) => {
    void respond(handler, request, response).catch((error: unknown) => {
      if (!response.headersSent) sendError(response, 500, 'InternalException', apiErrorAnswer(error).message);
      else response.destroy();
    });
  };
}

async function respond(handler: JsonOperationHandler, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const target = request.headers['x-amz-target'];
  const operation = typeof target === 'string' && target.startsWith(EVENTBRIDGE_TARGET_PREFIX) ? target.slice(EVENTBRIDGE_TARGET_PREFIX.length) : undefined;
  if (request.method !== 'POST' || (request.url ?? '/').split('?')[0] !== '/' || operation === undefined) {
    request.resume();
    sendError(response, 400, 'UnknownOperationException', 'Expected POST / with an X-Amz-Target: AWSEvents.<Operation> header.');
    return;
  }
  if (!handler.supports(operation)) {
    request.resume();
    sendError(response, 400, 'UnknownOperationException', `The EventBridge emulator does not implement ${operation}.`);
    return;
  }
  const body = await readBody(request);
  if (body === undefined) {
    sendError(response, 413, 'SerializationException', `Request body exceeds ${MAX_BODY_BYTES} bytes.`);
    return;
  }
  let input: unknown;
  try {
    input = body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as unknown);
  } catch {
    sendError(response, 400, 'SerializationException', 'The request body is not valid JSON.');
    return;
  }
  try {
    send(response, 200, handler.handle(operation, input) ?? {});
  } catch (error) {
    const answer = apiErrorAnswer(error);
    sendError(response, answer.statusCode, answer.code, answer.message);
  }
}

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      request.resume();
      return undefined;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function send(response: ServerResponse, statusCode: number, body: unknown, errorType?: string): void {
  const payload = JSON.stringify(body);
  response.writeHead(statusCode, {
    'Content-Type': CONTENT_TYPE,
    'Content-Length': Buffer.byteLength(payload),
    'x-amzn-RequestId': randomUUID(),
    ...(errorType === undefined ? {} : { 'x-amzn-ErrorType': errorType }),
  });
  response.end(payload);
}

function sendError(response: ServerResponse, statusCode: number, code: string, message: string): void {
  send(response, statusCode, { __type: code, message }, code);
}

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { SqsApiError, SQS_ERRORS, type SqsErrorKind } from './errors';

/** The service prefix of `X-Amz-Target` for SQS. */
export const SQS_TARGET_PREFIX = 'AmazonSQS.';
const CONTENT_TYPE = 'application/x-amz-json-1.0';
/** Bodies above this are refused before parsing: 10 messages of 1 MiB, JSON-escaped, fit easily. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** What the protocol layer needs from the emulator. */
export interface SqsOperationHandler {
  supports(operation: string): boolean;
  /** `signal` aborts when the client goes away or the emulator stops (ends a long poll). */
  handle(operation: string, input: unknown, signal: AbortSignal): unknown;
}

/**
 * An HTTP listener speaking the AWS JSON 1.0 protocol as SQS does ("Interpreting Amazon SQS JSON
 * API responses", Amazon SQS Developer Guide): `POST /` with `X-Amz-Target: AmazonSQS.<Action>`
 * and a JSON body; answers `200` with the JSON response, or the error's status with
 * `{ "__type": "com.amazonaws.sqs#QueueDoesNotExist", "message": … }` and
 * `x-amzn-query-error: AWS.SimpleQueueService.NonExistentQueue;Sender`, the legacy code the SDK
 * (an `awsQueryCompatible` client) maps back to its exception classes. `signal` passed to the
 * handler aborts when the client closes the connection before the answer, or when `stopping` aborts.
 *
 * @example
 * ```ts
 * const server = http.createServer(createSqsJsonProtocolListener(sqs, stopping.signal));
 * ```
 */
export function createSqsJsonProtocolListener(handler: SqsOperationHandler, stopping: AbortSignal): RequestListener {
  return (request, response) => {
    void respond(handler, request, response, stopping).catch((error: unknown) => {
      if (!response.headersSent) sendError(response, SQS_ERRORS.InternalFailure, error instanceof Error ? error.message : String(error));
      else response.destroy();
    });
  };
}

async function respond(handler: SqsOperationHandler, request: IncomingMessage, response: ServerResponse, stopping: AbortSignal): Promise<void> {
  const target = request.headers['x-amz-target'];
  const operation = typeof target === 'string' && target.startsWith(SQS_TARGET_PREFIX) ? target.slice(SQS_TARGET_PREFIX.length) : undefined;
  if (request.method !== 'POST' || (request.url ?? '/').split('?')[0] !== '/' || operation === undefined) {
    request.resume();
    sendError(response, SQS_ERRORS.UnknownOperation, 'Expected POST / with an X-Amz-Target: AmazonSQS.<Action> header (the AWS JSON 1.0 protocol).');
    return;
  }
  if (!handler.supports(operation)) {
    request.resume();
    sendError(response, SQS_ERRORS.UnknownOperation, `The SQS emulator does not implement ${operation}.`);
    return;
  }
  const body = await readBody(request);
  if (body === undefined) {
    sendError(response, SQS_ERRORS.SerializationException, `Request body exceeds ${MAX_BODY_BYTES} bytes.`);
    return;
  }
  let input: unknown;
  try {
    input = body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as unknown);
  } catch {
    sendError(response, SQS_ERRORS.SerializationException, 'The request body is not valid JSON.');
    return;
  }
  const clientGone = new AbortController();
  const onClose = (): void => {
    if (!response.writableFinished) clientGone.abort();
  };
  response.on('close', onClose);
  try {
    const output = await handler.handle(operation, input, AbortSignal.any([clientGone.signal, stopping]));
    if (!response.destroyed) send(response, 200, output ?? {});
  } catch (error) {
    if (!(error instanceof SqsApiError)) throw error;
    sendError(response, error.kind, error.message);
  } finally {
    response.off('close', onClose);
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

function send(response: ServerResponse, statusCode: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  response.writeHead(statusCode, {
    'Content-Type': CONTENT_TYPE,
    'Content-Length': Buffer.byteLength(payload),
    'x-amzn-RequestId': randomUUID(),
    ...headers,
  });
  response.end(payload);
}

function sendError(response: ServerResponse, kind: SqsErrorKind, message: string): void {
  send(response, kind.statusCode, { __type: kind.type, message }, { 'x-amzn-query-error': `${kind.queryCode};${kind.statusCode < 500 ? 'Sender' : 'Receiver'}` });
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { batchRewriterFor } from './batch-rewriters';
import type { FaultHandlerContext } from './fault-context';
import type { FaultResponse } from './fault-response';
import { forward, readAll, relayStream } from './http-forward';
import { operationName } from './operation-name';
import { answerPartialBatch, relayWithQueueUrlsMoved } from './rewritten-answers';
import { serviceErrorResponse } from './service-errors';
import { SQS_QUEUE_URL_OPERATIONS } from './sqs-queue-urls';
import type { FaultKind } from './types';

/**
 * Handles one request: forwards it untouched, or injects the fault that an outage, a queued
 * fault or the seeded plan gives it.
 *
 * @example
 * ```ts
 * const server = http.createServer((request, response) => void handleWithFaults(context, request, response));
 * ```
 */
export async function handleWithFaults(context: FaultHandlerContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  try {
    await handle(context, request, response);
  } catch {
    // The emulator is unreachable or a stream broke: answer like a failing gateway (the SDK retries 502s).
    if (!response.headersSent && !response.destroyed) {
      response.writeHead(502, { 'content-type': 'text/plain' }).end('fault proxy: the emulator did not answer');
    } else {
      response.destroy();
    }
  }
}

async function handle(context: FaultHandlerContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const { service, counters } = context;
  const method = request.method ?? 'GET';
  const operation = operationName(service, method, request.url ?? '/', request.headers);
  if (!context.operations(operation)) return passThrough(context, request, response);

  const outage = context.outage.current();
  if (outage !== undefined) {
    counters.record('outage');
    if (outage.kind === 'refused') {
      context.onFault({ service, operation, kind: 'outage' });
      request.socket.destroy();
      return;
    }
    const { response: answer, code } = serviceErrorResponse({ service, operation, method }, outage.kind, (choices) => choices[0]);
    context.onFault({ service, operation, kind: 'outage', errorCode: code });
    return answerInstead(request, response, answer);
  }

  const rewriter = batchRewriterFor(service, operation);
  const kind = takeForced(context.forced, rewriter !== undefined) ?? context.decider.next(rewriter !== undefined);
  switch (kind) {
    case undefined:
      return passThrough(context, request, response);
    case 'throttle':
    case 'serverError': {
      const { response: answer, code } = serviceErrorResponse({ service, operation, method }, kind, (choices) => context.decider.pick(choices));
      counters.record(kind);
      context.onFault({ service, operation, kind, errorCode: code });
      return answerInstead(request, response, answer);
    }
    case 'dropBefore':
      counters.record(kind);
      context.onFault({ service, operation, kind });
      request.socket.destroy();
      return;
    case 'dropAfter': {
      const answer = await forward(context.upstream, request, 'stream');
      await readAll(answer);
      counters.record(kind);
      context.onFault({ service, operation, kind });
      request.socket.destroy();
      return;
    }
    case 'partialBatch':
      return answerPartialBatch(context, operation, request, response);
  }
}

/** The first queued fault, unless it is a partial batch and this is not a batch call (it waits for one). */
function takeForced(forced: FaultKind[], isBatch: boolean): FaultKind | undefined {
  const next = forced[0];
  if (next === undefined || (next === 'partialBatch' && !isBatch)) return undefined;
  forced.shift();
  return next;
}

async function passThrough(context: FaultHandlerContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const answer = await forward(context.upstream, request, 'stream');
  if (context.service === 'sqs' && SQS_QUEUE_URL_OPERATIONS.has(operationName('sqs', request.method ?? 'POST', request.url ?? '/', request.headers))) {
    return relayWithQueueUrlsMoved(context.upstream, request, answer, response);
  }
  await relayStream(answer, response);
}

async function answerInstead(request: IncomingMessage, response: ServerResponse, answer: FaultResponse): Promise<void> {
  await readAll(request);
  response.writeHead(answer.statusCode, answer.headers);
  response.end(answer.body);
}

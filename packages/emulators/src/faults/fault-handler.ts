import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { EntryFailure } from './batch-rewriter';
import { batchRewriterFor } from './batch-rewriters';
import type { FaultCounters } from './fault-counters';
import type { FaultDecider } from './fault-decider';
import type { FaultResponse } from './fault-response';
import { endToEndHeaders, forward, readAll, type Upstream } from './http-forward';
import { parseJsonBody, rewrittenJsonHeaders } from './json-body';
import { operationName } from './operation-name';
import type { Outage } from './outage';
import { serviceErrorResponse } from './service-errors';
import { SQS_QUEUE_URL_OPERATIONS, moveQueueUrls } from './sqs-queue-urls';
import type { FaultKind, FaultService, InjectedFault } from './types';

/** Everything one proxy's request handler works with. */
export interface FaultHandlerContext {
  readonly service: FaultService;
  readonly upstream: Upstream;
  readonly decider: FaultDecider;
  readonly counters: FaultCounters;
  readonly outage: Outage;
  /** Faults queued with `failNext`, taken before the plan is drawn from. */
  readonly forced: FaultKind[];
  readonly operations: (operation: string) => boolean;
  readonly onFault: (fault: InjectedFault) => void;
}

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
    const { response: answer, code } = serviceErrorResponse({ service, operation, method }, 'unavailable', (choices) => choices[0]);
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
      return partialBatch(context, operation, request, response);
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
    return relayWithQueueUrlsMoved(context, request, answer, response);
  }
  response.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEndHeaders(answer.headers));
  await pipeline(answer, response);
}

/** Relays an SQS answer with the queue URLs it names moved from the emulator to the proxy, where the client called. */
async function relayWithQueueUrlsMoved(context: FaultHandlerContext, request: IncomingMessage, answer: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = await readAll(answer);
  const parsed = answer.statusCode === 200 ? parseJsonBody(body, answer.headers) : undefined;
  const host = request.headers.host;
  if (parsed === undefined || host === undefined) {
    response.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEndHeaders(answer.headers));
    response.end(body);
    return;
  }
  const moved = Buffer.from(JSON.stringify(moveQueueUrls(parsed, context.upstream.target.origin, `http://${host}`)));
  response.writeHead(200, answer.statusMessage, rewrittenJsonHeaders(endToEndHeaders(answer.headers) as typeof answer.headers, moved, false));
  response.end(moved);
}

async function answerInstead(request: IncomingMessage, response: ServerResponse, answer: FaultResponse): Promise<void> {
  await readAll(request);
  response.writeHead(answer.statusCode, answer.headers);
  response.end(answer.body);
}

async function partialBatch(context: FaultHandlerContext, operation: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const { service, decider } = context;
  const rewriter = batchRewriterFor(service, operation);
  const body = await readAll(request);
  const input = parseJsonBody(body, request.headers);
  const entryCount = rewriter?.entryCount(input) ?? 0;
  const withheld = rewriter === undefined || input === undefined ? new Set<number>() : decider.withheldIndices(entryCount, rewriter.canFailAll);
  if (rewriter === undefined || input === undefined || withheld.size === 0) {
    // Nothing to split (not JSON, or a BatchWriteItem of one request): forward as it came.
    const answer = await forward(context.upstream, request, body);
    response.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEndHeaders(answer.headers));
    await pipeline(answer, response);
    return;
  }
  const failures = new Map<number, EntryFailure>([...withheld].sort((a, b) => a - b).map((index) => [index, decider.pick(rewriter.entryErrors)]));
  const split = rewriter.withhold(input, failures);

  let status = 200;
  let headers = { 'content-type': request.headers['content-type'] ?? 'application/x-amz-json-1.0', 'x-amzn-requestid': randomUUID() } as Record<string, string | string[] | undefined>;
  let forwarded: Record<string, unknown> | undefined;
  if (split.forward !== undefined) {
    const answer = await forward(context.upstream, request, Buffer.from(JSON.stringify(split.forward)));
    const answerBody = await readAll(answer);
    forwarded = answer.statusCode === 200 ? parseJsonBody(answerBody, answer.headers) : undefined;
    if (forwarded === undefined) {
      // The emulator failed the call as a whole: the client sees that failure, and retries every entry.
      response.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEndHeaders(answer.headers));
      response.end(answerBody);
      return;
    }
    status = answer.statusCode ?? 200;
    headers = endToEndHeaders(answer.headers) as typeof headers;
  }
  const rewritten = Buffer.from(JSON.stringify(split.respond(forwarded)));
  context.counters.record('partialBatch', withheld.size);
  context.onFault({ service, operation, kind: 'partialBatch', withheldEntries: withheld.size, totalEntries: entryCount });
  response.writeHead(status, rewrittenJsonHeaders(headers, rewritten, service === 'dynamodb'));
  response.end(rewritten);
}

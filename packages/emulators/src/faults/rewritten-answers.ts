import { randomUUID } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { EntryFailure } from './batch-rewriter';
import { batchRewriterFor } from './batch-rewriters';
import type { FaultHandlerContext } from './fault-context';
import { endToEndHeaders, forward, readAll, relayBuffered, relayStream, type Upstream } from './http-forward';
import { parseJsonBody, rewrittenJsonHeaders } from './json-body';
import { moveQueueUrls } from './sqs-queue-urls';

/**
 * Answers a batch call with some entries withheld: they are not forwarded, and come back failed in
 * the operation's own shape (see the rewriters). Forwarded as it came when there is nothing to
 * split (not JSON, or a BatchWriteItem of one request); the emulator's failure of the whole call
 * is relayed as it is (the client then retries every entry).
 *
 * @example
 * ```ts
 * await answerPartialBatch(context, 'PutRecords', request, response);
 * ```
 */
export async function answerPartialBatch(context: FaultHandlerContext, operation: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const { service, decider } = context;
  const rewriter = batchRewriterFor(service, operation);
  const body = await readAll(request);
  const input = parseJsonBody(body, request.headers);
  const entryCount = rewriter?.entryCount(input) ?? 0;
  const withheld = rewriter === undefined || input === undefined ? new Set<number>() : decider.withheldIndices(entryCount, rewriter.canFailAll);
  if (rewriter === undefined || input === undefined || withheld.size === 0) {
    await relayStream(await forward(context.upstream, request, body), response);
    return;
  }
  const failures = new Map<number, EntryFailure>([...withheld].sort((a, b) => a - b).map((index) => [index, decider.pick(rewriter.entryErrors)]));
  const split = rewriter.withhold(input, failures);

  let status = 200;
  let headers: OutgoingHttpHeaders = { 'content-type': request.headers['content-type'] ?? 'application/x-amz-json-1.0', 'x-amzn-requestid': randomUUID() };
  let forwarded: Record<string, unknown> | undefined;
  if (split.forward !== undefined) {
    const answer = await forward(context.upstream, request, Buffer.from(JSON.stringify(split.forward)));
    const answerBody = await readAll(answer);
    forwarded = answer.statusCode === 200 ? parseJsonBody(answerBody, answer.headers) : undefined;
    if (forwarded === undefined) {
      relayBuffered(answer, answerBody, response);
      return;
    }
    status = answer.statusCode ?? 200;
    headers = endToEndHeaders(answer.headers);
  }
  const rewritten = Buffer.from(JSON.stringify(split.respond(forwarded)));
  context.counters.record('partialBatch', withheld.size);
  context.onFault({ service, operation, kind: 'partialBatch', withheldEntries: withheld.size, totalEntries: entryCount });
  response.writeHead(status, rewrittenJsonHeaders(headers, rewritten, service === 'dynamodb'));
  response.end(rewritten);
}

/**
 * Relays an SQS answer with the queue URLs it names moved from the emulator to the proxy, at the
 * host the client called (see {@link moveQueueUrls}).
 *
 * @example
 * ```ts
 * await relayWithQueueUrlsMoved(upstream, request, await forward(upstream, request, 'stream'), response);
 * ```
 */
export async function relayWithQueueUrlsMoved(upstream: Upstream, request: IncomingMessage, answer: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = await readAll(answer);
  const parsed = answer.statusCode === 200 ? parseJsonBody(body, answer.headers) : undefined;
  const host = request.headers.host;
  if (parsed === undefined || host === undefined) {
    relayBuffered(answer, body, response);
    return;
  }
  const moved = Buffer.from(JSON.stringify(moveQueueUrls(parsed, upstream.target.origin, `http://${host}`)));
  response.writeHead(200, answer.statusMessage, rewrittenJsonHeaders(endToEndHeaders(answer.headers), moved, false));
  response.end(moved);
}

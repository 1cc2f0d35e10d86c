import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { publishResponse, type PublishFailure, type PublishReport } from './publish-outcome.js';
import { readRequestLine } from './invocation.js';
import { readJsonBody } from './read-body.js';
import { jsonResponse, problemResponse, type ErrorCode, type HttpProblem } from './responses.js';
import { routeRequest, type Route } from './route.js';
import { toBusEntries, type BusEntry, type EntrySettings } from './validate-entries.js';

/** The side effect the producer needs; the handler wires it to PutEvents. */
export interface ProducerPorts {
  /** Publishes entries; reports each one, by position, as published (with its event ID) or failed. */
  publish(entries: readonly BusEntry[]): Promise<PublishReport>;
}

/** The limits and target of every request. */
export interface ProducerSettings extends EntrySettings {
  readonly maxBodyBytes: number;
}

/** Counts and codes of one request, for the log line: never the body (it holds rider data). */
export interface RequestSummary {
  readonly route: Route | 'none';
  readonly status: number;
  readonly error?: ErrorCode;
  readonly bodyBytes?: number;
  readonly entries: number;
  readonly published: number;
  readonly failed: number;
  /** Entries named in the problem's issues (invalid, or too large). */
  readonly invalidEntries?: number;
}

/** The answer to a request, and what to log about it. */
export interface HandledRequest {
  readonly response: APIGatewayProxyStructuredResultV2;
  readonly summary: RequestSummary;
  /** The full reasons of entries that failed to publish (for the log; the client sees codes only). */
  readonly failures: readonly PublishFailure[];
}

/**
 * Answers one Function URL request: routes it, reads and validates the body, publishes every
 * entry or none of them when any is invalid, and answers with the status the outcome calls for
 * (see the README's status table). Only `ports.publish` has side effects.
 *
 * @example
 * ```ts
 * const { response, summary } = await handleRequest(event, { publish: (entries) => publishWithPutEvents(entries) }, settings);
 * logger.info('request handled', { ...summary });
 * return response;
 * ```
 */
export async function handleRequest(
  event: APIGatewayProxyEventV2,
  ports: ProducerPorts,
  settings: ProducerSettings,
): Promise<HandledRequest> {
  const requestLine = readRequestLine(event);
  if (requestLine === undefined) {
    const message = 'not a Function URL request: requestContext.http.method and rawPath are required (payload format 2.0)';
    return refused({ status: 400, error: 'InvalidRequest', message }, { route: 'none' });
  }
  const routed = routeRequest(requestLine.method, requestLine.path);
  if (!routed.ok) return refused(routed.problem, { route: 'none' });
  if (routed.route === 'health') {
    const summary: RequestSummary = { route: 'health', status: 200, entries: 0, published: 0, failed: 0 };
    return { response: jsonResponse(200, { status: 'ok' }), summary, failures: [] };
  }

  const read = readJsonBody(
    {
      contentType: headerValue(event.headers, 'content-type'),
      contentEncoding: headerValue(event.headers, 'content-encoding'),
      body: event.body,
      isBase64Encoded: event.isBase64Encoded,
    },
    settings.maxBodyBytes,
  );
  if (!read.ok) return refused(read.problem, { route: 'publish' });
  const bodyBytes = read.value.sizeBytes;
  const validated = toBusEntries(read.value.json, settings);
  if (!validated.ok) return refused(validated.problem, { route: 'publish', bodyBytes, entries: validated.entryCount ?? 0 });

  const { entries } = validated;
  const report = await ports.publish(entries);
  const { response, status, results } = publishResponse(entries.length, report);
  const failedCount = results.filter((result) => result.status === 'failed').length;
  const summary: RequestSummary = {
    route: 'publish',
    status,
    ...(status === 503 ? { error: 'PublishIncomplete' as const } : status === 422 ? { error: 'EntryRejected' as const } : {}),
    bodyBytes,
    entries: entries.length,
    published: entries.length - failedCount,
    failed: failedCount,
  };
  return { response, summary, failures: report.failed };
}

function refused(problem: HttpProblem, context: { route: Route | 'none'; bodyBytes?: number; entries?: number }): HandledRequest {
  const summary: RequestSummary = {
    entries: 0,
    ...context,
    status: problem.status,
    error: problem.error,
    published: 0,
    failed: 0,
    ...(problem.issues === undefined ? {} : { invalidEntries: problem.issues.length }),
  };
  return { response: problemResponse(problem), summary, failures: [] };
}

/** A header's value; Function URLs lower-case header names, other callers may not. */
function headerValue(headers: APIGatewayProxyEventV2['headers'] | undefined, name: string): string | undefined {
  if (headers === undefined) return undefined;
  const exact = headers[name];
  if (exact !== undefined) return exact;
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

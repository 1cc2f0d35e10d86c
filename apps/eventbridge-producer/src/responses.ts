import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** The machine-readable `error` of every non-2xx answer. */
export type ErrorCode =
  | 'NotFound'
  | 'MethodNotAllowed'
  | 'UnsupportedMediaType'
  | 'BodyTooLarge'
  | 'TooManyEntries'
  | 'EntryTooLarge'
  | 'InvalidJson'
  | 'InvalidRequest'
  | 'InvalidEntries'
  | 'PublishIncomplete'
  | 'EntryRejected'
  | 'InternalError';

/** What is wrong with one entry of the request, by its position (0 for a single-entry body). */
export interface EntryIssue {
  readonly index: number;
  /** `path: message; path: message`, as `formatIssues` renders them. */
  readonly message: string;
}

/**
 * A request the producer refuses, before anything is published. (`500` is only ever an
 * unexpected exception in the handler: a bug.)
 */
export interface HttpProblem {
  readonly status: 400 | 404 | 405 | 413 | 415 | 500;
  readonly error: ErrorCode;
  readonly message: string;
  /** Per-entry issues, when the problem is in entries. */
  readonly issues?: readonly EntryIssue[];
  /** Extra headers, e.g. `allow` for 405. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * A Function URL answer with a JSON body and `content-type: application/json`.
 *
 * @example
 * ```ts
 * jsonResponse(200, { status: 'ok' });
 * // { statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"status":"ok"}' }
 * ```
 */
export function jsonResponse(
  statusCode: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/**
 * The answer to a refused request: `{ error, message, issues? }` with the problem's status and
 * headers.
 *
 * @example
 * ```ts
 * problemResponse({ status: 405, error: 'MethodNotAllowed', message: 'use POST', headers: { allow: 'POST' } });
 * ```
 */
export function problemResponse(problem: HttpProblem): APIGatewayProxyStructuredResultV2 {
  const { status, error, message, issues, headers } = problem;
  return jsonResponse(status, issues === undefined ? { error, message } : { error, message, issues }, headers);
}

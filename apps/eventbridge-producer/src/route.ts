import type { HttpProblem } from './responses.js';

/** What a request asks for. */
export type Route = 'publish' | 'health';

/** Each path and, per method, the route it serves. `POST /` is an alias of `POST /events`. */
const ROUTES: Readonly<Record<string, Readonly<Record<string, Route>>>> = {
  '/events': { POST: 'publish' },
  '/': { POST: 'publish' },
  '/health': { GET: 'health' },
};

/** Longest path or method a problem message repeats: a request's path can be 64 KB. */
export const MAX_ECHOED_CHARS = 128;

/**
 * `text` as a problem message may repeat it: at most {@link MAX_ECHOED_CHARS} characters, with the
 * length of what was cut said instead.
 *
 * @example
 * ```ts
 * echoed('/x'.repeat(100)); // '/x/x…/x… (200 characters)' (128 characters, then the total)
 * ```
 */
export function echoed(text: string): string {
  return text.length <= MAX_ECHOED_CHARS ? text : `${text.slice(0, MAX_ECHOED_CHARS)}… (${text.length} characters)`;
}

/**
 * Finds the route of a request: 404 for a path the producer does not serve, 405 with an
 * `allow` header for a method the path does not take. One trailing slash is ignored
 * (`/events/` is `/events`). Messages repeat at most {@link MAX_ECHOED_CHARS} characters of the
 * path and method. Pure.
 *
 * @example
 * ```ts
 * routeRequest('POST', '/events'); // { ok: true, route: 'publish' }
 * routeRequest('GET', '/events');  // { ok: false, problem: { status: 405, headers: { allow: 'POST' }, ... } }
 * ```
 */
export function routeRequest(method: string, rawPath: string): { ok: true; route: Route } | { ok: false; problem: HttpProblem } {
  const path = rawPath.length > 1 && rawPath.endsWith('/') ? rawPath.slice(0, -1) : rawPath;
  const methods = Object.hasOwn(ROUTES, path) ? ROUTES[path] : undefined;
  if (methods === undefined) {
    return { ok: false, problem: { status: 404, error: 'NotFound', message: `no resource at ${echoed(path)}; publish with POST /events` } };
  }
  const upper = method.toUpperCase();
  const route = Object.hasOwn(methods, upper) ? methods[upper] : undefined;
  if (route === undefined) {
    const allow = Object.keys(methods).join(', ');
    return {
      ok: false,
      problem: { status: 405, error: 'MethodNotAllowed', message: `${echoed(upper)} is not allowed on ${path}; use ${allow}`, headers: { allow } },
    };
  }
  return { ok: true, route };
}

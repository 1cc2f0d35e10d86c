import type { HttpProblem } from './responses.js';

/** What a request asks for. */
export type Route = 'publish' | 'health';

/** Each path and, per method, the route it serves. `POST /` is an alias of `POST /events`. */
const ROUTES: Readonly<Record<string, Readonly<Record<string, Route>>>> = {
  '/events': { POST: 'publish' },
  '/': { POST: 'publish' },
  '/health': { GET: 'health' },
};

/**
 * Finds the route of a request: 404 for a path the producer does not serve, 405 with an
 * `allow` header for a method the path does not take. One trailing slash is ignored
 * (`/events/` is `/events`). Pure.
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
    return { ok: false, problem: { status: 404, error: 'NotFound', message: `no resource at ${path}; publish with POST /events` } };
  }
  const upper = method.toUpperCase();
  const route = Object.hasOwn(methods, upper) ? methods[upper] : undefined;
  if (route === undefined) {
    const allow = Object.keys(methods).join(', ');
    return {
      ok: false,
      problem: { status: 405, error: 'MethodNotAllowed', message: `${upper} is not allowed on ${path}; use ${allow}`, headers: { allow } },
    };
  }
  return { ok: true, route };
}

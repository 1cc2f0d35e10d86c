import { describe, expect, it } from 'vitest';
import { routeRequest } from '../../src/route.js';

describe('routeRequest', () => {
  it.each([
    ['POST', '/events', 'publish'],
    ['POST', '/', 'publish'],
    ['post', '/events/', 'publish'],
    ['GET', '/health', 'health'],
  ])('routes %s %s to %s', (method, path, route) => {
    expect(routeRequest(method, path)).toEqual({ ok: true, route });
  });

  it.each([
    ['GET', '/events', 'POST'],
    ['PUT', '/', 'POST'],
    ['DELETE', '/health', 'GET'],
  ])('answers %s %s with 405 and allow: %s', (method, path, allow) => {
    const routed = routeRequest(method, path);

    expect(routed.ok).toBe(false);
    expect(routed.ok ? undefined : routed.problem).toMatchObject({ status: 405, error: 'MethodNotAllowed', headers: { allow } });
  });

  it.each(['/event', '/events/extra', '/constructor', '/__proto__', '/health/extra'])('answers an unknown path %s with 404 for any method', (path) => {
    for (const method of ['GET', 'POST']) {
      const routed = routeRequest(method, path);
      expect(routed.ok ? undefined : routed.problem.status).toBe(404);
    }
  });
});

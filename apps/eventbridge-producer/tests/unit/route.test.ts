import { describe, expect, it } from 'vitest';
import { MAX_ECHOED_CHARS, echoed, routeRequest } from '../../src/route.js';

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

describe('echoed paths and methods', () => {
  it('answers a 64 KB path with a 404 whose message repeats at most 128 characters of it', () => {
    // Prepare
    const path = `/${'a'.repeat(64 * 1024)}`;

    // Act
    const result = routeRequest('POST', path);

    // Assess
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.problem.message;
    expect(message).toBe(`no resource at /${'a'.repeat(MAX_ECHOED_CHARS - 1)}… (${path.length} characters); publish with POST /events`);
    expect(message.length).toBeLessThan(200);
  });

  it('caps a long method in the 405 message', () => {
    // Act
    const result = routeRequest('X'.repeat(10_000), '/events');

    // Assess
    expect(result.ok ? '' : result.problem.message).toBe(`${'X'.repeat(MAX_ECHOED_CHARS)}… (10000 characters) is not allowed on /events; use POST`);
  });

  it('leaves short text as it is', () => {
    // Act
    const text = echoed('/nowhere');

    // Assess
    expect(text).toBe('/nowhere');
  });
});

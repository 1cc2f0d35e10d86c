import { describe, expect, it } from 'vitest';
import { readRequestLine, requestIdOf } from '../../src/invocation.js';

describe('readRequestLine', () => {
  it('reads the method and raw path of a Function URL event', () => {
    // Act
    const line = readRequestLine({ rawPath: '/events', requestContext: { http: { method: 'POST' } } });

    // Assess
    expect(line).toEqual({ method: 'POST', path: '/events' });
  });

  it.each([
    ['null', null],
    ['a string', 'hello'],
    ['an empty object', {}],
    ['an event without a method', { rawPath: '/events', requestContext: {} }],
    ['an event whose method is not a string', { rawPath: '/events', requestContext: { http: { method: 7 } } }],
    ['an event without a raw path', { requestContext: { http: { method: 'POST' } } }],
  ])('finds none in %s', (_case, event) => {
    // Act
    const line = readRequestLine(event);

    // Assess
    expect(line).toBeUndefined();
  });
});

describe('requestIdOf', () => {
  it("takes the Function URL's request id", () => {
    // Act
    const id = requestIdOf({ requestContext: { requestId: 'url-id' } }, { awsRequestId: 'invoke-id' });

    // Assess
    expect(id).toBe('url-id');
  });

  it.each([[null], [{}], [{ requestContext: 'x' }], [{ requestContext: { requestId: 5 } }]])(
    "falls back to the invocation's request id for %j",
    (event) => {
      // Act
      const id = requestIdOf(event, { awsRequestId: 'invoke-id' });

      // Assess
      expect(id).toBe('invoke-id');
    },
  );
});

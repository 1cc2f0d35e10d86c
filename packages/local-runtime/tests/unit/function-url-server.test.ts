import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { PortInUseError } from '@wildrydes/emulators';
import type { Invocation } from '../../src/function-host/function-host.js';
import { startFunctionUrlServer } from '../../src/http/function-url-server.js';
import { fromFunctionUrlResult, toFunctionUrlEvent } from '../../src/http/function-url-event.js';

const returned = (response: unknown): Invocation => ({ kind: 'returned', response, durationMs: 1, coldStart: false });

/** A real HTTP request to the server's port with a chosen `Host` header (fetch does not let a caller set it). */
function requestWithHost(port: number, host: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port, method: 'POST', path: '/events', headers: { host, 'content-type': 'application/json' } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

describe('toFunctionUrlEvent', () => {
  it('builds a payload-format-2.0 event', () => {
    const event = toFunctionUrlEvent(
      {
        method: 'POST',
        url: '/events?dry=1&tag=a&tag=b',
        headers: { 'Content-Type': 'application/json', Cookie: 'a=1; b=2', 'X-Many': ['x', 'y'] },
        body: Buffer.from('{"a":1}'),
        sourceIp: '127.0.0.1',
      },
      { accountId: '000000000000', urlId: 'producer', nowMs: 0 },
    );
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: '$default',
      rawPath: '/events',
      rawQueryString: 'dry=1&tag=a&tag=b',
      cookies: ['a=1', 'b=2'],
      headers: { 'content-type': 'application/json', 'x-many': 'x,y' },
      queryStringParameters: { dry: '1', tag: 'a,b' },
      requestContext: { http: { method: 'POST', path: '/events' }, accountId: '000000000000' },
      body: '{"a":1}',
      isBase64Encoded: false,
    });
  });

  it('base64-encodes a binary body', () => {
    const event = toFunctionUrlEvent(
      { method: 'POST', url: '/', headers: { 'content-type': 'application/octet-stream' }, body: Buffer.from([1, 2, 3]), sourceIp: '::1' },
      { accountId: '0', urlId: 'u', nowMs: 0 },
    );
    expect(event).toMatchObject({ body: 'AQID', isBase64Encoded: true });
  });
});

describe('fromFunctionUrlResult', () => {
  it('uses a structured result as given and turns anything else into a JSON 200', () => {
    expect(fromFunctionUrlResult({ statusCode: 202, headers: { 'Content-Type': 'application/json' }, body: '{}' })).toMatchObject({
      statusCode: 202,
      headers: { 'content-type': 'application/json' },
    });
    expect(fromFunctionUrlResult({ ok: true })).toMatchObject({ statusCode: 200, body: Buffer.from('{"ok":true}') });
  });
});

describe('startFunctionUrlServer', () => {
  it('serves the function over real HTTP, with 502 for a function error and 413 over 6 MB', async () => {
    const seen: APIGatewayProxyEventV2[] = [];
    const server = await startFunctionUrlServer({
      accountId: '000000000000',
      urlId: 'producer',
      invoke: async (event) => {
        const request = event as APIGatewayProxyEventV2;
        seen.push(request);
        if (request.rawPath === '/boom') return { kind: 'error', message: 'boom', durationMs: 1, coldStart: false };
        return returned({ statusCode: 202, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ echo: request.body }) });
      },
    });
    try {
      const ok = await fetch(`${server.url}/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"x":1}' });
      expect(ok.status).toBe(202);
      expect(await ok.json()).toEqual({ echo: '{"x":1}' });
      expect((await fetch(`${server.url}/boom`)).status).toBe(502);
      const huge = await fetch(`${server.url}/events`, { method: 'POST', body: Buffer.alloc(6 * 1024 * 1024 + 1) });
      expect(huge.status).toBe(413);
      expect(seen).toHaveLength(2);
      expect(server.responses).toEqual(new Map([[202, 1], [502, 1], [413, 1]]));
    } finally {
      await server.close();
    }
  });

  it('answers only requests for the host it printed: 421 for any other Host (DNS rebinding), without invoking the function', async () => {
    // Prepare
    const invoked: unknown[] = [];
    const server = await startFunctionUrlServer({
      accountId: '000000000000',
      urlId: 'producer',
      invoke: async (event) => {
        invoked.push(event);
        return returned({ statusCode: 202, body: '{}' });
      },
    });
    try {
      // Act
      const rebound = await requestWithHost(server.port, `rebind.attacker.example:${server.port}`, '{"x":1}');
      const otherLoopbackName = await requestWithHost(server.port, `localhost:${server.port}`, '{"x":1}');
      const otherPort = await requestWithHost(server.port, '127.0.0.1:1', '{"x":1}');
      const printed = await requestWithHost(server.port, new URL(server.url).host, '{"x":1}');

      // Assess
      expect([rebound.status, otherLoopbackName.status, otherPort.status]).toEqual([421, 421, 421]);
      expect(JSON.parse(rebound.body).message).toContain(`answers only requests for ${server.url}`);
      expect(JSON.parse(rebound.body).message).toContain('"rebind.attacker.example:');
      expect(printed.status).toBe(202);
      expect(invoked).toHaveLength(1);
      expect(server.responses).toEqual(new Map([[421, 3], [202, 1]]));
    } finally {
      await server.close();
    }
  });

  it('names the port when it is already taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      await expect(startFunctionUrlServer({ port, accountId: '0', urlId: 'u', invoke: async () => returned(null) })).rejects.toThrow(PortInUseError);
    } finally {
      blocker.close();
    }
  });
});

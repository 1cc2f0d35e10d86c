import { randomBytes } from 'node:crypto';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAULT_PROFILES, InvalidFaultPlanError, InvalidFaultProxyOptionsError, findFreePort, startFaultProxy, type RunningFaultProxy } from '../../src/index';
import { closeHttpServer, listenOnLoopback } from '../../src/http-server';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A stand-in emulator: records what reaches it and answers a fixed binary body in chunks. */
async function startRecordingTarget(answer: Buffer): Promise<{ endpoint: string; received: Received[]; stop(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      received.push({ method: incoming.method ?? '', url: incoming.url ?? '', headers: incoming.headers, body: Buffer.concat(chunks) });
      response.writeHead(201, { 'content-type': 'application/octet-stream', 'x-amz-request-id': 'target-request', etag: '"abc"' });
      for (let offset = 0; offset < answer.length; offset += 64 * 1024) response.write(answer.subarray(offset, offset + 64 * 1024));
      response.end();
    });
  });
  const port = await listenOnLoopback(server);
  return { endpoint: `http://127.0.0.1:${port}`, received, stop: () => closeHttpServer(server) };
}

function send(port: number, path: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, method: 'PUT', path, headers, agent: false }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body: Buffer.concat(chunks) }));
    });
    outgoing.on('error', reject);
    // Written in pieces without a length: the proxy must stream a chunked body through.
    for (let offset = 0; offset < body.length; offset += 100_000) outgoing.write(body.subarray(offset, offset + 100_000));
    outgoing.end();
  });
}

describe('startFaultProxy: forwarding', () => {
  let target: Awaited<ReturnType<typeof startRecordingTarget>>;
  let proxy: RunningFaultProxy;
  const answer = randomBytes(700_001);

  beforeEach(async () => {
    target = await startRecordingTarget(answer);
    proxy = await startFaultProxy({ service: 's3', target: target.endpoint, plan: FAULT_PROFILES.none });
  });

  afterEach(async () => {
    await proxy.stop();
    await target.stop();
  });

  it('forwards method, path, query, headers (Host as the client signed it) and the body unchanged, and answers the target byte for byte', async () => {
    // Prepare
    const body = randomBytes(1_234_567);
    const headers = {
      host: `127.0.0.1:${proxy.port}`,
      authorization: 'AWS4-HMAC-SHA256 Credential=local/20240101/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc',
      'x-amz-date': '20240101T000000Z',
      'x-amz-meta-origin': 'unicorn',
    };

    // Act
    const reply = await send(proxy.port, '/bucket/some%20key?x-id=PutObject', headers, body);

    // Assess
    const [seen] = target.received;
    expect(seen?.method).toBe('PUT');
    expect(seen?.url).toBe('/bucket/some%20key?x-id=PutObject');
    expect(seen?.headers).toMatchObject(headers);
    expect(seen?.headers['transfer-encoding']).toBe('chunked');
    expect(seen?.body.equals(body)).toBe(true);
    expect(reply.status).toBe(201);
    expect(reply.headers).toMatchObject({ 'content-type': 'application/octet-stream', 'x-amz-request-id': 'target-request', etag: '"abc"' });
    expect(reply.body.equals(answer)).toBe(true);
  });

  it('answers 502 when the emulator cannot be reached', async () => {
    // Prepare
    const unreachable = await startFaultProxy({ service: 's3', target: `http://127.0.0.1:${await findFreePort()}` });

    // Act
    const reply = await send(unreachable.port, '/bucket/key', {}, Buffer.from('x'));
    await unreachable.stop();

    // Assess
    expect(reply.status).toBe(502);
  });

  it('refuses unknown services, non-http targets, bad plans and bad queued faults, naming the value', async () => {
    await expect(startFaultProxy({ service: 'sns' as never, target: target.endpoint })).rejects.toThrow(new InvalidFaultProxyOptionsError('service must be one of kinesis, dynamodb, s3, eventbridge, sqs (given sns)'));
    await expect(startFaultProxy({ service: 's3', target: 'https://127.0.0.1:1' })).rejects.toThrow(InvalidFaultProxyOptionsError);
    await expect(startFaultProxy({ service: 's3', target: target.endpoint, plan: { ...FAULT_PROFILES.none, throttle: -1 } })).rejects.toThrow(InvalidFaultPlanError);
    expect(() => proxy.failNext('throttle', 0)).toThrow(/count must be an integer >= 1 \(given 0\)/);
    expect(() => proxy.startOutage(-5)).toThrow(RangeError);
  });
});

import { createServer, type Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeHttpServer, listenOnLoopback } from '../../src/http-server';
import { createJsonProtocolListener, type JsonOperationHandler, type JsonProtocol } from '../../src/json-protocol-listener';
import { loopbackEndpoint } from '../../src/running-emulator';

/** A dialect that names what it was asked to answer, so each test sees which path the listener took. */
const testProtocol: JsonProtocol = {
  serviceName: 'Test',
  targetPrefix: 'TestService.',
  version: '1.0',
  refusal: (reason, message) => ({ statusCode: reason === 'body-too-large' ? 413 : 400, type: reason, message, headers: { 'x-test-error': reason } }),
  errorAnswer: (error) => ({ statusCode: 500, type: 'thrown', message: error instanceof Error ? error.message : String(error), headers: { 'x-test-error': 'thrown' } }),
};

interface Call {
  readonly operation: string;
  readonly input: unknown;
  readonly signal: AbortSignal;
}

async function post(endpoint: string, body: string, headers: Record<string, string> = {}, init: RequestInit = {}): Promise<{ status: number; json: unknown; headers: Headers }> {
  const response = await fetch(endpoint, { method: 'POST', body, headers: { 'Content-Type': 'application/x-amz-json-1.0', ...headers }, ...init });
  return { status: response.status, json: await response.json(), headers: response.headers };
}

/** The next call the handler gets, and the function that hands it over. */
function nextCall(): { promise: Promise<Call>; resolve: (call: Call) => void } {
  let resolve: (call: Call) => void = () => undefined;
  const promise = new Promise<Call>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

describe('createJsonProtocolListener (the AWS JSON protocol shared by the SQS and EventBridge emulators)', () => {
  const calls: Call[] = [];
  let answer: (call: Call) => unknown;
  let stopping: AbortController;
  let server: Server;
  let endpoint: string;
  const handler: JsonOperationHandler = {
    supports: (operation) => operation === 'Echo',
    handle: (operation, input, signal) => {
      const call = { operation, input, signal };
      calls.push(call);
      return answer(call);
    },
  };

  beforeEach(async () => {
    calls.length = 0;
    answer = ({ input }) => input;
    stopping = new AbortController();
    server = createServer(createJsonProtocolListener(testProtocol, handler, stopping.signal, 64));
    endpoint = loopbackEndpoint(await listenOnLoopback(server));
  });

  afterEach(async () => {
    stopping.abort();
    await closeHttpServer(server);
  });

  it('hands POST / with X-Amz-Target: <prefix><Action> to the handler and answers 200 with its JSON, the version content type and a request id', async () => {
    // Act
    const echoed = await post(endpoint, '{"QueueName":"rides-dlq"}', { 'X-Amz-Target': 'TestService.Echo' });
    const empty = await post(endpoint, '', { 'X-Amz-Target': 'TestService.Echo' });

    // Assess
    expect(calls.map(({ operation, input }) => ({ operation, input }))).toEqual([
      { operation: 'Echo', input: { QueueName: 'rides-dlq' } },
      { operation: 'Echo', input: {} },
    ]);
    expect(echoed.status).toBe(200);
    expect(echoed.json).toEqual({ QueueName: 'rides-dlq' });
    expect(echoed.headers.get('content-type')).toBe('application/x-amz-json-1.0');
    expect(echoed.headers.get('x-amzn-requestid')).toBeTruthy();
    expect(empty.json).toEqual({});
  });

  it('answers {} when the handler returns nothing, and awaits a handler that answers later', async () => {
    // Prepare
    answer = ({ input }) => (input === null ? undefined : Promise.resolve({ later: true }));

    // Act
    const nothing = await post(endpoint, 'null', { 'X-Amz-Target': 'TestService.Echo' });
    const later = await post(endpoint, '{}', { 'X-Amz-Target': 'TestService.Echo' });

    // Assess
    expect([nothing.status, nothing.json]).toEqual([200, {}]);
    expect([later.status, later.json]).toEqual([200, { later: true }]);
  });

  it('refuses a missing, foreign or unsupported target, another method or path as unknown-operation, without calling the handler', async () => {
    // Act
    const noTarget = await post(endpoint, '{}');
    const foreign = await post(endpoint, '{}', { 'X-Amz-Target': 'AWSEvents.Echo' });
    const unsupported = await post(endpoint, '{}', { 'X-Amz-Target': 'TestService.AddPermission' });
    const otherPath = await post(`${endpoint}/queue`, '{}', { 'X-Amz-Target': 'TestService.Echo' });
    const get = await fetch(endpoint, { headers: { 'X-Amz-Target': 'TestService.Echo' } });

    // Assess
    expect(calls).toEqual([]);
    expect(noTarget).toMatchObject({
      status: 400,
      json: { __type: 'unknown-operation', message: 'Expected POST / with an X-Amz-Target: TestService.<Action> header (the AWS JSON 1.0 protocol).' },
    });
    expect(noTarget.headers.get('x-test-error')).toBe('unknown-operation');
    expect(foreign.json).toMatchObject({ __type: 'unknown-operation' });
    expect(unsupported.json).toEqual({ __type: 'unknown-operation', message: 'The Test emulator does not implement AddPermission.' });
    expect(otherPath.json).toMatchObject({ __type: 'unknown-operation' });
    expect(get.status).toBe(400);
  });

  it('refuses a body over the limit as body-too-large and one that is not JSON as invalid-json', async () => {
    // Act
    const tooLarge = await post(endpoint, JSON.stringify({ body: 'x'.repeat(100) }), { 'X-Amz-Target': 'TestService.Echo' });
    const notJson = await post(endpoint, '{"QueueName":', { 'X-Amz-Target': 'TestService.Echo' });

    // Assess
    expect(calls).toEqual([]);
    expect(tooLarge).toMatchObject({ status: 413, json: { __type: 'body-too-large', message: 'Request body exceeds 64 bytes.' } });
    expect(notJson).toMatchObject({ status: 400, json: { __type: 'invalid-json', message: 'The request body is not valid JSON.' } });
  });

  it("answers what the handler throws, synchronously or not, with the dialect's error answer and headers", async () => {
    // Prepare
    answer = ({ input }) => {
      if (input === 1) throw new Error('sync failure');
      return Promise.reject(new Error('async failure'));
    };

    // Act
    const sync = await post(endpoint, '1', { 'X-Amz-Target': 'TestService.Echo' });
    const async = await post(endpoint, '2', { 'X-Amz-Target': 'TestService.Echo' });

    // Assess
    expect(sync).toMatchObject({ status: 500, json: { __type: 'thrown', message: 'sync failure' } });
    expect(sync.headers.get('x-test-error')).toBe('thrown');
    expect(async).toMatchObject({ status: 500, json: { __type: 'thrown', message: 'async failure' } });
  });

  it("aborts the handler's signal when the client goes away before the answer", async () => {
    // Prepare
    const handed = nextCall();
    answer = (call) => {
      handed.resolve(call);
      return new Promise((resolve) => call.signal.addEventListener('abort', () => resolve({}), { once: true }));
    };
    const client = new AbortController();
    const request = post(endpoint, '{}', { 'X-Amz-Target': 'TestService.Echo' }, { signal: client.signal }).catch((error: unknown) => error);
    const call = await handed.promise;

    // Act
    client.abort();
    await new Promise((resolve) => call.signal.addEventListener('abort', resolve, { once: true }));

    // Assess
    expect(call.signal.aborted).toBe(true);
    expect(stopping.signal.aborted).toBe(false);
    expect(await request).toMatchObject({ name: 'AbortError' });
  });

  it("aborts the handler's signal when the server stops, and the handler's late answer still reaches the client", async () => {
    // Prepare
    const handed = nextCall();
    answer = (call) => {
      handed.resolve(call);
      return new Promise((resolve) => call.signal.addEventListener('abort', () => resolve({ Messages: [] }), { once: true }));
    };
    const request = post(endpoint, '{}', { 'X-Amz-Target': 'TestService.Echo' });
    const call = await handed.promise;

    // Act
    stopping.abort();
    const answered = await request;

    // Assess
    expect(call.signal.aborted).toBe(true);
    expect([answered.status, answered.json]).toEqual([200, { Messages: [] }]);
  });
});

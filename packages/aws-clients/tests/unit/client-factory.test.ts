import { ListTablesCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ListEventBusesCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { ListStreamsCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createDynamoDbClient,
  createEventBridgeClient,
  createKeepAliveHttpHandler,
  createKinesisClient,
  createS3Client,
  InvalidOptionsError,
  keepAliveHandlerOptions,
} from '../../src/index.js';

interface SentRequest {
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  headers: Record<string, string>;
}

/** The one overload of `middlewareStack.add` used here, the same for every client. */
interface BuildStepStack {
  add(
    middleware: () => (args: { request: unknown }) => Promise<never>,
    options: { step: 'build'; priority: 'low' },
  ): void;
}

class RequestCaptured extends Error {
  public constructor(public readonly request: SentRequest) {
    super('request captured');
  }
}

/** Sends a command and returns the HTTP request the SDK built, without any network I/O. */
async function capturedRequest(
  client: DynamoDBClient | EventBridgeClient | KinesisClient | S3Client,
  send: () => Promise<unknown>,
): Promise<SentRequest> {
  // The build step runs after endpoint resolution and before the request is signed and sent.
  (client.middlewareStack as unknown as BuildStepStack).add(
    () => async (args) => {
      throw new RequestCaptured(args.request as SentRequest);
    },
    { step: 'build', priority: 'low' },
  );
  const error = await send().catch((caught: unknown) => caught);
  if (!(error instanceof RequestCaptured)) throw error;
  return error.request;
}

/**
 * Static fake credentials, so the SDK looks for no credential files or metadata service, nor a
 * developer's shared config, which may name an endpoint_url or checksum settings of its own.
 */
function stubFakeCredentials(): void {
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'fake-secret');
  vi.stubEnv('AWS_SESSION_TOKEN', '');
  vi.stubEnv('AWS_PROFILE', '');
  vi.stubEnv('AWS_CONFIG_FILE', 'no-such-aws-config');
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', 'no-such-aws-credentials');
}

/**
 * The handler resolves its config (and the HTTP agent) lazily; an aborted call of each protocol
 * resolves it without any I/O.
 */
async function resolvedHandlerConfig(handler: NodeHttpHandler) {
  for (const protocol of ['https:', 'http:']) {
    const request = { protocol, hostname: 'localhost', method: 'GET', path: '/', headers: {} };
    await handler.handle(request as never, { abortSignal: AbortSignal.abort() }).catch(() => undefined);
  }
  return handler.httpHandlerConfigs();
}

describe('client factory', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('gives Kinesis the HTTP/1.1 NodeHttpHandler, not the default HTTP/2 one', () => {
    // Act
    const client = createKinesisClient({ region: 'eu-west-1' });

    // Assess
    expect(client.config.requestHandler).toBeInstanceOf(NodeHttpHandler);
    expect(client.config.requestHandler.metadata?.handlerProtocol).toBe('http/1.1');
  });

  it.each([
    ['DynamoDB', () => createDynamoDbClient({ region: 'eu-west-1' })],
    ['Kinesis', () => createKinesisClient({ region: 'eu-west-1' })],
    ['S3', () => createS3Client({ region: 'eu-west-1' })],
    ['EventBridge', () => createEventBridgeClient({ region: 'eu-west-1' })],
  ])('gives %s keep-alive agents with 50 sockets and timeouts', async (_service, create) => {
    // Prepare
    const client = create();

    // Act
    const config = await resolvedHandlerConfig(client.config.requestHandler as NodeHttpHandler);

    // Assess
    expect(config.httpsAgent).toMatchObject({ keepAlive: true, maxSockets: 50 });
    expect(config.httpAgent).toMatchObject({ keepAlive: true, maxSockets: 50 });
    expect(config).toMatchObject({ connectionTimeout: 3_000, requestTimeout: 10_000, throwOnRequestTimeout: true });
  });

  it('passes region, maxAttempts and HTTP settings through', async () => {
    // Act
    const client = createDynamoDbClient({ region: 'eu-central-1', maxAttempts: 5, maxSockets: 8, requestTimeoutMs: 2_500 });

    // Assess
    await expect(client.config.region()).resolves.toBe('eu-central-1');
    await expect(client.config.maxAttempts()).resolves.toBe(5);
    const config = await resolvedHandlerConfig(client.config.requestHandler as NodeHttpHandler);
    expect(config.httpsAgent).toMatchObject({ maxSockets: 8 });
    expect(config.requestTimeout).toBe(2_500);
  });

  it('leaves region and maxAttempts to the SDK when not given', async () => {
    // Prepare
    vi.stubEnv('AWS_REGION', 'ap-southeast-2');
    vi.stubEnv('AWS_MAX_ATTEMPTS', '7');

    // Act
    const client = createDynamoDbClient();

    // Assess
    await expect(client.config.region()).resolves.toBe('ap-southeast-2');
    await expect(client.config.maxAttempts()).resolves.toBe(7);
  });

  it('uses an injected request handler as is', () => {
    // Prepare
    const requestHandler = createKeepAliveHttpHandler({ maxSockets: 2 });

    // Act
    const client = createS3Client({ region: 'eu-west-1', requestHandler });

    // Assess
    expect(client.config.requestHandler).toBe(requestHandler);
  });

  describe('endpoints', () => {
    beforeEach(stubFakeCredentials);

    it('sets no endpoint: DynamoDB goes where AWS_ENDPOINT_URL_DYNAMODB says', async () => {
      // Prepare
      vi.stubEnv('AWS_ENDPOINT_URL_DYNAMODB', 'http://127.0.0.1:8000');
      const client = createDynamoDbClient({ region: 'eu-west-1' });

      // Act
      const request = await capturedRequest(client, () => client.send(new ListTablesCommand({})));

      // Assess
      expect(client.config.endpoint).toBeUndefined();
      expect(request).toMatchObject({ protocol: 'http:', hostname: '127.0.0.1', port: 8000 });
    });

    it('sets no endpoint: Kinesis goes where AWS_ENDPOINT_URL_KINESIS says', async () => {
      // Prepare
      vi.stubEnv('AWS_ENDPOINT_URL_KINESIS', 'http://localhost:4567');
      const client = createKinesisClient({ region: 'eu-west-1' });

      // Act
      const request = await capturedRequest(client, () => client.send(new ListStreamsCommand({})));

      // Assess
      expect(client.config.endpoint).toBeUndefined();
      expect(request).toMatchObject({ protocol: 'http:', hostname: 'localhost', port: 4567 });
    });

    it('sets no endpoint: EventBridge goes where AWS_ENDPOINT_URL_EVENTBRIDGE says', async () => {
      // Prepare
      vi.stubEnv('AWS_ENDPOINT_URL_EVENTBRIDGE', 'http://127.0.0.1:4010');
      const client = createEventBridgeClient({ region: 'eu-west-1' });

      // Act
      const request = await capturedRequest(client, () => client.send(new ListEventBusesCommand({})));

      // Assess
      expect(client.config.endpoint).toBeUndefined();
      expect(request).toMatchObject({ protocol: 'http:', hostname: '127.0.0.1', port: 4010 });
    });

    it('reaches the regional EventBridge endpoint when no variable is set', async () => {
      // Prepare
      vi.stubEnv('AWS_ENDPOINT_URL_EVENTBRIDGE', '');
      vi.stubEnv('AWS_ENDPOINT_URL', '');
      const client = createEventBridgeClient({ region: 'eu-west-1' });

      // Act
      const request = await capturedRequest(client, () => client.send(new ListEventBusesCommand({})));

      // Assess
      expect(request).toMatchObject({ protocol: 'https:', hostname: 'events.eu-west-1.amazonaws.com' });
    });

    it('reaches the regional AWS endpoint when no variable is set', async () => {
      // Prepare
      vi.stubEnv('AWS_ENDPOINT_URL_DYNAMODB', '');
      vi.stubEnv('AWS_ENDPOINT_URL', '');
      const client = createDynamoDbClient({ region: 'eu-west-1' });

      // Act
      const request = await capturedRequest(client, () => client.send(new ListTablesCommand({})));

      // Assess
      expect(request).toMatchObject({ protocol: 'https:', hostname: 'dynamodb.eu-west-1.amazonaws.com' });
    });

    it('addresses S3 path-style at the endpoint from AWS_ENDPOINT_URL_S3', async () => {
      // Prepare
      vi.stubEnv('AWS_ENDPOINT_URL_S3', 'http://127.0.0.1:9000');
      const client = createS3Client({ region: 'eu-west-1' });

      // Act
      const request = await capturedRequest(client, () => client.send(new GetObjectCommand({ Bucket: 'quarantine', Key: 'a/b.json' })));

      // Assess
      expect(request).toMatchObject({ protocol: 'http:', hostname: '127.0.0.1', port: 9000, path: '/quarantine/a/b.json' });
    });
  });

  describe('S3 checksums', () => {
    beforeEach(stubFakeCredentials);

    // "Data Integrity Protections for Amazon S3" (AWS SDKs and Tools Reference Guide): SDKs compute
    // a CRC checksum for every upload by default (request_checksum_calculation = when_supported).
    it('keeps the SDK default S3 checksums: a CRC32 checksum with every upload, validation of downloads', async () => {
      // Prepare
      vi.stubEnv('AWS_REQUEST_CHECKSUM_CALCULATION', '');
      vi.stubEnv('AWS_RESPONSE_CHECKSUM_VALIDATION', '');
      const client = createS3Client({ region: 'eu-west-1' });

      // Act
      const request = await capturedRequest(client, () =>
        client.send(new PutObjectCommand({ Bucket: 'quarantine', Key: 'a/b.json', Body: '{"reason":"INVALID_JSON"}' })),
      );

      // Assess
      expect(client.config.forcePathStyle).toBe(true);
      await expect(client.config.requestChecksumCalculation()).resolves.toBe('WHEN_SUPPORTED');
      await expect(client.config.responseChecksumValidation()).resolves.toBe('WHEN_SUPPORTED');
      expect(request.headers).toMatchObject({ 'x-amz-checksum-crc32': expect.any(String) });
    });

    it('lets AWS_REQUEST_CHECKSUM_CALCULATION choose S3 upload checksums, as every SDK setting', async () => {
      // Prepare
      vi.stubEnv('AWS_REQUEST_CHECKSUM_CALCULATION', 'WHEN_REQUIRED');
      const client = createS3Client({ region: 'eu-west-1' });

      // Act
      const request = await capturedRequest(client, () =>
        client.send(new PutObjectCommand({ Bucket: 'quarantine', Key: 'a/b.json', Body: '{}' })),
      );

      // Assess
      expect(Object.keys(request.headers).filter((name) => name.startsWith('x-amz-checksum-'))).toEqual([]);
    });
  });
});

describe('keepAliveHandlerOptions', () => {
  it.each([
    [{ maxSockets: 0 }, 'maxSockets must be an integer >= 1 (given 0)'],
    [{ connectionTimeoutMs: -1 }, 'connectionTimeoutMs'],
    [{ requestTimeoutMs: Number.NaN }, 'requestTimeoutMs'],
  ])('rejects %o', (settings, message) => {
    // Act & Assess
    expect(() => keepAliveHandlerOptions(settings)).toThrow(InvalidOptionsError);
    expect(() => keepAliveHandlerOptions(settings)).toThrow(message);
  });
});

import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** A Function URL event (payload format 2.0) as Lambda delivers it for an IAM-signed request. */
export function functionUrlEvent(
  options: {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    /** A JSON body, serialized; sets `content-type: application/json` unless headers say otherwise. */
    json?: unknown;
    base64?: boolean;
  } = {},
): APIGatewayProxyEventV2 {
  const method = options.method ?? 'POST';
  const path = options.path ?? '/events';
  const headers: Record<string, string> = {
    host: 'abcdefghij.lambda-url.us-east-1.on.aws',
    ...(options.json === undefined ? {} : { 'content-type': 'application/json' }),
    ...options.headers,
  };
  const raw = options.json === undefined ? options.body : JSON.stringify(options.json);
  const bytes = raw === undefined ? undefined : Buffer.isBuffer(raw) ? raw : Buffer.from(raw, 'utf8');
  const base64 = options.base64 ?? Buffer.isBuffer(raw);
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers,
    requestContext: {
      accountId: '123456789012',
      apiId: 'abcdefghij',
      domainName: headers['host'] ?? '',
      domainPrefix: 'abcdefghij',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'ride-app/1.0' },
      requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
      routeKey: '$default',
      stage: '$default',
      time: '21/Nov/2026:10:00:00 +0000',
      timeEpoch: 1_795_255_200_000,
    },
    ...(bytes === undefined ? {} : { body: bytes.toString(base64 ? 'base64' : 'utf8') }),
    isBase64Encoded: base64,
  };
}

import { request } from 'node:http';
import { LOOPBACK_HOST } from './ports';

/** Result of one JSON-protocol AWS call made without the SDK. */
export interface RawAwsResponse {
  status: number;
  body: string;
}

/**
 * POSTs one AWS JSON-protocol call (e.g. `DynamoDB_20120810.ListTables`) to a local emulator.
 * The `Authorization` header is syntactically SigV4 but not signed: emulators only read the key id.
 *
 * @example
 * ```ts
 * const { status } = await postAwsJson(8000, 'DynamoDB_20120810.ListTables', {});
 * ```
 */
export function postAwsJson(
  port: number,
  target: string,
  payload: unknown,
  options: { timeoutMs?: number; contentType?: string; service?: string } = {},
): Promise<RawAwsResponse> {
  const body = JSON.stringify(payload);
  const service = options.service ?? 'dynamodb';
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: LOOPBACK_HOST,
        port,
        method: 'POST',
        path: '/',
        agent: false,
        timeout: options.timeoutMs ?? 2_000,
        headers: {
          'content-type': options.contentType ?? 'application/x-amz-json-1.0',
          'content-length': Buffer.byteLength(body),
          'x-amz-target': target,
          authorization: `AWS4-HMAC-SHA256 Credential=local/20240101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${target} timed out`)));
    req.on('error', reject);
    req.end(body);
  });
}

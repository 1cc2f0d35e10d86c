import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { brotliDecompressSync, crc32, gunzipSync, inflateSync } from 'node:zlib';
import { isJsonObject, type JsonObject } from './batch-rewriter';

/**
 * The JSON object a body holds, decoding `content-encoding` (gzip, deflate, br) first; undefined
 * when it is not a JSON object.
 *
 * @example
 * ```ts
 * parseJsonBody(Buffer.from('{"Records":[]}'), {}); // { Records: [] }
 * ```
 */
export function parseJsonBody(body: Buffer, headers: IncomingHttpHeaders): JsonObject | undefined {
  let decoded: Buffer;
  try {
    decoded = decode(body, headers['content-encoding']);
  } catch {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(decoded.toString('utf8'));
    return isJsonObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function decode(body: Buffer, encoding: string | undefined): Buffer {
  switch (encoding?.trim().toLowerCase()) {
    case undefined:
    case '':
    case 'identity':
      return body;
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(body);
    case 'deflate':
      return inflateSync(body);
    case 'br':
      return brotliDecompressSync(body);
    default:
      throw new Error(`unsupported content-encoding ${encoding}`);
  }
}

/**
 * The headers of a rewritten JSON answer: the emulator's own (if any) without the ones that
 * described the old body, with `content-length` of the new one and, when the service sends it
 * (DynamoDB), `x-amz-crc32` recomputed over the bytes sent: DynamoDB's CRC32 of the response body as
 * sent, which the AWS SDK for Go v2 and Java validate by default (SDK for Go v2, dynamodb "internal/
 * customizations", response checksum validation). SDK v3 for JavaScript does not check it, other
 * clients would reject a stale one.
 *
 * @example
 * ```ts
 * const headers = rewrittenJsonHeaders(answer.headers, body, true);
 * ```
 */
export function rewrittenJsonHeaders(original: OutgoingHttpHeaders, body: Buffer, withCrc32: boolean): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = { ...original };
  delete headers['content-encoding'];
  delete headers['transfer-encoding'];
  delete headers['x-amz-crc32'];
  headers['content-length'] = body.length;
  if (withCrc32) headers['x-amz-crc32'] = String(crc32(body));
  return headers;
}

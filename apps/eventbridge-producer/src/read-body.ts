import type { HttpProblem } from './responses.js';

/** The parts of a Function URL request a JSON body is read from. */
export interface RequestBody {
  /** The `content-type` header, as received. */
  readonly contentType: string | undefined;
  /** The `content-encoding` header, as received: a Function URL does not decompress bodies. */
  readonly contentEncoding?: string | undefined;
  readonly body: string | undefined;
  readonly isBase64Encoded: boolean;
}

/** A body that parsed, with its size. */
export interface JsonBody {
  readonly json: unknown;
  readonly sizeBytes: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Checks a request's content type (415 unless `application/json`, whose only meaningful
 * parameter, `charset`, must be UTF-8, and unless the body is uncompressed), its size (413 over `maxBodyBytes`, counted after base64
 * decoding, as the bytes the client sent) and parses it (400 for an empty body, invalid UTF-8 or
 * invalid JSON). Pure; never throws.
 *
 * @example
 * ```ts
 * readJsonBody({ contentType: 'application/json; charset=utf-8', body: '{"entries":[]}', isBase64Encoded: false }, 1_048_576);
 * // { ok: true, value: { json: { entries: [] }, sizeBytes: 14 } }
 * ```
 */
export function readJsonBody(
  request: RequestBody,
  maxBodyBytes: number,
): { ok: true; value: JsonBody } | { ok: false; problem: HttpProblem } {
  const unsupported = checkContentType(request.contentType) ?? checkContentEncoding(request.contentEncoding);
  if (unsupported !== undefined) {
    return { ok: false, problem: { status: 415, error: 'UnsupportedMediaType', message: unsupported } };
  }
  const raw = request.body ?? '';
  const bytes = request.isBase64Encoded ? Buffer.from(raw, 'base64') : undefined;
  const sizeBytes = bytes?.length ?? Buffer.byteLength(raw, 'utf8');
  if (sizeBytes > maxBodyBytes) {
    return {
      ok: false,
      problem: { status: 413, error: 'BodyTooLarge', message: `the body is ${sizeBytes} bytes; the limit is ${maxBodyBytes} bytes` },
    };
  }
  if (sizeBytes === 0) {
    return { ok: false, problem: { status: 400, error: 'InvalidRequest', message: 'the request has no body' } };
  }
  let text = raw;
  if (bytes !== undefined) {
    try {
      text = utf8.decode(bytes);
    } catch {
      return { ok: false, problem: { status: 400, error: 'InvalidJson', message: 'the body is not valid UTF-8' } };
    }
  }
  try {
    return { ok: true, value: { json: JSON.parse(text), sizeBytes } };
  } catch (error) {
    return { ok: false, problem: { status: 400, error: 'InvalidJson', message: `the body is not valid JSON: ${(error as Error).message}` } };
  }
}

/**
 * Why a content type is not accepted, or `undefined` when it is `application/json` (any case,
 * with parameters, `charset` UTF-8 if given).
 *
 * @example
 * ```ts
 * checkContentType('application/json; charset=UTF-8'); // undefined
 * checkContentType('text/plain'); // 'content-type must be application/json (given text/plain)'
 * ```
 */
export function checkContentType(contentType: string | undefined): string | undefined {
  if (contentType === undefined || contentType.trim() === '') return 'content-type must be application/json (none given)';
  const [mediaType = '', ...parameters] = contentType.split(';').map((part) => part.trim());
  if (mediaType.toLowerCase() !== 'application/json') {
    return `content-type must be application/json (given ${mediaType})`;
  }
  for (const parameter of parameters) {
    const [name = '', value = ''] = parameter.split('=', 2).map((part) => part.trim());
    const charset = value.replace(/^"(.*)"$/, '$1').toLowerCase();
    if (name.toLowerCase() === 'charset' && charset !== 'utf-8' && charset !== 'utf8') {
      return `the body must be UTF-8 encoded (given charset=${value})`;
    }
  }
  return undefined;
}

/**
 * Why a content encoding is not accepted, or `undefined` for none or `identity`. A Function URL
 * hands the function the body as sent, so a compressed body would only fail later as invalid JSON.
 *
 * @example
 * ```ts
 * checkContentEncoding('gzip'); // 'content-encoding gzip is not supported: send the body uncompressed'
 * ```
 */
export function checkContentEncoding(contentEncoding: string | undefined): string | undefined {
  const encoding = contentEncoding?.trim().toLowerCase() ?? '';
  return encoding === '' || encoding === 'identity' ? undefined : `content-encoding ${encoding} is not supported: send the body uncompressed`;
}

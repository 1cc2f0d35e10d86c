import { randomBytes, randomUUID } from 'node:crypto';
import type { FaultResponse } from './fault-response';

/** One S3 error: its code, status and message (Amazon S3 API Reference, "Error responses"). */
export interface S3ServiceError {
  readonly code: string;
  readonly statusCode: number;
  readonly message: string;
}

/**
 * The error answer of Amazon S3: an XML `<Error>` document with `Code`, `Message`, `RequestId`
 * and `HostId` (Amazon S3 API Reference, "Error responses", REST error response), with the
 * request ids in `x-amz-request-id` / `x-amz-id-2`. A HEAD request's answer has no body.
 *
 * @example
 * ```ts
 * s3ErrorResponse({ code: 'SlowDown', statusCode: 503, message: 'Please reduce your request rate.' }, false);
 * ```
 */
export function s3ErrorResponse(error: S3ServiceError, isHead: boolean): FaultResponse {
  const requestId = randomUUID().replaceAll('-', '').slice(0, 16).toUpperCase();
  const hostId = randomBytes(48).toString('base64');
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${error.code}</Code><Message>${escapeXml(error.message)}</Message>` +
    `<RequestId>${requestId}</RequestId><HostId>${hostId}</HostId></Error>`;
  const body = isHead ? Buffer.alloc(0) : Buffer.from(xml);
  return {
    statusCode: error.statusCode,
    headers: {
      'content-type': 'application/xml',
      'content-length': isHead ? Buffer.byteLength(xml) : body.length,
      'x-amz-request-id': requestId,
      'x-amz-id-2': hostId,
    },
    body,
  };
}

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

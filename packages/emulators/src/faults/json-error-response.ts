import { randomUUID } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { FaultResponse } from './fault-response';

/** How one AWS JSON-protocol service shapes its errors. */
export interface JsonErrorDialect {
  /** `application/x-amz-json-1.0` (DynamoDB, SQS) or `application/x-amz-json-1.1` (Kinesis, EventBridge). */
  readonly contentType: string;
  /** Prefix of `__type`, e.g. `com.amazonaws.dynamodb.v20120810#`; empty for Kinesis and EventBridge. */
  readonly typePrefix: string;
  /** DynamoDB sends `x-amz-crc32`, the CRC32 of the body, on every answer. */
  readonly crc32Header: boolean;
  /**
   * SQS (query-compatible JSON) names the error in `x-amzn-query-error: <Code>;<Sender|Receiver>`,
   * and SDK v3 takes the error's name from it.
   */
  readonly queryCompatible: boolean;
}

/** One error of a JSON-protocol service. */
export interface JsonServiceError {
  readonly code: string;
  readonly statusCode: number;
  readonly message: string;
}

/**
 * The error answer of an AWS JSON 1.0 / 1.1 service: `{ "__type": …, "message": … }` with the
 * protocol's content type and `x-amzn-RequestId` (Amazon SQS Developer Guide, "Interpreting Amazon
 * SQS JSON API responses"; DynamoDB Developer Guide, "Error handling with DynamoDB").
 *
 * @example
 * ```ts
 * jsonErrorResponse(DIALECT, { code: 'ThrottlingException', statusCode: 400, message: 'Rate exceeded' });
 * ```
 */
export function jsonErrorResponse(dialect: JsonErrorDialect, error: JsonServiceError): FaultResponse {
  const body = Buffer.from(JSON.stringify({ __type: `${dialect.typePrefix}${error.code}`, message: error.message }));
  return {
    statusCode: error.statusCode,
    headers: {
      'content-type': dialect.contentType,
      'content-length': body.length,
      'x-amzn-requestid': randomUUID(),
      ...(dialect.crc32Header ? { 'x-amz-crc32': String(crc32(body)) } : {}),
      ...(dialect.queryCompatible ? { 'x-amzn-query-error': `${error.code};${error.statusCode >= 500 ? 'Receiver' : 'Sender'}` } : {}),
    },
    body,
  };
}

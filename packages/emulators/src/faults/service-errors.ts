import type { FaultResponse } from './fault-response';
import { jsonErrorResponse, type JsonErrorDialect, type JsonServiceError } from './json-error-response';
import { s3ErrorResponse } from './s3-error-response';
import type { FaultService } from './types';

/** The request-level errors a proxy answers with, in each service's own protocol. */
export type ServiceErrorKind = 'throttle' | 'serverError' | 'unavailable' | 'denied';

type Choices = readonly [JsonServiceError, ...JsonServiceError[]];

const DIALECTS: Readonly<Record<Exclude<FaultService, 's3'>, JsonErrorDialect>> = {
  kinesis: { contentType: 'application/x-amz-json-1.1', typePrefix: '', crc32Header: false, queryCompatible: false },
  eventbridge: { contentType: 'application/x-amz-json-1.1', typePrefix: '', crc32Header: false, queryCompatible: false },
  dynamodb: { contentType: 'application/x-amz-json-1.0', typePrefix: 'com.amazonaws.dynamodb.v20120810#', crc32Header: true, queryCompatible: false },
  sqs: { contentType: 'application/x-amz-json-1.0', typePrefix: 'com.amazonaws.sqs#', crc32Header: false, queryCompatible: true },
};

const UNAVAILABLE: JsonServiceError = { code: 'ServiceUnavailable', statusCode: 503, message: 'The request has failed due to a temporary failure of the server.' };
/** Every JSON-protocol service names its authorization failure `AccessDeniedException` (400) in its API reference's common errors. */
const ACCESS_DENIED: JsonServiceError = {
  code: 'AccessDeniedException',
  statusCode: 400,
  message: 'User is not authorized to perform this action on this resource (injected outage).',
};
const INTERNAL_FAILURE: JsonServiceError = {
  code: 'InternalFailure',
  statusCode: 500,
  message: 'The request processing has failed because of an unknown error, exception or failure.',
};

/** Kinesis data operations are throttled per shard; the others per account (Kinesis API Reference, each operation's Errors). */
const KINESIS_SHARD_OPERATIONS = new Set(['PutRecord', 'PutRecords', 'GetRecords', 'GetShardIterator']);
/** Operations of the DynamoDB Streams API, served on DynamoDB Local's endpoint too. */
const DYNAMODB_STREAMS_OPERATIONS = new Set(['DescribeStream', 'GetRecords', 'GetShardIterator', 'ListStreams']);

function jsonThrottles(service: Exclude<FaultService, 's3'>, operation: string): Choices {
  switch (service) {
    case 'kinesis':
      return KINESIS_SHARD_OPERATIONS.has(operation)
        ? [{ code: 'ProvisionedThroughputExceededException', statusCode: 400, message: 'Rate exceeded for shard in stream under account (injected).' }]
        : [{ code: 'LimitExceededException', statusCode: 400, message: 'Rate exceeded for stream under account (injected).' }];
    case 'dynamodb':
      return DYNAMODB_STREAMS_OPERATIONS.has(operation)
        ? [{ code: 'LimitExceededException', statusCode: 400, message: 'Too many requests for this stream (injected).' }]
        : [
            {
              code: 'ProvisionedThroughputExceededException',
              statusCode: 400,
              message: 'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API (injected).',
            },
            { code: 'ThrottlingException', statusCode: 400, message: 'Rate of requests exceeds the allowed throughput (injected).' },
          ];
    case 'eventbridge':
      return [{ code: 'ThrottlingException', statusCode: 400, message: 'Rate exceeded (injected).' }];
    case 'sqs':
      // The SQS model maps RequestThrottled to HTTP 403 (awsQueryError); ThrottlingException is a common error, 400.
      return [
        { code: 'RequestThrottled', statusCode: 403, message: 'The request was denied due to request throttling (injected).' },
        { code: 'ThrottlingException', statusCode: 400, message: 'Rate exceeded (injected).' },
      ];
  }
}

function jsonServerErrors(service: Exclude<FaultService, 's3'>): Choices {
  switch (service) {
    case 'dynamodb':
      return [{ code: 'InternalServerError', statusCode: 500, message: 'Internal server error (injected).' }, UNAVAILABLE];
    case 'eventbridge':
      return [{ code: 'InternalException', statusCode: 500, message: 'Internal exception (injected).' }, UNAVAILABLE];
    case 'sqs':
      return [{ code: 'InternalError', statusCode: 500, message: 'We encountered an internal error. Please try again (injected).' }, UNAVAILABLE];
    case 'kinesis':
      return [INTERNAL_FAILURE, UNAVAILABLE];
  }
}

const S3_ERRORS: Readonly<Record<ServiceErrorKind, Choices>> = {
  throttle: [{ code: 'SlowDown', statusCode: 503, message: 'Please reduce your request rate.' }],
  serverError: [{ code: 'InternalError', statusCode: 500, message: 'We encountered an internal error. Please try again.' }],
  unavailable: [{ code: 'ServiceUnavailable', statusCode: 503, message: 'Service is unable to handle request.' }],
  // S3's error responses list: AccessDenied, 403 Forbidden.
  denied: [{ code: 'AccessDenied', statusCode: 403, message: 'Access Denied (injected outage).' }],
};

/** What {@link serviceErrorResponse} needs to know about the request it fails. */
export interface FailedRequest {
  readonly service: FaultService;
  readonly operation: string;
  /** S3 answers HEAD requests without a body. */
  readonly method: string;
}

/**
 * The answer a service gives when it throttles a request, fails it with a 5xx, or is unavailable,
 * in its own protocol: Kinesis `ProvisionedThroughputExceededException` (400, JSON 1.1), DynamoDB
 * `ProvisionedThroughputExceededException` / `ThrottlingException` (400, JSON 1.0), EventBridge
 * `ThrottlingException`, SQS `RequestThrottled` / `ThrottlingException` (with `x-amzn-query-error`),
 * S3 `SlowDown` (503, XML); 5xx: `InternalFailure`, `InternalServerError`, `InternalException`,
 * `InternalError`, `ServiceUnavailable`. `pick` chooses among a service's alternatives.
 *
 * @example
 * ```ts
 * const answer = serviceErrorResponse({ service: 's3', operation: 'PutObject', method: 'PUT' }, 'throttle', (c) => c[0]);
 * answer.statusCode; // 503 (SlowDown)
 * ```
 */
export function serviceErrorResponse(
  request: FailedRequest,
  kind: ServiceErrorKind,
  pick: <T>(choices: readonly [T, ...T[]]) => T,
): { response: FaultResponse; code: string } {
  const { service } = request;
  if (service === 's3') {
    const error = pick(S3_ERRORS[kind]);
    return { response: s3ErrorResponse(error, request.method === 'HEAD'), code: error.code };
  }
  const choices: Choices =
    kind === 'throttle' ? jsonThrottles(service, request.operation) : kind === 'serverError' ? jsonServerErrors(service) : kind === 'denied' ? [ACCESS_DENIED] : [UNAVAILABLE];
  const error = pick(choices);
  return { response: jsonErrorResponse(DIALECTS[service], error), code: error.code };
}

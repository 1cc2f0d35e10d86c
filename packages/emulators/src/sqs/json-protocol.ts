import type { JsonErrorAnswer, JsonProtocol, JsonRequestRefusal } from '../json-protocol-listener';
import { SqsApiError, SQS_ERRORS, type SqsErrorKind } from './errors';

const REFUSALS: Readonly<Record<JsonRequestRefusal, SqsErrorKind>> = {
  'unknown-operation': SQS_ERRORS.UnknownOperation,
  'body-too-large': SQS_ERRORS.SerializationException,
  'invalid-json': SQS_ERRORS.SerializationException,
};

/**
 * SQS's dialect of the AWS JSON protocol ("Interpreting Amazon SQS JSON API responses", Amazon SQS
 * Developer Guide): JSON 1.0, `X-Amz-Target: AmazonSQS.<Action>`; errors as
 * `{ "__type": "com.amazonaws.sqs#QueueDoesNotExist", "message": … }` with
 * `x-amzn-query-error: AWS.SimpleQueueService.NonExistentQueue;Sender` (`;Receiver` for 5xx), the
 * legacy code the SDK (an `awsQueryCompatible` client) maps back to its exception classes.
 * Anything but an {@link SqsApiError} is answered as `InternalFailure` (500).
 *
 * @example
 * ```ts
 * class SqsEmulator extends servedOverJsonProtocol(LocalSqs, 'sqs', SQS_JSON_PROTOCOL) {}
 * ```
 */
export const SQS_JSON_PROTOCOL: JsonProtocol = {
  serviceName: 'SQS',
  targetPrefix: 'AmazonSQS.',
  version: '1.0',
  refusal: (reason, message) => sqsErrorAnswer(REFUSALS[reason], message),
  errorAnswer: (error) =>
    error instanceof SqsApiError ? sqsErrorAnswer(error.kind, error.message) : sqsErrorAnswer(SQS_ERRORS.InternalFailure, error instanceof Error ? error.message : String(error)),
};

function sqsErrorAnswer(kind: SqsErrorKind, message: string): JsonErrorAnswer {
  return {
    statusCode: kind.statusCode,
    type: kind.type,
    message,
    headers: { 'x-amzn-query-error': `${kind.queryCode};${kind.statusCode < 500 ? 'Sender' : 'Receiver'}` },
  };
}

import type { JsonErrorAnswer, JsonProtocol, JsonRequestRefusal } from '../json-protocol-listener';
import { apiErrorAnswer } from './api-error';

const REFUSALS: Readonly<Record<JsonRequestRefusal, { readonly statusCode: number; readonly code: string }>> = {
  'unknown-operation': { statusCode: 400, code: 'UnknownOperationException' },
  'body-too-large': { statusCode: 413, code: 'SerializationException' },
  'invalid-json': { statusCode: 400, code: 'SerializationException' },
};

/**
 * EventBridge's dialect of the AWS JSON protocol: JSON 1.1, `X-Amz-Target: AWSEvents.<Operation>`;
 * errors as `{ "__type": code, "message": … }` with the code in `X-Amzn-ErrorType`. Unknown
 * operations get `UnknownOperationException`, unparseable bodies `SerializationException`, invalid
 * patterns `InvalidEventPatternException`, anything unexpected `500 InternalException`.
 *
 * @example
 * ```ts
 * class EventBridgeEmulator extends servedOverJsonProtocol(LocalEventBridge, 'eventbridge', EVENTBRIDGE_JSON_PROTOCOL) {}
 * ```
 */
export const EVENTBRIDGE_JSON_PROTOCOL: JsonProtocol = {
  serviceName: 'EventBridge',
  targetPrefix: 'AWSEvents.',
  version: '1.1',
  refusal: (reason, message) => eventBridgeErrorAnswer(REFUSALS[reason].statusCode, REFUSALS[reason].code, message),
  errorAnswer: (error) => {
    const answer = apiErrorAnswer(error);
    return eventBridgeErrorAnswer(answer.statusCode, answer.code, answer.message);
  },
};

function eventBridgeErrorAnswer(statusCode: number, code: string, message: string): JsonErrorAnswer {
  return { statusCode, type: code, message, headers: { 'x-amzn-ErrorType': code } };
}

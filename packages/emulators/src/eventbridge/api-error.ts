import { InvalidEventPatternError } from '@wildrydes/event-patterns';
import { EventBridgeApiError } from './errors';

/** How the HTTP API answers a failed call: status, AWS error code (`__type`) and message. */
export interface ApiErrorAnswer {
  readonly statusCode: number;
  readonly code: string;
  readonly message: string;
}

/**
 * The answer EventBridge gives for an error an operation threw: the API error's own code and
 * status, `InvalidEventPatternException` for a bad pattern, `500 InternalException` for anything else.
 *
 * @example
 * ```ts
 * apiErrorAnswer(new EventBridgeApiError('ThrottlingException', 'Rate exceeded')); // { statusCode: 400, code: 'ThrottlingException', … }
 * ```
 */
export function apiErrorAnswer(error: unknown): ApiErrorAnswer {
  if (error instanceof EventBridgeApiError) return { statusCode: error.statusCode, code: error.awsErrorCode, message: error.message };
  if (error instanceof InvalidEventPatternError) {
    return { statusCode: 400, code: 'InvalidEventPatternException', message: `Event pattern is not valid. Reason: ${error.message}` };
  }
  return { statusCode: 500, code: 'InternalException', message: error instanceof Error ? error.message : String(error) };
}

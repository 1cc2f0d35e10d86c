import { InvalidEventPatternError } from '@wildrydes/event-patterns';
import { describe, expect, it } from 'vitest';
import { EventBusNotFoundError } from '../../src/eventbridge/errors';
import { EVENTBRIDGE_JSON_PROTOCOL } from '../../src/eventbridge/json-protocol';

describe('EVENTBRIDGE_JSON_PROTOCOL (AWS JSON 1.1, as the EventBridge API answers)', () => {
  it('speaks JSON 1.1 with X-Amz-Target: AWSEvents.<Operation>', () => {
    // Assess
    expect([EVENTBRIDGE_JSON_PROTOCOL.version, EVENTBRIDGE_JSON_PROTOCOL.targetPrefix]).toEqual(['1.1', 'AWSEvents.']);
  });

  it.each([
    ['an EventBridgeApiError', new EventBusNotFoundError('rides'), 400, 'ResourceNotFoundException', 'Event bus rides does not exist.'],
    ['an invalid pattern', new InvalidEventPatternError('source', 'must be an array'), 400, 'InvalidEventPatternException', 'Event pattern is not valid. Reason: Invalid event pattern at source: must be an array'],
    ['anything else', new TypeError('boom'), 500, 'InternalException', 'boom'],
  ])('answers %s with its code in __type and X-Amzn-ErrorType', (_case, error, statusCode, code, message) => {
    // Act
    const answer = EVENTBRIDGE_JSON_PROTOCOL.errorAnswer(error);

    // Assess
    expect(answer).toEqual({ statusCode, type: code, message, headers: { 'x-amzn-ErrorType': code } });
  });

  it.each([
    ['unknown-operation', 400, 'UnknownOperationException'],
    ['body-too-large', 413, 'SerializationException'],
    ['invalid-json', 400, 'SerializationException'],
  ] as const)('refuses %s as a %i %s', (reason, statusCode, code) => {
    // Act
    const answer = EVENTBRIDGE_JSON_PROTOCOL.refusal(reason, 'why');

    // Assess
    expect(answer).toEqual({ statusCode, type: code, message: 'why', headers: { 'x-amzn-ErrorType': code } });
  });
});

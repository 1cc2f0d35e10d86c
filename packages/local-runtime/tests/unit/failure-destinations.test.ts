import { describe, expect, it } from 'vitest';
import { eventBridgeErrorCode, localQueueNames } from '../../src/runtime/failure-destinations.js';

const error = (name: string, code?: string) => Object.assign(new Error('failed'), { name, ...(code ? { code } : {}) });

// EventBridge User Guide, "Using dead-letter queues to process undelivered events": the ERROR_CODE values.
describe('the ERROR_CODE of a local dead-letter message', () => {
  it.each([
    [error('TooManyRequestsException'), 'THROTTLING'],
    [error('ThrottlingException'), 'THROTTLING'],
    [error('TimeoutError'), 'TIMEOUT'],
    [error('Error', 'ECONNREFUSED'), 'CONNECTION_FAILURE'],
    [error('ResourceNotFoundException'), 'SDK_CLIENT_ERROR'],
    [undefined, 'SDK_CLIENT_ERROR'],
  ])('%s is %s', (cause, code) => {
    expect(eventBridgeErrorCode(cause)).toBe(code);
  });
});

describe('the local queues of a rule target', () => {
  it('are named after the function', () => {
    expect(localQueueNames('eventbridge-consumer')).toEqual({ deadLetter: 'eventbridge-consumer-dead-letter', onFailure: 'eventbridge-consumer-on-failure' });
  });
});

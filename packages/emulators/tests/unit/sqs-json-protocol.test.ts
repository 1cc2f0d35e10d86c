import { describe, expect, it } from 'vitest';
import { QueueDoesNotExistError } from '../../src/sqs/errors';
import { SQS_JSON_PROTOCOL } from '../../src/sqs/json-protocol';

describe('SQS_JSON_PROTOCOL ("Interpreting Amazon SQS JSON API responses", Amazon SQS Developer Guide)', () => {
  it('speaks JSON 1.0 with X-Amz-Target: AmazonSQS.<Action>', () => {
    // Assess
    expect([SQS_JSON_PROTOCOL.version, SQS_JSON_PROTOCOL.targetPrefix]).toEqual(['1.0', 'AmazonSQS.']);
  });

  it('answers an SqsApiError with its shape, status and x-amzn-query-error: <legacy code>;Sender', () => {
    // Act
    const answer = SQS_JSON_PROTOCOL.errorAnswer(new QueueDoesNotExistError('rides-dlq'));

    // Assess
    expect(answer).toEqual({
      statusCode: 400,
      type: 'com.amazonaws.sqs#QueueDoesNotExist',
      message: 'The specified queue does not exist.',
      headers: { 'x-amzn-query-error': 'AWS.SimpleQueueService.NonExistentQueue;Sender' },
    });
  });

  it('answers anything else as InternalFailure 500, blamed on the Receiver', () => {
    // Act
    const answer = SQS_JSON_PROTOCOL.errorAnswer(new TypeError('boom'));

    // Assess
    expect(answer).toEqual({
      statusCode: 500,
      type: 'com.amazon.coral.service#InternalFailure',
      message: 'boom',
      headers: { 'x-amzn-query-error': 'InternalFailure;Receiver' },
    });
  });

  it.each([
    ['unknown-operation', 'com.amazon.coral.service#UnknownOperationException', 'UnknownOperation;Sender'],
    ['body-too-large', 'com.amazon.coral.service#SerializationException', 'SerializationException;Sender'],
    ['invalid-json', 'com.amazon.coral.service#SerializationException', 'SerializationException;Sender'],
  ] as const)('refuses %s as a 400 %s', (reason, type, queryError) => {
    // Act
    const answer = SQS_JSON_PROTOCOL.refusal(reason, 'why');

    // Assess
    expect(answer).toEqual({ statusCode: 400, type, message: 'why', headers: { 'x-amzn-query-error': queryError } });
  });
});

import { describe, expect, it } from 'vitest';
import { QueueDoesNotExistError } from '../../src/sqs/errors';
import { SQS_JSON_PROTOCOL } from '../../src/sqs/json-protocol';

describe('SQS_JSON_PROTOCOL ("Interpreting Amazon SQS JSON API responses", Amazon SQS Developer Guide)', () => {
  it('speaks JSON 1.0 with X-Amz-Target: AmazonSQS.<Action>', () => {
    // Assess
    expect([SQS_JSON_PROTOCOL.version, SQS_JSON_PROTOCOL.targetPrefix]).toEqual(['1.0', 'AmazonSQS.']);
  });

  it.each([
    ['an SqsApiError with its shape and status, blamed on the Sender', new QueueDoesNotExistError('rides-dlq'), 400, 'com.amazonaws.sqs#QueueDoesNotExist', 'The specified queue does not exist.', 'AWS.SimpleQueueService.NonExistentQueue;Sender'],
    ['anything else as InternalFailure 500, blamed on the Receiver', new TypeError('boom'), 500, 'com.amazon.coral.service#InternalFailure', 'boom', 'InternalFailure;Receiver'],
  ])('answers %s, with x-amzn-query-error: <legacy code>;<fault>', (_case, error, statusCode, type, message, queryError) => {
    // Act
    const answer = SQS_JSON_PROTOCOL.errorAnswer(error);

    // Assess
    expect(answer).toEqual({ statusCode, type, message, headers: { 'x-amzn-query-error': queryError } });
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

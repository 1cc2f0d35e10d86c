import { ProvisionedThroughputExceededException, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { classifyError, classifyErrorCode, describeError, isRetryableError } from '../../src/index.js';
import { serviceError } from '../support/service-errors.js';

describe('classifyError', () => {
  it.each([
    'ProvisionedThroughputExceededException',
    'ThrottlingException',
    'RequestLimitExceeded',
    'ThrottledException',
    'SlowDown',
    'TimeoutError',
    'AbortError',
  ])('treats %s as transient', (name) => {
    // Act
    const { category } = classifyError(serviceError(name, 'x'));

    // Assess
    expect(category).toBe('transient');
  });

  it('treats the SDK modelled throttling exception as transient', () => {
    // Prepare
    const error = new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} });

    // Act & Assess
    expect(isRetryableError(error)).toBe(true);
  });

  it.each([500, 502, 503, 504, 429])('treats HTTP %s as transient', (status) => {
    // Act & Assess
    expect(classifyError(serviceError('SomethingOdd', 'x', status)).category).toBe('transient');
  });

  it('treats errors the SDK marked $retryable as transient', () => {
    // Prepare
    const error = Object.assign(serviceError('Whatever', 'x'), { $retryable: { throttling: false } });

    // Act & Assess
    expect(isRetryableError(error)).toBe(true);
  });

  it.each(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN'])('treats network error %s as transient', (code) => {
    // Prepare
    const error = Object.assign(new Error(`socket ${code}`), { code });

    // Act & Assess
    expect(isRetryableError(error)).toBe(true);
  });

  it('looks through wrapping errors to a transient cause', () => {
    // Prepare
    const error = new Error('wrapped', { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) });

    // Act & Assess
    expect(isRetryableError(error)).toBe(true);
  });

  it('does not follow an endless chain of causes', () => {
    // Prepare
    const error: Error & { cause?: unknown } = new Error('self');
    error.cause = error;

    // Act & Assess
    expect(classifyError(error).category).toBe('environment');
  });

  it.each(['ValidationException', 'SerializationException', 'InvalidArgumentException', 'EntityTooLarge'])(
    'treats %s as an invalid request, never retryable',
    (name) => {
      // Act
      const classification = classifyError(serviceError(name, 'bad item'));

      // Assess
      expect(classification).toEqual({ category: 'invalid-request', reason: `${name}: bad item` });
      expect(isRetryableError(serviceError(name, 'bad item'))).toBe(false);
    },
  );

  it('treats HTTP 413 as an invalid request', () => {
    // Act & Assess
    expect(classifyError(serviceError('PayloadTooLarge', 'x', 413)).category).toBe('invalid-request');
  });

  it.each([
    ['access denied', serviceError('AccessDeniedException', 'no')],
    ['a missing table', new ResourceNotFoundException({ message: 'no table', $metadata: { httpStatusCode: 400 } })],
    ['a plain error', new Error('bug')],
    ['a thrown string', 'oops'],
    ['null', null],
  ])('treats %s as environment: not retried now, not blamed on the item', (_label, error) => {
    // Act & Assess
    expect(classifyError(error).category).toBe('environment');
  });
});

describe('describeError', () => {
  it.each([
    [serviceError('ValidationException', 'Item too big'), 'ValidationException: Item too big'],
    [new Error(''), 'Error'],
    [{ name: '', message: 'only a message' }, 'Error: only a message'],
    [{}, 'Error'],
    ['text', 'text'],
    [undefined, 'undefined'],
  ])('describes %o as %s', (error, expected) => {
    // Act & Assess
    expect(describeError(error)).toBe(expected);
  });
});

describe('classifyErrorCode', () => {
  it.each([
    // Kinesis PutRecords entries
    ['ProvisionedThroughputExceededException', 'transient'],
    ['InternalFailure', 'transient'],
    ['KMSThrottlingException', 'transient'],
    ['KMSAccessDeniedException', 'environment'],
    ['KMSDisabledException', 'environment'],
    ['KMSNotFoundException', 'environment'],
    ['KMSInvalidStateException', 'environment'],
    // EventBridge PutEvents entries
    ['ThrottlingException', 'transient'],
    ['InternalException', 'transient'],
    ['MalformedDetail', 'invalid-request'],
    ['InvalidArgument', 'invalid-request'],
    ['ValidationException', 'invalid-request'],
    ['AccessDeniedException', 'environment'],
    ['NotAuthorizedForSourceException', 'environment'],
    ['InvalidAccountIdException', 'environment'],
    ['SomethingNew', 'environment'],
  ])('classifies the entry code %s as %s', (code, category) => {
    // Act & Assess
    expect(classifyErrorCode(code, 'message').category).toBe(category);
  });

  it('gives the reason as code and message, or the code alone', () => {
    // Act & Assess
    expect(classifyErrorCode('InternalFailure', 'Internal service failure.').reason).toBe('InternalFailure: Internal service failure.');
    expect(classifyErrorCode('InternalFailure').reason).toBe('InternalFailure');
  });
});

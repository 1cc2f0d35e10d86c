import { describe, expect, it } from 'vitest';
import { finalFailureCode } from '../../src/write-failure-code.js';
import { serviceError } from '../support/service-errors.js';

describe('finalFailureCode', () => {
  it('gives Environment for an environment error, whatever it says', () => {
    // Act & Assess
    expect(finalFailureCode(serviceError('AccessDeniedException', 'Item size has exceeded the maximum allowed size', 403), 'environment')).toBe('Environment');
  });

  it.each([
    ['DynamoDB, put', serviceError('ValidationException', 'Item size has exceeded the maximum allowed size')],
    ['DynamoDB, update', serviceError('ValidationException', 'Item size to update has exceeded the maximum allowed size')],
    ['EventBridge PutEvents', serviceError('ValidationException', 'Total size of the entries in the request is over the limit.')],
    ['S3', serviceError('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size')],
    ['HTTP 413', serviceError('RequestEntityTooLarge', 'Request Entity Too Large', 413)],
  ])('gives TooLarge for an invalid request refused for its size (%s)', (_service, error) => {
    // Act & Assess
    expect(finalFailureCode(error, 'invalid-request')).toBe('TooLarge');
  });

  it.each([
    ['a ValidationException about something else', serviceError('ValidationException', 'Type mismatch for attribute Distance')],
    ['an entry error code', { name: 'MalformedDetail', message: 'Detail is malformed.' }],
    ['an entry error code without a message', { name: 'InvalidArgument' }],
    ['a thrown string', 'item size has exceeded the maximum allowed size'],
  ])('gives Invalid for %s', (_label, error) => {
    // Act & Assess
    expect(finalFailureCode(error, 'invalid-request')).toBe('Invalid');
  });
});

import { describe, expect, it } from 'vitest';
import { SqsApiError } from '../../src/sqs/errors';
import { redrivePolicyOf, validateQueueAttributes, type QueueAttributeContext } from '../../src/sqs/queue-attributes';
import { sqsApiErrorOf } from './sqs-helpers';

const dlqArn = 'arn:aws:sqs:us-east-1:000000000000:dlq';
const context: QueueAttributeContext = {
  maxMessageBytes: 1_048_576,
  queueArn: 'arn:aws:sqs:us-east-1:000000000000:q',
  queueExists: (arn) => arn === dlqArn,
};
const errorOf = (attributes: Record<string, unknown>): SqsApiError => sqsApiErrorOf(() => validateQueueAttributes(attributes, context));

describe('queue attributes (CreateQueue / SetQueueAttributes ranges, Amazon SQS API Reference)', () => {
  it.each([
    ['DelaySeconds', '0', '900', '901'],
    ['MaximumMessageSize', '1024', '1048576', '1023'],
    ['MessageRetentionPeriod', '60', '1209600', '59'],
    ['ReceiveMessageWaitTimeSeconds', '0', '20', '21'],
    ['VisibilityTimeout', '0', '43200', '-1'],
    ['KmsDataKeyReusePeriodSeconds', '60', '86400', '86401'],
  ])('accepts %s from %s to %s and refuses %s as InvalidAttributeValue', (name, low, high, outside) => {
    // Act
    const accepted = [low, high].map((value) => validateQueueAttributes({ [name]: value }, context));
    const error = errorOf({ [name]: outside });

    // Assess
    expect(accepted).toEqual([{ [name]: low }, { [name]: high }]);
    expect([error.errorName, error.message]).toEqual(['InvalidAttributeValue', `Invalid value for the parameter ${name}.`]);
  });

  it('caps MaximumMessageSize at the emulator maxMessageBytes (e.g. the old 256 KiB)', () => {
    // Act
    const error = (() => {
      try {
        validateQueueAttributes({ MaximumMessageSize: '262145' }, { ...context, maxMessageBytes: 262_144 });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();

    // Assess
    expect(error).toBeInstanceOf(SqsApiError);
    expect((error as SqsApiError).errorName).toBe('InvalidAttributeValue');
  });

  it('refuses unknown and computed attributes as InvalidAttributeName, and FIFO ones as UnsupportedOperation', () => {
    // Act
    const names = [errorOf({ Colour: 'blue' }), errorOf({ QueueArn: 'x' }), errorOf({ ApproximateNumberOfMessages: '0' }), errorOf({ FifoQueue: 'true' })].map(
      (error) => error.errorName,
    );

    // Assess
    expect(names).toEqual(['InvalidAttributeName', 'InvalidAttributeName', 'InvalidAttributeName', 'UnsupportedOperation']);
  });

  it('normalises a redrive policy to JSON with a numeric maxReceiveCount, and parses it back', () => {
    // Act
    const attributes = validateQueueAttributes({ RedrivePolicy: `{"maxReceiveCount":"5","deadLetterTargetArn":"${dlqArn}"}` }, context);

    // Assess
    expect(attributes['RedrivePolicy']).toBe(`{"deadLetterTargetArn":"${dlqArn}","maxReceiveCount":5}`);
    expect(redrivePolicyOf(attributes)).toEqual({ deadLetterTargetArn: dlqArn, maxReceiveCount: 5 });
    expect(redrivePolicyOf({ RedrivePolicy: '' })).toBeUndefined();
  });

  it.each([
    ['a missing target', { maxReceiveCount: 3 }, 'deadLetterTargetArn'],
    ['a missing count', { deadLetterTargetArn: dlqArn }, 'maxReceiveCount'],
    ['a count of 1001', { deadLetterTargetArn: dlqArn, maxReceiveCount: 1001 }, 'valid values are from 1 to 1000 both inclusive'],
    ['a target that does not exist', { deadLetterTargetArn: 'arn:aws:sqs:us-east-1:000000000000:nope', maxReceiveCount: 3 }, 'Dead letter target does not exist.'],
    ['the queue itself', { deadLetterTargetArn: context.queueArn, maxReceiveCount: 3 }, 'cannot be the source queue itself'],
  ])('refuses a redrive policy with %s as InvalidParameterValue', (_case, policy, reason) => {
    // Act
    const error = errorOf({ RedrivePolicy: JSON.stringify(policy) });

    // Assess
    expect(error.errorName).toBe('InvalidParameterValue');
    expect(error.message).toContain('for parameter RedrivePolicy is invalid');
    expect(error.message).toContain(reason);
  });
});

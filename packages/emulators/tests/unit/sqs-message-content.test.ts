import { describe, expect, it } from 'vitest';
import { messageSizeBytes, selectMessageAttributes, validateMessageAttributes, validateMessageBody, validateMessageSystemAttributes } from '../../src/sqs/message-content';
import { sqsApiErrorOf } from './sqs-helpers';

describe('message validation (SendMessage, "Message metadata for Amazon SQS")', () => {
  it('accepts bodies of the allowed characters, tab, LF, CR and astral ones included', () => {
    // Act
    const body = validateMessageBody('a\tb\nc\rd 🦄 \u{10FFFF}');

    // Assess
    expect(body).toBe('a\tb\nc\rd 🦄 \u{10FFFF}');
  });

  it.each([
    ['a NUL', 'a\u0000b'],
    ['a lone surrogate', 'a\ud800b'],
    ['U+FFFE', 'a\ufffeb'],
  ])('refuses a body with %s as InvalidMessageContents', (_case, body) => {
    // Act
    const error = sqsApiErrorOf(() => validateMessageBody(body));

    // Assess
    expect(error.errorName).toBe('InvalidMessageContents');
  });

  it('refuses an empty or missing body as MissingParameter', () => {
    // Act
    const errors = [sqsApiErrorOf(() => validateMessageBody('')), sqsApiErrorOf(() => validateMessageBody(undefined))];

    // Assess
    expect(errors.map((error) => [error.errorName, error.message])).toEqual([
      ['MissingParameter', 'The request must contain the parameter MessageBody.'],
      ['MissingParameter', 'The request must contain the parameter MessageBody.'],
    ]);
  });

  it.each([
    ['a reserved AWS. prefix', { 'AWS.x': { DataType: 'String', StringValue: 'v' } }],
    ['a reserved amazon. prefix in any case', { 'amazon.x': { DataType: 'String', StringValue: 'v' } }],
    ['a leading period', { '.x': { DataType: 'String', StringValue: 'v' } }],
    ['two periods in a row', { 'a..b': { DataType: 'String', StringValue: 'v' } }],
    ['a space in the name', { 'a b': { DataType: 'String', StringValue: 'v' } }],
    ['an unknown type', { a: { DataType: 'Date', StringValue: 'v' } }],
    ['an empty string value', { a: { DataType: 'String', StringValue: '' } }],
    ['a Number that is no number', { a: { DataType: 'Number', StringValue: 'twelve' } }],
    ['a Binary without BinaryValue', { a: { DataType: 'Binary', StringValue: 'v' } }],
    ['11 attributes', Object.fromEntries(Array.from({ length: 11 }, (_, index) => [`a${index}`, { DataType: 'String', StringValue: 'v' }]))],
  ])('refuses message attributes with %s as InvalidParameterValue', (_case, attributes) => {
    // Act
    const error = sqsApiErrorOf(() => validateMessageAttributes(attributes));

    // Assess
    expect(error.errorName).toBe('InvalidParameterValue');
  });

  it('accepts String, Number, Binary and custom types, keeping only the value of their kind', () => {
    // Act
    const attributes = validateMessageAttributes({
      origin: { DataType: 'String', StringValue: 'kinesis' },
      count: { DataType: 'Number.int', StringValue: '-1.5e3' },
      blob: { DataType: 'Binary.gif', BinaryValue: 'AAEC', StringValue: 'ignored' },
    });

    // Assess
    expect(attributes).toEqual({
      origin: { DataType: 'String', StringValue: 'kinesis' },
      count: { DataType: 'Number.int', StringValue: '-1.5e3' },
      blob: { DataType: 'Binary.gif', BinaryValue: 'AAEC' },
    });
  });

  it('accepts AWSTraceHeader as the only message system attribute', () => {
    // Act
    const accepted = validateMessageSystemAttributes({ AWSTraceHeader: { DataType: 'String', StringValue: 'Root=1-abc' } });
    const refused = sqsApiErrorOf(() => validateMessageSystemAttributes({ SenderId: { DataType: 'String', StringValue: 'me' } }));

    // Assess
    expect(accepted).toEqual({ AWSTraceHeader: { DataType: 'String', StringValue: 'Root=1-abc' } });
    expect(refused.errorName).toBe('InvalidParameterValue');
  });

  it('counts a message as body bytes plus each attribute name, type and value ("Amazon SQS message quotas")', () => {
    // Act
    const size = messageSizeBytes('é', { a: { DataType: 'String', StringValue: 'bc' }, z: { DataType: 'Binary', BinaryValue: 'AAEC' } });

    // Assess: 2 + (1 + 6 + 2) + (1 + 6 + 3)
    expect(size).toBe(21);
  });

  it('selects the attributes ReceiveMessage returns: All, .*, prefix.* and exact names', () => {
    // Prepare
    const attributes = { 'Help.Me': 1, Hello: 2, General: 3 };

    // Act
    const selections = [['All'], ['.*'], ['Hel.*'], ['Foo', 'Hello'], []].map((names) => Object.keys(selectMessageAttributes(attributes, names)).sort());

    // Assess
    expect(selections).toEqual([['General', 'Hello', 'Help.Me'], ['General', 'Hello', 'Help.Me'], ['Hello', 'Help.Me'], ['Hello'], []]);
  });
});

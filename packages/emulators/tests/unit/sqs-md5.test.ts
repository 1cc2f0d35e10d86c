import { describe, expect, it } from 'vitest';
import { md5OfBody, md5OfMessageAttributes } from '../../src/sqs/md5';

// Digests SQS itself answered for these attributes (recorded against AWS), and the worked examples of
// "Calculating the MD5 message digest for message attributes" (Amazon SQS Developer Guide) as
// reproduced by the aws-md5-of-message-attributes package.
describe('md5OfMessageAttributes, as SQS computes MD5OfMessageAttributes', () => {
  const helpMe = { DataType: 'String', StringValue: 'Me' };
  const hello = { DataType: 'String', StringValue: 'There' };
  const general = { DataType: 'String', StringValue: 'Kenobi' };

  it.each([
    ['three strings, in any order', { 'Help.Me': helpMe, Hello: hello, General: general }, '4c360f3fdafd970e05fae2f149d997f5'],
    ['two strings', { General: general, Hello: hello }, 'fca026605781cb4126a1e9044df24232'],
    ['one string', { Hello: hello }, 'a311262e065454b75da111d535b8dacd'],
    ['sorted by name, not by insertion', { Hello: hello, 'Help.Me': helpMe }, '83fee93c1bcd8b9a5a923ffacdc636c7'],
    ['another string', { MyAttribute: { DataType: 'String', StringValue: 'foobar' } }, 'adb59cd4678ea5a855436b949cd07ab6'],
    ['a custom Number type, transport byte 1', { customNumberTypeAttrib: { DataType: 'Number.float', StringValue: '4563442423554324324264524243.32543234' } }, '9fe1b90bbd9965bdf77bac517c7d2495'],
    ['a Binary value, hashed as its raw bytes with transport byte 2', { binaryAttribute: { DataType: 'Binary', BinaryValue: Buffer.from('Hello binary world!').toString('base64') } }, '31a92b15d92f8db860eda32aceb656c3'],
  ])('matches SQS for %s', (_case, attributes, expected) => {
    // Act
    const digest = md5OfMessageAttributes(attributes);

    // Assess
    expect(digest).toBe(expected);
  });

  it('is undefined without attributes (SQS leaves MD5OfMessageAttributes out)', () => {
    // Act
    const digest = md5OfMessageAttributes({});

    // Assess
    expect(digest).toBeUndefined();
  });

  it('hashes the body as UTF-8 (MD5OfMessageBody): "msg" as SQS answered it, "é" as its two bytes C3 A9', () => {
    // Act
    const digests = [md5OfBody('msg'), md5OfBody('é')];

    // Assess
    expect(digests).toEqual(['6e2baaf3b97dbeef01c0043275f9a0e7', '66ddcd97cfdeabb2f6fb8a999b4bc76f']);
  });
});

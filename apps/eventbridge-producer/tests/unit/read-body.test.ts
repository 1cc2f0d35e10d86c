import { describe, expect, it } from 'vitest';
import { checkContentEncoding, checkContentType, readJsonBody } from '../../src/read-body.js';

const text = (body: string | undefined, contentType: string | undefined = 'application/json') => ({
  contentType,
  body,
  isBase64Encoded: false,
});

describe('checkContentType', () => {
  it.each(['application/json', 'Application/JSON', 'application/json; charset=utf-8', 'application/json;charset="UTF-8"', 'application/json; v=1'])(
    'accepts %s',
    (contentType) => {
      expect(checkContentType(contentType)).toBeUndefined();
    },
  );

  it.each([
    [undefined, /none given/],
    ['', /none given/],
    ['text/plain', /given text\/plain/],
    ['application/jsonp', /given application\/jsonp/],
    ['application/x-www-form-urlencoded', /application\/json/],
    ['application/json, text/plain', /application\/json/],
    ['application/json; charset=iso-8859-1', /UTF-8.*charset=iso-8859-1/],
  ])('refuses %s', (contentType, message) => {
    expect(checkContentType(contentType)).toMatch(message);
  });
});

describe('checkContentEncoding', () => {
  it.each([undefined, '', 'identity', 'Identity'])('accepts %j', (encoding) => {
    expect(checkContentEncoding(encoding)).toBeUndefined();
  });

  it.each(['gzip', 'br', 'deflate, gzip'])('refuses %s', (encoding) => {
    expect(checkContentEncoding(encoding)).toMatch(/not supported: send the body uncompressed/);
  });
});

describe('readJsonBody', () => {
  it('parses a JSON body and reports its size in bytes', () => {
    const body = JSON.stringify({ name: 'Ünicorn' });

    const read = readJsonBody(text(body), 1_024);

    expect(read).toEqual({ ok: true, value: { json: { name: 'Ünicorn' }, sizeBytes: Buffer.byteLength(body) } });
  });

  it('decodes a base64 body', () => {
    const read = readJsonBody({ contentType: 'application/json', body: Buffer.from('[1,2]').toString('base64'), isBase64Encoded: true }, 1_024);

    expect(read).toEqual({ ok: true, value: { json: [1, 2], sizeBytes: 5 } });
  });

  it('answers a wrong content type with 415 before looking at the body', () => {
    const read = readJsonBody(text('x'.repeat(5_000), 'text/plain'), 1_024);

    expect(read.ok ? undefined : read.problem).toMatchObject({ status: 415, error: 'UnsupportedMediaType' });
  });

  it('answers a compressed body with 415', () => {
    const read = readJsonBody({ ...text('{}'), contentEncoding: 'gzip' }, 1_024);

    expect(read.ok ? undefined : read.problem).toMatchObject({ status: 415, error: 'UnsupportedMediaType', message: expect.stringMatching(/gzip/) });
  });

  it('answers a body over the limit with 413, counting UTF-8 bytes, not characters', () => {
    const body = JSON.stringify({ name: 'é'.repeat(600) });
    expect(body.length).toBeLessThan(1_024);

    const read = readJsonBody(text(body), 1_024);

    expect(read.ok ? undefined : read.problem).toMatchObject({ status: 413, error: 'BodyTooLarge', message: `the body is ${Buffer.byteLength(body)} bytes; the limit is 1024 bytes` });
  });

  it('accepts a body of exactly the limit', () => {
    const body = `"${'a'.repeat(1_022)}"`;
    expect(readJsonBody(text(body), 1_024).ok).toBe(true);
  });

  it.each([
    ['no body', text(undefined), 'InvalidRequest', /no body/],
    ['an empty body', text(''), 'InvalidRequest', /no body/],
    ['invalid JSON', text('{"entries": ['), 'InvalidJson', /not valid JSON/],
    ['invalid UTF-8', { contentType: 'application/json', body: Buffer.from([0x22, 0xc3, 0x28, 0x22]).toString('base64'), isBase64Encoded: true }, 'InvalidJson', /UTF-8/],
  ])('answers %s with 400', (_label, request, error, message) => {
    const read = readJsonBody(request, 1_024);

    expect(read.ok ? undefined : read.problem).toMatchObject({ status: 400, error, message: expect.stringMatching(message) });
  });
});

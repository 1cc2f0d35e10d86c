import { describe, expect, it } from 'vitest';
import { decodeJsonRecord } from '../../src/decode-json-record.js';
import { b64 } from './kinesis-records.js';

describe('decodeJsonRecord', () => {
  it('decodes base64 UTF-8 JSON of any shape', () => {
    expect(decodeJsonRecord(b64('{"Name":"Ünïcörn"}'))).toEqual({ ok: true, json: { Name: 'Ünïcörn' } });
    expect(decodeJsonRecord(b64('[1,2]'))).toEqual({ ok: true, json: [1, 2] });
    expect(decodeJsonRecord(b64('42'))).toEqual({ ok: true, json: 42 });
  });

  it.each([
    ['invalid base64 characters', '%%%not-base64%%%', 'INVALID_BASE64'],
    ['base64 with a bad length', 'abc', 'INVALID_BASE64'],
    ['base64 with whitespace inside', 'e30 =', 'INVALID_BASE64'],
    ['URL-safe base64', b64('{"a":"??>"}').replaceAll('/', '_').replaceAll('+', '-'), 'INVALID_BASE64'],
    ['invalid UTF-8', Buffer.from([0xc3, 0x28]).toString('base64'), 'INVALID_JSON'],
    ['truncated JSON', b64('{"Name": "Shadowfax",'), 'INVALID_JSON'],
    ['empty data', '', 'INVALID_JSON'],
  ])('rejects %s', (_label, data, reason) => {
    expect(decodeJsonRecord(data)).toMatchObject({ ok: false, reason });
  });

  it('says what is wrong', () => {
    expect(decodeJsonRecord('***')).toEqual({ ok: false, reason: 'INVALID_BASE64', detail: 'record data is not valid base64' });
    expect(decodeJsonRecord(Buffer.from([0xff, 0xfe]).toString('base64'))).toEqual({
      ok: false,
      reason: 'INVALID_JSON',
      detail: 'record data is not valid UTF-8',
    });
    expect(decodeJsonRecord(b64('{'))).toMatchObject({ detail: expect.stringMatching(/^record data is not JSON: /) });
  });
});

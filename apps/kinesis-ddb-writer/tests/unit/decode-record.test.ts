import { describe, expect, it } from 'vitest';
import { decodeRecord } from '../../src/decode-record.js';
import { reading } from './kinesis-records.js';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('decodeRecord', () => {
  it('decodes a valid reading', () => {
    expect(decodeRecord(b64(JSON.stringify(reading())))).toEqual({ ok: true, reading: reading() });
  });

  it.each([
    ['not base64 at all', '%%%not-base64%%%', 'INVALID_BASE64'],
    ['base64 with a bad length', 'abc', 'INVALID_BASE64'],
    ['invalid UTF-8', Buffer.from([0xff, 0xfe, 0xfd]).toString('base64'), 'INVALID_JSON'],
    ['not JSON', b64('{"Name": "Shadowfax",'), 'INVALID_JSON'],
    ['a schema violation', b64(JSON.stringify(reading({ HealthPoints: 'lots' }))), 'SCHEMA_VIOLATION'],
    ['a non-canonical timestamp', b64(JSON.stringify(reading({ StatusTime: '2026-11-21 10:00:00' }))), 'SCHEMA_VIOLATION'],
    ['JSON that is not an object', b64('42'), 'SCHEMA_VIOLATION'],
  ])('rejects %s', (_label, data, reason) => {
    const decoded = decodeRecord(data);
    expect(decoded.ok).toBe(false);
    expect(decoded.ok ? undefined : decoded.reason).toBe(reason);
  });

  it('says which field violates the schema, and how', () => {
    const decoded = decodeRecord(b64(JSON.stringify(reading({ Latitude: 123 }))));
    expect(decoded.ok ? '' : decoded.detail).toBe('Latitude: Too big: expected number to be <=90');
  });

  it('says in English what is wrong with each offending field, not just "Invalid input"', () => {
    const decoded = decodeRecord(b64(JSON.stringify(reading({ Latitude: 123, HealthPoints: 'lots' }))));
    expect(decoded).toEqual({
      ok: false,
      reason: 'SCHEMA_VIOLATION',
      detail: 'Latitude: Too big: expected number to be <=90; HealthPoints: Invalid input: expected number, received string',
    });
  });
});

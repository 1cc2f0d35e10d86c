import { describe, expect, it } from 'vitest';
import { decodeChange } from '../../src/decode-change.js';
import { imageToPlain } from '../../src/stream-image.js';
import { CREATED_SECONDS, TTL_IDENTITY, image, insert, modify, reading, remove, sequenceNumberOf } from './stream-records.js';

const origin = (sequence: number) => ({
  changeId: `c0ffee${String(sequence).padStart(26, '0')}`,
  sequenceNumber: sequenceNumberOf(sequence),
  occurredAt: new Date(CREATED_SECONDS * 1000),
});
const key = { unicorn: 'Shadowfax', statusTime: '2026-11-21T10:00:00.000Z' };

describe('imageToPlain', () => {
  it('turns S, N, BOOL and NULL into plain values and keeps other types as they are', () => {
    expect(
      imageToPlain({ a: { S: 'x' }, b: { N: '-12.5' }, c: { BOOL: false }, d: { NULL: true }, e: { L: [] }, f: { N: 'abc' } }),
    ).toEqual({ a: 'x', b: -12.5, c: false, d: null, e: { L: [] }, f: Number.NaN });
  });
});

describe('decodeChange', () => {
  it('decodes an insert into the new reading', () => {
    expect(decodeChange(insert(1, reading()))).toEqual({
      ok: true,
      change: { kind: 'INSERT', key, origin: origin(1), after: reading() },
    });
  });

  it('decodes a modification into both readings', () => {
    const before = reading({ HealthPoints: 50 });
    const after = reading({ HealthPoints: 5 });
    expect(decodeChange(modify(2, before, after))).toEqual({ ok: true, change: { kind: 'MODIFY', key, origin: origin(2), before, after } });
  });

  it('decodes a removal from its keys, and tells a TTL expiry from a caller deleting', () => {
    expect(decodeChange(remove(3, reading()))).toEqual({ ok: true, change: { kind: 'REMOVE', key, origin: origin(3), expired: false } });
    expect(decodeChange(remove(4, reading(), TTL_IDENTITY))).toMatchObject({ ok: true, change: { expired: true } });
    expect(decodeChange(remove(5, reading(), { type: 'Service', principalId: 'someone.amazonaws.com' }))).toMatchObject({
      change: { expired: false },
    });
  });

  it('announces a removal even when the removed item was not a clean reading', () => {
    expect(decodeChange(remove(6, reading({ HealthPoints: 'lots' })))).toMatchObject({ ok: true, change: { kind: 'REMOVE' } });
  });

  it.each([
    ['an insert whose reading violates the schema', insert(7, reading({ Latitude: 123 })), 'NewImage: Latitude: Too big: expected number to be <=90'],
    [
      'a modification whose old reading violates the schema',
      modify(8, reading({ MagicPoints: -1 }), reading()),
      'OldImage: MagicPoints: Too small: expected number to be >=0',
    ],
    [
      'an insert without NewImage',
      { ...insert(9, reading()), dynamodb: { ...insert(9, reading()).dynamodb, NewImage: undefined } },
      'NewImage is missing (is the stream view NEW_AND_OLD_IMAGES?)',
    ],
    ['a removal with a non-canonical StatusTime key', remove(10, reading({ StatusTime: '2026-11-21 10:00:00' })), 'Keys: StatusTime: Invalid ISO datetime'],
  ])('skips %s as INVALID_IMAGE, saying in English what is wrong with which field', (_label, record, detail) => {
    expect(decodeChange(record)).toEqual({ ok: false, reason: 'INVALID_IMAGE', detail });
  });

  it('skips a number attribute DynamoDB could not have written as INVALID_IMAGE', () => {
    const record = insert(11, reading());
    record.dynamodb!.NewImage = { ...image(reading()), HealthPoints: { L: [] } } as never;
    expect(decodeChange(record)).toEqual({
      ok: false,
      reason: 'INVALID_IMAGE',
      detail: 'NewImage: HealthPoints: Invalid input: expected number, received object',
    });
  });

  it.each([
    ['no eventID', { ...insert(12, reading()), eventID: undefined }],
    ['no sequence number', { ...insert(13, reading()), dynamodb: { ...insert(13, reading()).dynamodb, SequenceNumber: undefined } }],
    ['no creation time', { ...insert(14, reading()), dynamodb: { ...insert(14, reading()).dynamodb, ApproximateCreationDateTime: undefined } }],
    ['an unknown eventName', { ...insert(15, reading()), eventName: 'TRUNCATE' as never }],
  ])('skips a record with %s as MALFORMED_RECORD', (_label, record) => {
    expect(decodeChange(record)).toMatchObject({ ok: false, reason: 'MALFORMED_RECORD' });
  });
});

import { describe, expect, it } from 'vitest';
import { CleanTelemetryReadingSchema } from '@wildrydes/schemas';
import { normaliseReading } from '../../src/normalise-reading.js';
import { ARRIVAL_MS, rawReading } from './kinesis-records.js';

const CONTEXT = { arrivalMs: ARRIVAL_MS, maxClockSkewMs: 300_000 };
const detailOf = (value: unknown, context = CONTEXT) => {
  const result = normaliseReading(value, context);
  return result.ok ? undefined : result.detail;
};

describe('normaliseReading', () => {
  it('turns a raw reading into a clean one the writer accepts', () => {
    // Act
    const result = normaliseReading(rawReading({ StatusTime: '2026-11-21 10:00:00.5' }), CONTEXT);
    // Assess
    expect(result).toEqual({
      ok: true,
      reading: {
        Name: 'Shadowfax',
        StatusTime: '2026-11-21T10:00:00.500Z',
        Latitude: 47.61,
        Longitude: -122.33,
        Distance: 12.5,
        HealthPoints: 140,
        MagicPoints: 120,
      },
    });
    expect(CleanTelemetryReadingSchema.safeParse(result.ok && result.reading).success).toBe(true);
  });

  it('gives the same clean reading for the same instant in all three formats', () => {
    const formats = ['2026-11-21T12:00:00.250+02:00', '2026-11-21 10:00:00.250', Date.UTC(2026, 10, 21, 10, 0, 0, 250)];
    const results = formats.map((StatusTime) => normaliseReading(rawReading({ StatusTime }), CONTEXT));
    for (const result of results) expect(result).toEqual(results[0]);
    expect(results[0]).toMatchObject({ ok: true, reading: { StatusTime: '2026-11-21T10:00:00.250Z' } });
  });

  it('drops unknown fields and keeps the schema field order', () => {
    const result = normaliseReading({ Extra: 'x', ...rawReading(), Nested: { a: 1 } }, CONTEXT);
    expect(result.ok && Object.keys(result.reading)).toEqual(['Name', 'StatusTime', 'Latitude', 'Longitude', 'Distance', 'HealthPoints', 'MagicPoints']);
  });

  it('measures the future from the arrival time, not from when it is processed', () => {
    const reading = rawReading({ StatusTime: '2026-11-21T10:04:00Z' });
    expect(normaliseReading(reading, CONTEXT).ok).toBe(true);
    expect(detailOf(reading, { arrivalMs: ARRIVAL_MS, maxClockSkewMs: 60_000 })).toMatch(/^StatusTime: .* is in the future/);
    expect(detailOf(reading, { arrivalMs: ARRIVAL_MS - 300_000, maxClockSkewMs: 300_000 })).toMatch(/in the future/);
  });

  it.each([
    ['a value that is not an object', 42, /^Invalid input: expected object, received number$/],
    ['null', null, /^Invalid input: expected object, received null$/],
    ['a missing Name', rawReading({ Name: undefined }), /^Name: Invalid input: expected string, received undefined$/],
    ['an empty Name', rawReading({ Name: '' }), /^Name: Too small: expected string to have >=1 characters$/],
    ['a Name longer than a partition key may be', rawReading({ Name: 'x'.repeat(257) }), /^Name: Too big: expected string to have <=256 characters$/],
    [
      'a StatusTime of the wrong type',
      rawReading({ StatusTime: true }),
      /^StatusTime: Invalid input: expected a date-time string or epoch milliseconds, received boolean$/,
    ],
    ['an empty StatusTime', rawReading({ StatusTime: '' }), /^StatusTime: Too small: expected string to have >=1 characters$/],
    ['an impossible date', rawReading({ StatusTime: '2026-02-30 10:00:00.000' }), /^StatusTime: 2026-02-30 is not a date/],
    ['a reading before 2000', rawReading({ StatusTime: '1999-12-31 23:59:59.999' }), /^StatusTime: .* is before 2000/],
    ['a Latitude out of range', rawReading({ Latitude: 91 }), /^Latitude: Too big: expected number to be <=90$/],
    ['a Longitude out of range', rawReading({ Longitude: -180.5 }), /^Longitude: Too small: expected number to be >=-180$/],
    ['a negative Distance', rawReading({ Distance: -1 }), /^Distance: Too small: expected number to be >=0$/],
    ['a Distance given as a string', rawReading({ Distance: '12' }), /^Distance: Invalid input: expected number, received string$/],
    ['an infinite number (JSON 1e999)', JSON.parse('{"Name":"Shadowfax","StatusTime":"2026-11-21 10:00:00","Latitude":1e999,"Longitude":0,"Distance":0,"HealthPoints":1,"MagicPoints":1}'), /^Latitude: Invalid input: expected number, received Infinity$/],
    ['fractional HealthPoints (rejected, not rounded)', rawReading({ HealthPoints: 99.5 }), /^HealthPoints: Invalid input: expected int, received number$/],
    ['fractional MagicPoints (rejected, not rounded)', rawReading({ MagicPoints: 0.1 }), /^MagicPoints: Invalid input: expected int, received number$/],
    ['HealthPoints above the range', rawReading({ HealthPoints: 1001 }), /^HealthPoints: Too big: expected number to be <=1000$/],
    ['negative MagicPoints', rawReading({ MagicPoints: -1 }), /^MagicPoints: Too small: expected number to be >=0$/],
  ])('rejects %s, saying in English what is wrong with which field', (_label, value, detail) => {
    expect(detailOf(value)).toMatch(detail);
  });

  it('names every offending field at once', () => {
    expect(detailOf(rawReading({ Latitude: 100, HealthPoints: 1.5 }))).toBe(
      'Latitude: Too big: expected number to be <=90; HealthPoints: Invalid input: expected int, received number',
    );
  });
});

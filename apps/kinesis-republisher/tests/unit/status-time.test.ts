import { describe, expect, it } from 'vitest';
import { parseStatusTime } from '../../src/status-time.js';

const LATEST = { latestMs: Date.UTC(2026, 10, 21, 10, 5, 30) };
const iso = (value: string | number) => {
  const parsed = parseStatusTime(value, LATEST);
  return parsed.ok ? new Date(parsed.epochMs).toISOString() : parsed.detail;
};

describe('parseStatusTime', () => {
  it.each([
    ['ISO-8601 with Z and milliseconds', '2026-11-21T10:00:00.123Z', '2026-11-21T10:00:00.123Z'],
    ['ISO-8601 with Z, no fraction', '2026-11-21T10:00:00Z', '2026-11-21T10:00:00.000Z'],
    ['ISO-8601 with a one-digit fraction', '2026-11-21T10:00:00.5Z', '2026-11-21T10:00:00.500Z'],
    ['ISO-8601 with a positive offset', '2026-11-21T11:30:00.250+01:30', '2026-11-21T10:00:00.250Z'],
    ['ISO-8601 with a negative offset, no colon', '2026-11-21T02:00:00-0800', '2026-11-21T10:00:00.000Z'],
    ['ISO-8601 with an offset crossing midnight', '2026-11-20T23:00:00-11:00', '2026-11-21T10:00:00.000Z'],
    ['ISO-8601 with -00:00', '2026-11-21T10:00:00-00:00', '2026-11-21T10:00:00.000Z'],
    ['ISO-8601 without an offset (taken as UTC)', '2026-11-21T10:00:00.042', '2026-11-21T10:00:00.042Z'],
    ['RFC 3339 lower-case t and z', '2026-11-21t10:00:00z', '2026-11-21T10:00:00.000Z'],
    ['the workshop format (taken as UTC)', '2026-11-21 10:00:00.123', '2026-11-21T10:00:00.123Z'],
    ['the workshop format without a fraction', '2026-11-21 10:00:00', '2026-11-21T10:00:00.000Z'],
    ['a comma as the decimal sign', '2026-11-21T10:00:00,7Z', '2026-11-21T10:00:00.700Z'],
    ['microseconds, truncated not rounded', '2026-11-21T10:00:00.123999Z', '2026-11-21T10:00:00.123Z'],
    ['nanoseconds, truncated', '2026-11-21T10:00:00.999999999Z', '2026-11-21T10:00:00.999Z'],
    ['epoch milliseconds', Date.UTC(2026, 10, 21, 10, 0, 0, 7), '2026-11-21T10:00:00.007Z'],
    ['fractional epoch milliseconds, truncated', Date.UTC(2026, 10, 21, 10, 0, 0, 7) + 0.9, '2026-11-21T10:00:00.007Z'],
    ['29 February of a leap year', '2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['29 February of a 400-year leap year', '2000-02-29T00:00:00Z', '2000-02-29T00:00:00.000Z'],
    ['exactly 2000-01-01', '2000-01-01T00:00:00.000Z', '2000-01-01T00:00:00.000Z'],
    ['exactly at the future bound', '2026-11-21T10:05:30.000Z', '2026-11-21T10:05:30.000Z'],
  ])('normalises %s', (_label, value, expected) => {
    expect(iso(value)).toBe(expected);
  });

  it.each([
    ['30 February', '2026-02-30T10:00:00Z', /2026-02-30 is not a date \(February 2026 has 28 days\)/],
    ['29 February of a common year', '2026-02-29 10:00:00', /February 2026 has 28 days/],
    ['29 February of 2100 (not a leap year)', '2100-02-29T00:00:00Z', /February 2100 has 28 days/],
    ['31 April', '2026-04-31T00:00:00Z', /April 2026 has 30 days/],
    ['day 0', '2026-11-00T00:00:00Z', /is not a date/],
    ['month 13', '2026-13-01T00:00:00Z', /month 13 does not exist/],
    ['hour 24', '2026-11-21T24:00:00Z', /24:00:00 is not a time of day/],
    ['a leap second', '2026-12-31T23:59:60Z', /is not a time of day/],
    ['minute 60', '2026-11-21T10:60:00Z', /is not a time of day/],
    ['an offset of 24 hours', '2026-11-21T10:00:00+24:00', /offset \+24:00 is not a UTC offset/],
    ['a date without a time', '2026-11-21', /is neither ISO-8601/],
    ['a time without seconds', '2026-11-21T10:00Z', /is neither ISO-8601/],
    ['a human date', '21 November 2026 10:00', /is neither ISO-8601/],
    ['an expanded year', '+002026-11-21T10:00:00Z', /is neither ISO-8601/],
    ['a numeric string', '1763719200000', /is neither ISO-8601/],
    ['trailing garbage', '2026-11-21T10:00:00Zjunk', /is neither ISO-8601/],
    ['more than 9 fraction digits', '2026-11-21T10:00:00.1234567890Z', /is neither ISO-8601/],
    ['1999', '1999-12-31T23:59:59.999Z', /is before 2000-01-01T00:00:00.000Z$/],
    ['2000 local time that is 1999 in UTC', '2000-01-01T00:30:00+01:00', /is before 2000/],
    ['year 0050 (not 1950 nor 2050)', '0050-01-01T00:00:00Z', /is before 2000/],
    ['epoch seconds instead of milliseconds', 1_763_719_200, /before 2000.*epoch seconds\? send milliseconds/],
    ['a negative epoch', -1, /is before 2000/],
    ['a reading from after the allowed skew', '2026-11-21T10:05:30.001Z', /is in the future \(later than 2026-11-21T10:05:30.000Z/],
    ['a reading from year 9999', '9999-12-31T23:59:59Z', /is in the future/],
    ['an epoch beyond what a Date holds', 1e20, /is in the future/],
    ['Infinity', Number.POSITIVE_INFINITY, /is not a finite number/],
    ['NaN', Number.NaN, /is not a finite number/],
  ])('rejects %s', (_label, value, detail) => {
    const parsed = parseStatusTime(value, LATEST);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.detail).toMatch(/^StatusTime: /);
    expect(parsed.ok ? '' : parsed.detail).toMatch(detail);
  });

  it('caps the future at year 9999 even without a bound, so the canonical form stays four-digit', () => {
    expect(parseStatusTime('9999-12-31T23:59:59.999Z', { latestMs: Number.POSITIVE_INFINITY }).ok).toBe(true);
    expect(parseStatusTime(253_402_300_800_000, { latestMs: Number.POSITIVE_INFINITY }).ok).toBe(false);
  });

  it('rejects everything when the bound is not a number, rather than accepting everything', () => {
    expect(parseStatusTime('2026-11-21T10:00:00Z', { latestMs: Number.NaN })).toEqual({
      ok: false,
      detail: 'StatusTime: "2026-11-21T10:00:00Z" is in the future (later than an unknown bound, arrival plus the allowed clock skew)',
    });
  });

  it('shows at most 64 characters of an unreadable value', () => {
    const parsed = parseStatusTime('x'.repeat(10_000), LATEST);
    expect(parsed.ok ? '' : parsed.detail.length).toBeLessThan(250);
  });
});

import { describe, expect, it } from 'vitest';
import {
  CleanTelemetryReadingSchema,
  RawTelemetryReadingSchema,
  formatIssues,
  parseWithEnglishIssues,
  sensorItemKey,
  toSensorItem,
} from '../../src/index.js';

const reading = {
  Name: 'Shadowfax',
  StatusTime: '2026-11-21T10:00:00.123Z',
  Latitude: 47.61,
  Longitude: -122.33,
  Distance: 12.5,
  HealthPoints: 140,
  MagicPoints: 120,
};

describe('CleanTelemetryReadingSchema', () => {
  it('accepts a canonical reading and drops unknown fields', () => {
    const parsed = CleanTelemetryReadingSchema.parse({ ...reading, Extra: 'ignored' });
    expect(parsed).toEqual(reading);
  });

  it.each([
    ['StatusTime', '2026-11-21T10:00:00Z'],
    ['StatusTime', '2026-11-21 10:00:00.123'],
    ['StatusTime', '2026-11-21T10:00:00.123+01:00'],
    ['Latitude', 91],
    ['Longitude', -180.5],
    ['Distance', -1],
    ['HealthPoints', 10.5],
    ['MagicPoints', -3],
    ['Name', ''],
    ['Name', 'x'.repeat(257)],
  ])('rejects %s = %j', (field, value) => {
    const result = CleanTelemetryReadingSchema.safeParse({ ...reading, [field]: value });
    expect(result.success).toBe(false);
    expect(formatIssues(result.error!.issues)).toContain(field);
  });

  it('names every missing field in one readable English line', () => {
    // Act
    const check = parseWithEnglishIssues(CleanTelemetryReadingSchema, { Name: 'Shadowfax' });
    // Assess
    expect(check.ok ? undefined : check.detail).toBe(
      'StatusTime: Invalid input: expected string, received undefined; ' +
        ['Latitude', 'Longitude', 'Distance', 'HealthPoints', 'MagicPoints'].map((field) => `${field}: Invalid input: expected number, received undefined`).join('; '),
    );
  });
});

describe('RawTelemetryReadingSchema', () => {
  it.each(['2026-11-21 10:00:00.123', '2026-11-21T10:00:00Z', 1_763_719_200_000])('accepts StatusTime %j', (statusTime) => {
    expect(RawTelemetryReadingSchema.safeParse({ ...reading, StatusTime: statusTime }).success).toBe(true);
  });

  it.each([
    [true, 'boolean'],
    [null, 'null'],
    [[1], 'array'],
    [undefined, 'undefined'],
  ])('says what a StatusTime may be when given %j', (statusTime, kind) => {
    const check = parseWithEnglishIssues(RawTelemetryReadingSchema, { ...reading, StatusTime: statusTime });
    expect(check.ok ? undefined : check.detail).toBe(`StatusTime: Invalid input: expected a date-time string or epoch milliseconds, received ${kind}`);
  });
});

describe('toSensorItem', () => {
  it('keeps exactly the reading fields, so the same reading always makes the same item', () => {
    const item = toSensorItem(CleanTelemetryReadingSchema.parse(reading));
    expect(item).toEqual(reading);
    expect(sensorItemKey(item)).toBe(sensorItemKey({ Name: 'Shadowfax', StatusTime: reading.StatusTime }));
    expect(sensorItemKey(item)).not.toBe(sensorItemKey({ Name: 'Shadowfax', StatusTime: '2026-11-21T10:00:01.000Z' }));
  });
});

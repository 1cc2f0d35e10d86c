import { describe, expect, it } from 'vitest';
import {
  CleanTelemetryReadingSchema,
  EVENT_CATALOG,
  RawTelemetryReadingSchema,
  catalogJsonSchema,
  isDynamoDbStorable,
  parseWithEnglishIssues,
  significantDigits,
  type CatalogKey,
} from '../../src/index.js';
import { examples } from './catalog-examples.js';

const reading = {
  Name: 'Shadowfax',
  StatusTime: '2026-11-21T10:00:00.123Z',
  Latitude: 47.61,
  Longitude: -122.33,
  Distance: 12.5,
  HealthPoints: 140,
  MagicPoints: 120,
};

const detailOf = (check: { ok: boolean; detail?: string }) => (check.ok ? undefined : check.detail);

// DynamoDB developer guide, "Supported data types and naming rules" (Number): up to 38 digits of
// precision; positive range 1E-130 to 9.9999999999999999999999999999999999999E+125, negative the same.
describe('isDynamoDbStorable (DynamoDB Number: 38 digits, magnitude 1E-130 .. 9.99E+125)', () => {
  it.each([0, -0, 1, -1, 12.5, 1e-130, -1e-130, 9.999999999999998e125, -9.999999999999998e125, Number.MAX_SAFE_INTEGER])(
    'stores %s',
    (value) => {
      expect(isDynamoDbStorable(value)).toBe(true);
    },
  );

  it.each([1e-131, 1e-200, -1e-200, 1e126, -1e126, 9e300, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN])(
    'refuses %s',
    (value) => {
      expect(isDynamoDbStorable(value)).toBe(false);
    },
  );

  it('counts the significant digits of the shortest decimal form', () => {
    expect([significantDigits(1250.5), significantDigits(12_500), significantDigits(1e-200), significantDigits(0)]).toEqual([5, 3, 1, 1]);
    expect(significantDigits(0.1 + 0.2)).toBe(17);
  });
});

describe('every numeric field is storable and plausible', () => {
  it('refuses Distance 1e-200 (DynamoDB "Number underflow") in raw and clean readings, in one English line', () => {
    // Act
    const clean = parseWithEnglishIssues(CleanTelemetryReadingSchema, { ...reading, Distance: 1e-200 });
    const raw = parseWithEnglishIssues(RawTelemetryReadingSchema, { ...reading, Distance: 1e-200 });

    // Assess
    const message = 'Distance: Invalid number: DynamoDB stores only 0 or magnitudes from 1e-130 to below 1e126 with at most 38 significant digits (given 1e-200)';
    expect(detailOf(clean)).toBe(message);
    expect(detailOf(raw)).toBe(message);
  });

  it.each([
    ['Latitude', -90.5],
    ['Longitude', 1e200],
    ['Distance', 1_000_001],
    ['HealthPoints', 5e125],
    ['MagicPoints', -1e-140],
  ])('refuses a raw reading with %s = %s, before it reaches the table', (field, value) => {
    const check = parseWithEnglishIssues(RawTelemetryReadingSchema, { ...reading, [field]: value });
    expect(detailOf(check)).toMatch(new RegExp(`^${field}: `));
  });

  it('refuses a RideCompleted distanceMetres of 9e125: storable alone, but no ride is that long', () => {
    const ride = {
      metadata: { eventId: 'r-1-completed', schemaVersion: 1, occurredAt: '2026-11-21T10:20:00.000Z' },
      rideId: 'r-1',
      unicorn: 'Shadowfax',
      completedAt: '2026-11-21T10:20:00.000Z',
    };
    const schema = EVENT_CATALOG['RideCompleted@1'].detail;

    expect(detailOf(parseWithEnglishIssues(schema, { ...ride, distanceMetres: 9e125 }))).toBe(
      'distanceMetres: Too big: expected number to be <=1000000',
    );
    expect(detailOf(parseWithEnglishIssues(schema, { ...ride, distanceMetres: 1e-200 }))).toMatch(/^distanceMetres: Invalid number: DynamoDB/);
    expect(parseWithEnglishIssues(schema, { ...ride, distanceMetres: 1_000_000 }).ok).toBe(true);
  });

  it('bounds UnicornHealthLow threshold by what a health-point count can be', () => {
    const detail = {
      metadata: { eventId: 'abc', schemaVersion: 1, occurredAt: '2026-11-21T10:00:00.000Z' },
      unicorn: 'Shadowfax',
      statusTime: '2026-11-21T10:00:00.000Z',
      healthPoints: 12,
      latitude: 1,
      longitude: 2,
    };
    expect(detailOf(parseWithEnglishIssues(EVENT_CATALOG['UnicornHealthLow@1'].detail, { ...detail, threshold: 1e130 }))).toMatch(/^threshold: /);
  });
});

/** The paths of every non-constant number in a JSON Schema, e.g. `['before', 'distance']`. */
function numericPaths(schema: Record<string, unknown>, path: string[] = []): string[][] {
  if ((schema['type'] === 'number' || schema['type'] === 'integer') && schema['const'] === undefined) return [path];
  const properties = (schema['properties'] ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(properties).flatMap(([name, property]) => numericPaths(property, [...path, name]));
}

function withValueAt(value: unknown, path: readonly string[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string, ...string[]];
  const object = value as Record<string, unknown>;
  return { ...object, [head]: withValueAt(object[head], rest, replacement) };
}

describe('the catalog', () => {
  const cases = (Object.keys(EVENT_CATALOG) as CatalogKey[]).flatMap((key) =>
    numericPaths(catalogJsonSchema(key)).map((path) => [key, path.join('.'), path] as const),
  );

  it('has numeric fields to check (the walk finds them)', () => {
    expect(cases.map(([key, name]) => `${key} ${name}`)).toEqual(expect.arrayContaining(['RideCompleted@1 distanceMetres', 'UnicornReadingCorrected@1 after.distance']));
  });

  it.each(cases)('%s refuses %s = 1e-200 and 1e126, which DynamoDB cannot store', (key, name, path) => {
    const schema = EVENT_CATALOG[key].detail;
    expect(schema.safeParse(examples[key]).success).toBe(true);
    for (const value of [1e-200, 1e126]) {
      const check = parseWithEnglishIssues(schema, withValueAt(examples[key], path, value));
      expect(detailOf(check)).toMatch(new RegExp(`^${name.replaceAll('.', '\\.')}: `));
    }
  });
});

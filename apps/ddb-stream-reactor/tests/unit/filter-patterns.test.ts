import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { parsePattern, validatePattern } from '@wildrydes/event-patterns';
import { eventsForChange } from '../../src/change-events.js';
import { decodeChange } from '../../src/decode-change.js';
import { LAMBDA_FILTER_PATTERN_MAX_CHARS, reactorFilterPatterns } from '../../src/filter-patterns.js';
import { HEALTH_LOW_THRESHOLD, ddbStreamReactor } from '../../infra/declaration.js';
import { TTL_IDENTITY, insert, modify, reading, remove } from './stream-records.js';

/** What Lambda does with a record: deliver it when any filter matches the record's JSON. */
function delivered(patterns: ReadonlyArray<Record<string, unknown>>, record: DynamoDBRecord): boolean {
  const json: unknown = JSON.parse(JSON.stringify(record));
  return patterns.some((pattern) => parsePattern(pattern).matches(json));
}

/** Whether the handler acts on the record: it causes at least one event. */
function actedOn(record: DynamoDBRecord, healthLowThreshold: number): boolean {
  const decoded = decodeChange(record);
  return decoded.ok && eventsForChange(decoded.change, { healthLowThreshold }).length > 0;
}

const ALL_HEALTH_POINTS = Array.from({ length: 1001 }, (_, healthPoints) => healthPoints);

describe('reactorFilterPatterns', () => {
  it('is what the declaration deploys, built from the same threshold as HEALTH_LOW_THRESHOLD', () => {
    expect(ddbStreamReactor.trigger.filterPatterns).toEqual(reactorFilterPatterns(HEALTH_LOW_THRESHOLD));
    expect(ddbStreamReactor.environment.HEALTH_LOW_THRESHOLD).toBe(String(HEALTH_LOW_THRESHOLD));
  });

  it.each([1, 20, 500])('with threshold %i, delivers exactly the records the handler acts on', (threshold) => {
    // Prepare
    const patterns = reactorFilterPatterns(threshold).map((pattern) => parsePattern(pattern));
    const records = [
      ...ALL_HEALTH_POINTS.map((healthPoints) => insert(healthPoints, reading({ HealthPoints: healthPoints }))),
      ...ALL_HEALTH_POINTS.map((healthPoints) =>
        modify(2000 + healthPoints, reading({ HealthPoints: (healthPoints + 37) % 1001 }), reading({ HealthPoints: healthPoints })),
      ),
      modify(3001, reading({ HealthPoints: 5, Latitude: 1 }), reading({ HealthPoints: 5, Latitude: 2 })),
      remove(3002, reading()),
      remove(3003, reading({ HealthPoints: 3 }), TTL_IDENTITY),
    ];

    // Act
    const mismatches = records.filter((record) => {
      const json: unknown = JSON.parse(JSON.stringify(record));
      return patterns.some((pattern) => pattern.matches(json)) !== actedOn(record, threshold);
    });

    // Assess
    expect(mismatches.map((record) => `${record.eventName} ${JSON.stringify(record.dynamodb?.NewImage?.['HealthPoints'])}`)).toEqual([]);
  });

  it('filters inserts below the threshold out of a real-looking batch, and lets every modification and removal through', () => {
    const patterns = reactorFilterPatterns(20);
    expect(delivered(patterns, insert(1, reading({ HealthPoints: 19 })))).toBe(true);
    expect(delivered(patterns, insert(2, reading({ HealthPoints: 20 })))).toBe(false);
    expect(delivered(patterns, insert(3, reading({ HealthPoints: 190 })))).toBe(false);
    expect(delivered(patterns, modify(4, reading({ HealthPoints: 190 }), reading({ HealthPoints: 191 })))).toBe(true);
    expect(delivered(patterns, remove(5, reading()))).toBe(true);
  });

  it('would match nothing with a numeric comparison, because DynamoDB numbers reach the filter as strings', () => {
    const numeric = { dynamodb: { NewImage: { HealthPoints: { N: [{ numeric: ['<', 20] }] } } } };
    expect(delivered([numeric], insert(1, reading({ HealthPoints: 3 })))).toBe(false);
  });

  it('gives valid patterns within Lambda limits: at most 5, each at most 4096 characters', () => {
    for (const threshold of [1, 20, 600]) {
      const patterns = reactorFilterPatterns(threshold);
      expect(patterns.length).toBeLessThanOrEqual(5);
      for (const pattern of patterns) {
        expect(() => validatePattern(pattern)).not.toThrow();
        expect(JSON.stringify(pattern).length).toBeLessThanOrEqual(LAMBDA_FILTER_PATTERN_MAX_CHARS);
      }
    }
  });

  it.each([0, -1, 2.5, 1001, Number.NaN])('rejects the threshold %s, naming it', (threshold) => {
    expect(() => reactorFilterPatterns(threshold)).toThrow(`(given ${threshold})`);
  });

  it('rejects a threshold whose list of low values would not fit in a Lambda filter pattern', () => {
    expect(() => reactorFilterPatterns(1000)).toThrow(/over Lambda's 4096/);
  });
});

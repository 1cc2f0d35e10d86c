import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { parsePattern, validatePattern } from '@wildrydes/event-patterns';
import { eventsForChange } from '../../src/change-events.js';
import { decodeChange } from '../../src/decode-change.js';
import { healthRestoredFor } from '../../src/health-recovery.js';
import { LAMBDA_FILTER_PATTERN_MAX_CHARS, reactorFilterPatterns } from '../../src/filter-patterns.js';
import { ddbStreamReactor } from '../../infra/declaration.js';
import { TTL_IDENTITY, insert, modify, reading, remove } from './stream-records.js';

/** What Lambda does with a record: deliver it when any filter matches the record's JSON. */
function delivered(patterns: ReadonlyArray<Record<string, unknown>>, record: DynamoDBRecord): boolean {
  const json: unknown = JSON.parse(JSON.stringify(record));
  return patterns.some((pattern) => parsePattern(pattern).matches(json));
}

/**
 * Whether the handler could act on the record: it causes an event by itself, or it may cause a
 * recovery with some neighbours (tried with a low and a healthy reading on either side).
 */
function mayActOn(record: DynamoDBRecord, healthLowThreshold: number): boolean {
  const decoded = decodeChange(record);
  if (!decoded.ok) return false;
  const { change } = decoded;
  if (eventsForChange(change, { healthLowThreshold }).length > 0) return true;
  if (change.kind === 'REMOVE') return false;
  const around = (healthPoints: number) => [
    { statusTime: '2026-11-21T09:59:59.000Z', healthPoints },
    { statusTime: '2026-11-21T10:00:01.000Z', healthPoints },
  ];
  return [0, 1000].some((healthPoints) => healthRestoredFor(change, around(healthPoints), { healthLowThreshold }).length > 0);
}

const ALL_HEALTH_POINTS = Array.from({ length: 1001 }, (_, healthPoints) => healthPoints);

describe('reactorFilterPatterns', () => {
  it('is what the declaration deploys', () => {
    expect(ddbStreamReactor.trigger.filterPatterns).toEqual(reactorFilterPatterns());
  });

  it.each([1, 20, 500])('with threshold %i, delivers every record the handler may act on', (threshold) => {
    // Prepare
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
    const missed = records.filter((record) => mayActOn(record, threshold) && !delivered(reactorFilterPatterns(), record));

    // Assess
    expect(missed.map((record) => `${record.eventName} ${JSON.stringify(record.dynamodb?.NewImage?.['HealthPoints'])}`)).toEqual([]);
  });

  it('delivers every insert, modification and removal, healthy inserts included (one may end a low)', () => {
    const patterns = reactorFilterPatterns();
    expect(delivered(patterns, insert(1, reading({ HealthPoints: 19 })))).toBe(true);
    expect(delivered(patterns, insert(2, reading({ HealthPoints: 190 })))).toBe(true);
    expect(delivered(patterns, modify(3, reading({ HealthPoints: 190 }), reading({ HealthPoints: 191 })))).toBe(true);
    expect(delivered(patterns, remove(4, reading()))).toBe(true);
  });

  it('keeps out records without the images the reactor needs (a stream view without them)', () => {
    const keysOnly = insert(1, reading());
    delete keysOnly.dynamodb!.NewImage;
    expect(delivered(reactorFilterPatterns(), keysOnly)).toBe(false);
  });

  it('gives valid patterns within Lambda limits: at most 5, each at most 4096 characters', () => {
    const patterns = reactorFilterPatterns();
    expect(patterns.length).toBeLessThanOrEqual(5);
    for (const pattern of patterns) {
      expect(() => validatePattern(pattern)).not.toThrow();
      expect(JSON.stringify(pattern).length).toBeLessThanOrEqual(LAMBDA_FILTER_PATTERN_MAX_CHARS);
    }
  });
});

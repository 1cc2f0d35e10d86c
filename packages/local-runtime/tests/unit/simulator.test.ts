import { describe, expect, it } from 'vitest';
import { CleanTelemetryReadingSchema, RawTelemetryReadingSchema } from '@wildrydes/schemas';
import { seededRandom } from '../../src/simulator/random.js';
import { createFleet, nextReading } from '../../src/simulator/telemetry.js';
import { nextRide } from '../../src/simulator/rides.js';
import { EVENT_CATALOG } from '@wildrydes/schemas';

const START = Date.UTC(2026, 10, 21, 10, 0, 0);

function simulate(count: number, badRatio: number, seed = 7) {
  const random = seededRandom(seed);
  const fleet = createFleet(3, random, START);
  return Array.from({ length: count }, (_, i) => nextReading(fleet[i % 3]!, START + Math.floor(i / 10), badRatio, random));
}

describe('telemetry simulator', () => {
  it('is deterministic for a seed', () => {
    expect(simulate(50, 0.2).map((r) => r.data.toString('hex'))).toEqual(simulate(50, 0.2).map((r) => r.data.toString('hex')));
  });

  it('sends valid raw readings whose expected key is unique and canonical', () => {
    const readings = simulate(300, 0);
    const keys = readings.map((r) => `${r.expected!.name}|${r.expected!.statusTime}`);
    expect(new Set(keys).size).toBe(300);
    for (const reading of readings) {
      expect(RawTelemetryReadingSchema.safeParse(JSON.parse(reading.data.toString())).success).toBe(true);
      expect(CleanTelemetryReadingSchema.shape.StatusTime.safeParse(reading.expected!.statusTime).success).toBe(true);
    }
  });

  it('injects malformed readings at about the requested ratio, each with its defect named', () => {
    const readings = simulate(2_000, 0.25);
    const bad = readings.filter((r) => r.defect);
    expect(bad.length / readings.length).toBeGreaterThan(0.2);
    expect(bad.length / readings.length).toBeLessThan(0.3);
    expect(bad.every((r) => r.expected === undefined)).toBe(true);
    expect(new Set(bad.map((r) => r.defect)).size).toBe(5);
  });

  it('produces ride events that satisfy the catalog', () => {
    const random = seededRandom(1);
    const ride = nextRide(1, createFleet(2, random, START), START, random, 'run');
    for (const event of [ride.requested, ride.completed] as Array<{ detailType: string; detail: unknown }>) {
      const entry = EVENT_CATALOG[`${event.detailType}@1` as keyof typeof EVENT_CATALOG];
      expect(entry.detail.safeParse(event.detail).success).toBe(true);
    }
  });
});

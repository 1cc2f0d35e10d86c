import { describe, expect, it } from 'vitest';
import { compareFleet, expectedFleet, type FleetStateSnapshot, type StoredReading } from '../../src/runtime/read-model-check.js';

const at = (second: number) => `2026-11-21T10:00:${String(second).padStart(2, '0')}.000Z`;
const readingOf = (name: string, second: number, healthPoints: number): StoredReading => ({ name, statusTime: at(second), healthPoints });
const state = (unicorn: string, overrides: Partial<FleetStateSnapshot> = {}): [string, FleetStateSnapshot] => [
  unicorn,
  { unicorn, ridesCompleted: 0, distanceMetres: 0, healthStatus: 'OK', ...overrides },
];
const mismatchesOf = (storedReadings: StoredReading[], states: Array<[string, FleetStateSnapshot]>, completedRides = []) =>
  compareFleet(new Map(states), expectedFleet({ completedRides, storedReadings, healthLowThreshold: 20 }));

describe('the read-model check', () => {
  it('wants OK, with a recovery after the low, for a unicorn whose latest stored reading is healthy after a low one', () => {
    // Prepare
    const readings = [readingOf('Phoenix', 1, 90), readingOf('Phoenix', 2, 4), readingOf('Phoenix', 3, 120)];

    // Act + Assess
    expect(mismatchesOf(readings, [state('Phoenix', { healthStatus: 'OK', lastRecovery: { statusTime: at(3) } })])).toEqual([]);
    expect(mismatchesOf(readings, [state('Phoenix', { healthStatus: 'LOW', lastAlert: { statusTime: at(2) } })])).toEqual([
      `Phoenix: health LOW (recovery at none), expected OK after its low reading ${at(2)}: its latest stored reading ${at(3)} has HealthPoints 120`,
    ]);
  });

  it('wants LOW, with the latest reading as the last alert, for a unicorn whose latest stored reading is low', () => {
    const readings = [readingOf('Ember', 1, 3), readingOf('Ember', 2, 90), readingOf('Ember', 3, 10)];

    expect(mismatchesOf(readings, [state('Ember', { healthStatus: 'LOW', lastAlert: { statusTime: at(3) } })])).toEqual([]);
    expect(mismatchesOf(readings, [state('Ember', { healthStatus: 'OK', lastRecovery: { statusTime: at(2) } })])).toEqual([
      `Ember: health OK, expected LOW: its latest stored reading ${at(3)} is low`,
      `Ember: last alert at none, expected ${at(3)}`,
    ]);
  });

  it('expects nothing of a unicorn that was never low and never rode, and OK of one that only rode', () => {
    const readings = [readingOf('Calm', 1, 90), readingOf('Rider', 1, 90)];
    const rides = [{ unicorn: 'Rider', rideId: 'r-1', distanceMetres: 0.1 + 0.2 }];

    expect(compareFleet(new Map([state('Rider', { ridesCompleted: 1, distanceMetres: 0.3 })]), expectedFleet({ completedRides: rides, storedReadings: readings, healthLowThreshold: 20 }))).toEqual([]);
    expect(mismatchesOf(readings, [state('Calm')])).toEqual(['Calm: in the read model but nothing was sent for it']);
  });
});

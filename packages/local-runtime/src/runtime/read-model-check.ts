import { ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { CompletedRide } from '../simulator/driver.js';

/** A unicorn's state as the consumer's read model holds it (partition `UNICORN#<name>`, sort key `STATE`). */
export interface FleetStateSnapshot {
  readonly unicorn: string;
  readonly ridesCompleted: number;
  readonly distanceMetres: number;
  readonly healthStatus?: string;
  readonly lastAlert?: { readonly statusTime: string };
  readonly lastRecovery?: { readonly statusTime: string };
}

/** A valid reading that was sent and is stored in UnicornSensorData. */
export interface StoredReading {
  readonly name: string;
  readonly statusTime: string;
  readonly healthPoints: number;
}

/** What the read model must say about one unicorn. */
export interface ExpectedUnicorn {
  rides: number;
  distanceMetres: number;
  /** The unicorn's latest stored reading, when it has one. */
  latest?: StoredReading;
  /** Its newest stored low reading, when it has one. */
  newestLow?: StoredReading;
}

/** The consumer counts a ride's distance to the millimetre (eventbridge-consumer's `distanceIncrement`). */
const toMillimetre = (metres: number) => Math.round(metres * 1000) / 1000;

/**
 * What the read model must hold, from what was sent and stored: per unicorn, the rides the bus
 * accepted (count, distance to the millimetre), and its health as its stored readings say it,
 * the latest reading deciding (LOW when it is low; OK when it is not, after a low: a recovery).
 * A unicorn appears when it has rides or a stored low reading: only those cause events for the
 * consumer. Pure.
 *
 * @example
 * ```ts
 * expectedFleet({ completedRides, storedReadings, healthLowThreshold: 20 }).get('Shadowfax');
 * // { rides: 2, distanceMetres: 5400, latest: { statusTime, healthPoints: 80, ... }, newestLow: { ... } }
 * ```
 */
export function expectedFleet(options: {
  readonly completedRides: readonly CompletedRide[];
  readonly storedReadings: readonly StoredReading[];
  readonly healthLowThreshold: number;
}): Map<string, ExpectedUnicorn> {
  const expected = new Map<string, ExpectedUnicorn>();
  const entry = (name: string) => {
    let unicorn = expected.get(name);
    if (!unicorn) expected.set(name, (unicorn = { rides: 0, distanceMetres: 0 }));
    return unicorn;
  };
  for (const ride of options.completedRides) {
    const unicorn = entry(ride.unicorn);
    unicorn.rides += 1;
    unicorn.distanceMetres += toMillimetre(ride.distanceMetres);
  }
  const latest = new Map<string, StoredReading>();
  for (const reading of options.storedReadings) {
    const current = latest.get(reading.name);
    if (!current || reading.statusTime > current.statusTime) latest.set(reading.name, reading);
    if (reading.healthPoints < options.healthLowThreshold) {
      const unicorn = entry(reading.name);
      if (!unicorn.newestLow || reading.statusTime > unicorn.newestLow.statusTime) unicorn.newestLow = reading;
    }
  }
  for (const [name, unicorn] of expected) {
    const reading = latest.get(name);
    if (reading) unicorn.latest = reading;
  }
  return expected;
}

/**
 * The differences between the read model and what it must hold, one English line each. Health:
 * a unicorn whose latest stored reading is low must be LOW with that reading as its last alert;
 * one whose latest stored reading is healthy must be OK, and after a low, with a recovery at or
 * after it. Pure.
 *
 * @example
 * ```ts
 * compareFleet(states, expectedFleet(...)); // ['Shadowfax: health LOW, expected OK: its latest stored reading ... has HealthPoints 80']
 * ```
 */
export function compareFleet(states: ReadonlyMap<string, FleetStateSnapshot>, expected: ReadonlyMap<string, ExpectedUnicorn>): string[] {
  const mismatches: string[] = [];
  for (const [name, want] of expected) {
    const got = states.get(name);
    if (!got) {
      mismatches.push(`${name}: no state in the read model`);
      continue;
    }
    if (got.ridesCompleted !== want.rides) mismatches.push(`${name}: ridesCompleted ${got.ridesCompleted}, expected ${want.rides}`);
    if (Math.abs(got.distanceMetres - want.distanceMetres) > 1e-6) {
      mismatches.push(`${name}: distanceMetres ${got.distanceMetres}, expected ${want.distanceMetres}`);
    }
    mismatches.push(...healthMismatches(name, got, want));
  }
  for (const name of states.keys()) if (!expected.has(name)) mismatches.push(`${name}: in the read model but nothing was sent for it`);
  return mismatches;
}

function healthMismatches(name: string, got: FleetStateSnapshot, want: ExpectedUnicorn): string[] {
  const status = got.healthStatus ?? 'OK';
  const { latest, newestLow } = want;
  if (!newestLow) return status === 'OK' ? [] : [`${name}: health ${status}, expected OK: no stored reading of it is low`];
  const latestIsLow = latest !== undefined && latest.statusTime === newestLow.statusTime;
  if (latestIsLow) {
    const problems = status === 'LOW' ? [] : [`${name}: health ${status}, expected LOW: its latest stored reading ${newestLow.statusTime} is low`];
    if (got.lastAlert?.statusTime !== newestLow.statusTime) {
      problems.push(`${name}: last alert at ${got.lastAlert?.statusTime ?? 'none'}, expected ${newestLow.statusTime}`);
    }
    return problems;
  }
  const recoveredAt = got.lastRecovery?.statusTime;
  if (status !== 'OK' || recoveredAt === undefined || recoveredAt <= newestLow.statusTime) {
    return [
      `${name}: health ${status} (recovery at ${recoveredAt ?? 'none'}), expected OK after its low reading ${newestLow.statusTime}: ` +
        `its latest stored reading ${latest?.statusTime ?? '?'} has HealthPoints ${latest?.healthPoints ?? '?'}`,
    ];
  }
  return [];
}

/**
 * Compares the fleet read model with what was sent (see {@link expectedFleet} and
 * {@link compareFleet}), reading every state item consistently.
 */
export async function checkReadModel(options: {
  dynamodb: DynamoDBClient;
  tableName: string;
  completedRides: readonly CompletedRide[];
  storedReadings: readonly StoredReading[];
  healthLowThreshold: number;
}): Promise<{ unicorns: number; mismatches: string[] }> {
  const states = new Map<string, FleetStateSnapshot>();
  let startKey: Record<string, never> | undefined;
  do {
    const page = await options.dynamodb.send(new ScanCommand({ TableName: options.tableName, ExclusiveStartKey: startKey, ConsistentRead: true }));
    for (const raw of page.Items ?? []) {
      const item = unmarshall(raw);
      if (item['sk'] === 'STATE') states.set(String(item['unicorn']), item as unknown as FleetStateSnapshot);
    }
    startKey = page.LastEvaluatedKey as Record<string, never> | undefined;
  } while (startKey);
  return { unicorns: states.size, mismatches: compareFleet(states, expectedFleet(options)) };
}

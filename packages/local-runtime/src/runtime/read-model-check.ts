import { ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { CompletedRide } from '../simulator/driver.js';

/** A unicorn's state as the consumer's read model holds it (partition `UNICORN#<name>`, sort key `STATE`). */
interface FleetState {
  readonly unicorn: string;
  readonly ridesCompleted: number;
  readonly distanceMetres: number;
  readonly lastAlert?: { readonly statusTime: string };
}

/**
 * Compares the fleet read model with what was sent: per unicorn, the rides the producer accepted
 * (count and distance) and the newest stored reading below the health threshold (the last alert).
 */
export async function checkReadModel(options: {
  dynamodb: DynamoDBClient;
  tableName: string;
  completedRides: readonly CompletedRide[];
  lowReadings: ReadonlyArray<{ readonly name: string; readonly statusTime: string }>;
}): Promise<{ unicorns: number; mismatches: string[] }> {
  const states = new Map<string, FleetState>();
  let startKey: Record<string, never> | undefined;
  do {
    const page = await options.dynamodb.send(new ScanCommand({ TableName: options.tableName, ExclusiveStartKey: startKey, ConsistentRead: true }));
    for (const raw of page.Items ?? []) {
      const item = unmarshall(raw);
      if (item['sk'] === 'STATE') states.set(String(item['unicorn']), item as unknown as FleetState);
    }
    startKey = page.LastEvaluatedKey as Record<string, never> | undefined;
  } while (startKey);

  const expected = new Map<string, { rides: number; distance: number; lastAlert?: string }>();
  const entry = (name: string) => {
    const existing = expected.get(name);
    if (existing) return existing;
    const created: { rides: number; distance: number; lastAlert?: string } = { rides: 0, distance: 0 };
    expected.set(name, created);
    return created;
  };
  for (const ride of options.completedRides) {
    const unicorn = entry(ride.unicorn);
    unicorn.rides += 1;
    unicorn.distance += ride.distanceMetres;
  }
  for (const reading of options.lowReadings) {
    const unicorn = entry(reading.name);
    if (!unicorn.lastAlert || reading.statusTime > unicorn.lastAlert) unicorn.lastAlert = reading.statusTime;
  }

  const mismatches: string[] = [];
  for (const [name, want] of expected) {
    const got = states.get(name);
    if (!got) {
      mismatches.push(`${name}: no state in the read model`);
      continue;
    }
    if (got.ridesCompleted !== want.rides) mismatches.push(`${name}: ridesCompleted ${got.ridesCompleted}, expected ${want.rides}`);
    if (Math.abs(got.distanceMetres - want.distance) > 1e-6) mismatches.push(`${name}: distanceMetres ${got.distanceMetres}, expected ${want.distance}`);
    if ((got.lastAlert?.statusTime ?? undefined) !== want.lastAlert) {
      mismatches.push(`${name}: last alert at ${got.lastAlert?.statusTime ?? 'none'}, expected ${want.lastAlert ?? 'none'}`);
    }
  }
  for (const name of states.keys()) if (!expected.has(name)) mismatches.push(`${name}: in the read model but nothing was sent for it`);
  return { unicorns: states.size, mismatches };
}

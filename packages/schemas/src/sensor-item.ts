import type * as z from 'zod/mini';
import { CleanTelemetryReadingSchema, type CleanTelemetryReading } from './telemetry.js';

/** The `UnicornSensorData` table: partition key `Name`, sort key `StatusTime`, both strings. */
export const SENSOR_TABLE_KEY = { partitionKey: 'Name', sortKey: 'StatusTime' } as const;

/**
 * An item of `UnicornSensorData`. It holds exactly the reading's fields and nothing derived
 * from the delivery (no sequence numbers, no ingestion time), so writing the same reading twice
 * produces the same item: replays are idempotent and emit no spurious stream records.
 */
export const UnicornSensorItemSchema = CleanTelemetryReadingSchema;
export type UnicornSensorItem = z.infer<typeof UnicornSensorItemSchema>;

/** The item a clean reading becomes. */
export function toSensorItem(reading: CleanTelemetryReading): UnicornSensorItem {
  return {
    Name: reading.Name,
    StatusTime: reading.StatusTime,
    Latitude: reading.Latitude,
    Longitude: reading.Longitude,
    Distance: reading.Distance,
    HealthPoints: reading.HealthPoints,
    MagicPoints: reading.MagicPoints,
  };
}

/** The key of a sensor item, as a string usable to detect two writes to the same item. */
export function sensorItemKey(item: Pick<UnicornSensorItem, 'Name' | 'StatusTime'>): string {
  return JSON.stringify([item.Name, item.StatusTime]);
}

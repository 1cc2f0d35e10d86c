import type { CleanTelemetryReading } from '@wildrydes/schemas';

/** A record for `unicorn-telemetry-clean`. */
export interface CleanRecord {
  /** The unicorn's `Name`: all of a unicorn's readings share a shard and keep their order. */
  readonly partitionKey: string;
  /** The clean reading as UTF-8 JSON. */
  readonly data: Uint8Array;
}

const utf8 = new TextEncoder();

/**
 * The Kinesis record that carries a clean reading. Field order follows the clean schema, so the
 * same reading always gives the same bytes.
 *
 * @example
 * ```ts
 * toCleanRecord(reading); // { partitionKey: 'Shadowfax', data: <UTF-8 of '{"Name":"Shadowfax","StatusTime":...}'> }
 * ```
 */
export function toCleanRecord(reading: CleanTelemetryReading): CleanRecord {
  return { partitionKey: reading.Name, data: utf8.encode(JSON.stringify(reading)) };
}

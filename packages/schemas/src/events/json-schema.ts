import * as z from 'zod/mini';
import { EVENT_CATALOG, type CatalogKey } from './catalog.js';

/** The file name of a catalog entry's JSON Schema, e.g. `RideCompleted.v1.schema.json`. */
export function catalogSchemaFileName(key: CatalogKey): string {
  const entry = EVENT_CATALOG[key];
  return `${entry.detailType}.v${entry.schemaVersion}.schema.json`;
}

/**
 * The JSON Schema (draft 2020-12) of a catalog event's `detail`, with the event's `source`,
 * `detail-type` and version, for teams and tools outside TypeScript.
 *
 * @example
 * ```ts
 * const schema = catalogJsonSchema('RideCompleted@1'); // { $schema, title: 'RideCompleted v1', properties: ... }
 * ```
 */
export function catalogJsonSchema(key: CatalogKey): Record<string, unknown> {
  const entry = EVENT_CATALOG[key];
  return {
    ...z.toJSONSchema(entry.detail, { io: 'input' }),
    $id: `https://wildrydes.example/events/${catalogSchemaFileName(key)}`,
    title: `${entry.detailType} v${entry.schemaVersion}`,
    description: entry.description,
    'x-eventbridge': { source: entry.source, 'detail-type': entry.detailType, schemaVersion: entry.schemaVersion },
  };
}

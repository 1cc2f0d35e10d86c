import * as z from 'zod/mini';
import { DYNAMODB_NUMBER_LIMITS } from '../dynamodb-number.js';
import { EVENT_CATALOG, type CatalogKey } from './catalog.js';

/** What JSON Schema cannot say with `minimum`/`maximum` about every catalog number, said in words. */
const STORABLE_NUMBER =
  `A number DynamoDB can store: 0 or a magnitude from 1e-130 to below 1e126, ` +
  `with at most ${DYNAMODB_NUMBER_LIMITS.maxSignificantDigits} significant digits.`;

/** The file name of a catalog entry's JSON Schema, e.g. `RideCompleted.v1.schema.json`. */
export function catalogSchemaFileName(key: CatalogKey): string {
  const entry = EVENT_CATALOG[key];
  return `${entry.detailType}.v${entry.schemaVersion}.schema.json`;
}

/**
 * The JSON Schema (draft 2020-12) of a catalog event's `detail`, with the event's `source`,
 * `detail-type` and version, for teams and tools outside TypeScript. Ranges are `minimum` and
 * `maximum`; that every number must also be storable in DynamoDB is each number's `description`.
 *
 * @example
 * ```ts
 * const schema = catalogJsonSchema('RideCompleted@1'); // { $schema, title: 'RideCompleted v1', properties: ... }
 * ```
 */
export function catalogJsonSchema(key: CatalogKey): Record<string, unknown> {
  const entry = EVENT_CATALOG[key];
  return {
    ...z.toJSONSchema(entry.detail, {
      io: 'input',
      // Every numeric field of the catalog is checked with `dynamoDbNumber`; `const` ones are fixed.
      override: ({ jsonSchema }) => {
        if ((jsonSchema.type === 'number' || jsonSchema.type === 'integer') && jsonSchema.const === undefined) {
          jsonSchema.description = STORABLE_NUMBER;
        }
      },
    }),
    $id: `https://wildrydes.example/events/${catalogSchemaFileName(key)}`,
    title: `${entry.detailType} v${entry.schemaVersion}`,
    description: entry.description,
    'x-eventbridge': { source: entry.source, 'detail-type': entry.detailType, schemaVersion: entry.schemaVersion },
  };
}

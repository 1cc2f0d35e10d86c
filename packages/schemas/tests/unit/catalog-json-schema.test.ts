import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENT_CATALOG, catalogJsonSchema, catalogSchemaFileName, type CatalogKey } from '../../src/index.js';

const keys = Object.keys(EVENT_CATALOG) as CatalogKey[];

describe('the catalog as JSON Schema', () => {
  it.each(keys)('%s: the checked-in schema is up to date (run `npx nx run schemas:catalog` after changing the catalog)', (key) => {
    const file = new URL(`../../catalog/${catalogSchemaFileName(key)}`, import.meta.url);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(catalogJsonSchema(key));
  });

  it('names the event on the bus and requires the metadata', () => {
    const schema = catalogJsonSchema('RideCompleted@1');
    expect(schema).toMatchObject({
      title: 'RideCompleted v1',
      'x-eventbridge': { source: 'wildrydes.rides', 'detail-type': 'RideCompleted', schemaVersion: 1 },
      type: 'object',
    });
    expect(schema['required']).toEqual(expect.arrayContaining(['metadata', 'rideId', 'unicorn', 'distanceMetres', 'completedAt']));
  });
});

import { describe, expect, it } from 'vitest';
import { EVENT_CATALOG, findCatalogEntry, type CatalogKey } from '../../src/index.js';
import { examples } from './catalog-examples.js';

describe('EVENT_CATALOG', () => {
  it.each(Object.entries(EVENT_CATALOG))('%s accepts its example and rejects a wrong version', (key, entry) => {
    const example = examples[key as CatalogKey] as { metadata: object };
    expect(entry.detail.safeParse(example).success).toBe(true);
    const wrongVersion = { ...example, metadata: { ...example.metadata, schemaVersion: 2 } };
    expect(entry.detail.safeParse(wrongVersion).success).toBe(false);
    expect(findCatalogEntry(entry.detailType, entry.schemaVersion)).toBe(entry);
  });

  it('has no entry for an unknown detail-type or version', () => {
    expect(findCatalogEntry('UnicornHealthLow', 99)).toBeUndefined();
    expect(findCatalogEntry('Nope', 1)).toBeUndefined();
  });
});

// Writes packages/schemas/catalog/<DetailType>.v<N>.schema.json for every catalog entry.
// Run: npx nx run schemas:catalog (a test fails when the files are out of date).
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { EVENT_CATALOG, catalogJsonSchema, catalogSchemaFileName, type CatalogKey } from '../src/index.js';

const directory = fileURLToPath(new URL('../catalog/', import.meta.url));
await mkdir(directory, { recursive: true });
for (const key of Object.keys(EVENT_CATALOG) as CatalogKey[]) {
  await writeFile(`${directory}${catalogSchemaFileName(key)}`, `${JSON.stringify(catalogJsonSchema(key), null, 2)}\n`);
  console.log(`catalog/${catalogSchemaFileName(key)}`);
}

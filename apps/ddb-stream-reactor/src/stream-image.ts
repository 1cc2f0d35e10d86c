/**
 * A DynamoDB stream image (`NewImage`, `OldImage`, `Keys`) as Lambda delivers it: attribute
 * names to typed values such as `{ "S": "Shadowfax" }` or `{ "N": "42" }`.
 */
export type StreamImage = Readonly<Record<string, unknown>>;

/**
 * Turns a stream image into a plain object: `S` to string, `N` to number, `BOOL` to boolean,
 * `NULL` to null. Any other type (lists, maps, sets, binary) is kept as its typed value, so a
 * schema check on the result reports it rather than this function guessing. Pure, never throws.
 *
 * @example
 * ```ts
 * imageToPlain({ Name: { S: 'Shadowfax' }, HealthPoints: { N: '12' } }); // { Name: 'Shadowfax', HealthPoints: 12 }
 * ```
 */
export function imageToPlain(image: StreamImage): Record<string, unknown> {
  return Object.fromEntries(Object.entries(image).map(([name, value]) => [name, plainValue(value)]));
}

function plainValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const typed = value as Record<string, unknown>;
  if (typeof typed['S'] === 'string') return typed['S'];
  // DynamoDB sends numbers as decimal strings; an unparseable one becomes NaN and fails the schema.
  if (typeof typed['N'] === 'string') return typed['N'].trim() === '' ? Number.NaN : Number(typed['N']);
  if (typeof typed['BOOL'] === 'boolean') return typed['BOOL'];
  if (typed['NULL'] === true) return null;
  return value;
}

import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/**
 * A string that is equal for two items exactly when their key attributes are equal, used to
 * find duplicate keys in a batch and to map `UnprocessedItems` back to what was sent.
 * `undefined` when a key attribute is missing or is not a string, number or binary (the only
 * key types DynamoDB has).
 *
 * @example
 * ```ts
 * itemKeyOf(marshall({ Name: 'Shadowfax', StatusTime: '2026-11-21T10:00:00Z', Distance: 3 }), ['Name', 'StatusTime']);
 * // '["S:Shadowfax","S:2026-11-21T10:00:00Z"]'
 * ```
 */
export function itemKeyOf(item: Record<string, AttributeValue>, keyAttributes: readonly string[]): string | undefined {
  const parts: string[] = [];
  for (const attribute of keyAttributes) {
    const value = item[attribute];
    if (value?.S !== undefined) parts.push(`S:${value.S}`);
    else if (value?.N !== undefined) parts.push(`N:${value.N}`);
    else if (value?.B !== undefined) parts.push(`B:${Buffer.from(value.B).toString('base64')}`);
    else return undefined;
  }
  return JSON.stringify(parts);
}

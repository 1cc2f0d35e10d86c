import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall, type NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import { DYNAMODB_ITEM_MAX_BYTES } from '@wildrydes/schemas';
import { chunkBySize } from './chunking.js';
import { InvalidOptionsError } from './errors.js';
import { describeError } from './error-classification.js';
import { estimateItemSizeBytes } from './dynamodb-item-size.js';
import { itemKeyOf } from './dynamodb-item-key.js';

/** BatchWriteItem takes at most 25 put or delete requests. */
export const BATCH_WRITE_MAX_ITEMS = 25;
/** BatchWriteItem requests are at most 16 MB. */
export const BATCH_WRITE_MAX_REQUEST_BYTES = 16 * 1024 * 1024;

/** An item ready to send: marshalled, keyed, sized, and the position of its input. */
export interface PlannedPut {
  index: number;
  key: string;
  item: Record<string, AttributeValue>;
  sizeBytes: number;
}

/** An input that can never be written, found before anything is sent. */
export interface RejectedPut {
  index: number;
  code: 'TooLarge' | 'Invalid';
  reason: string;
  cause?: unknown;
}

/** An input not sent because a later input has the same key; its outcome follows the winner's. */
export interface SupersededPut {
  index: number;
  winnerIndex: number;
}

/** What to send, what to fail now, and what is superseded; together they cover every input. */
export interface BatchWritePlan {
  puts: PlannedPut[];
  rejected: RejectedPut[];
  superseded: SupersededPut[];
}

/**
 * Marshals the inputs, keys them, rejects those that can never be written (`InvalidItem` and
 * `MissingKeyAttribute`, code `Invalid`; `ItemTooLarge`, code `TooLarge`) and keeps only the
 * last put of each key: in a stream, the later record is the newer state, and BatchWriteItem
 * refuses two requests for one key.
 *
 * @throws InvalidOptionsError when `keyAttributes` is empty or repeats a name
 *
 * @example
 * ```ts
 * const plan = planBatchWrite(
 *   [{ item: { Name: 'Shadowfax', StatusTime: 't1' } }, { item: { Name: 'Shadowfax', StatusTime: 't1' } }],
 *   ['Name', 'StatusTime'],
 * );
 * // plan.puts: [index 1], plan.superseded: [{ index: 0, winnerIndex: 1 }]
 * ```
 */
export function planBatchWrite(
  inputs: ReadonlyArray<{ item: Record<string, NativeAttributeValue> }>,
  keyAttributes: readonly string[],
  limits: { maxItemBytes?: number } = {},
): BatchWritePlan {
  validateKeyAttributes(keyAttributes);
  const maxItemBytes = limits.maxItemBytes ?? DYNAMODB_ITEM_MAX_BYTES;
  const rejected: RejectedPut[] = [];
  const byKey = new Map<string, { winner: PlannedPut; losers: number[] }>();

  inputs.forEach(({ item }, index) => {
    let marshalled: Record<string, AttributeValue>;
    try {
      marshalled = marshall(item, { removeUndefinedValues: true });
    } catch (error) {
      rejected.push({ index, code: 'Invalid', reason: `InvalidItem: ${describeError(error)}`, cause: error });
      return;
    }
    const key = itemKeyOf(marshalled, keyAttributes);
    if (key === undefined) {
      const reason = `MissingKeyAttribute: every item needs string, number or binary values for ${keyAttributes.join(', ')}`;
      rejected.push({ index, code: 'Invalid', reason });
      return;
    }
    const put: PlannedPut = { index, key, item: marshalled, sizeBytes: estimateItemSizeBytes(marshalled) };
    const group = byKey.get(key);
    if (group) {
      group.losers.push(group.winner.index);
      group.winner = put;
    } else {
      byKey.set(key, { winner: put, losers: [] });
    }
  });

  const superseded: SupersededPut[] = [];
  const winners: PlannedPut[] = [];
  for (const { winner, losers } of byKey.values()) {
    winners.push(winner);
    for (const loser of losers) superseded.push({ index: loser, winnerIndex: winner.index });
  }
  winners.sort((a, b) => a.index - b.index);
  superseded.sort((a, b) => a.index - b.index);

  const puts: PlannedPut[] = [];
  for (const winner of winners) {
    if (winner.sizeBytes > maxItemBytes) {
      rejected.push({
        index: winner.index,
        code: 'TooLarge',
        reason: `ItemTooLarge: about ${winner.sizeBytes} bytes, DynamoDB's limit is ${maxItemBytes} bytes`,
      });
    } else {
      puts.push(winner);
    }
  }
  rejected.sort((a, b) => a.index - b.index);
  return { puts, rejected, superseded };
}

/**
 * Splits planned puts into BatchWriteItem requests of at most `maxItems` items and at most
 * `maxBytes` of estimated item size, keeping their order. An item larger than `maxBytes` on
 * its own still gets a request of its own.
 *
 * @example
 * ```ts
 * chunkPuts(plan.puts).map((chunk) => chunk.length); // [25, 25, 7]
 * ```
 */
export function chunkPuts(
  puts: readonly PlannedPut[],
  limits: { maxItems?: number; maxBytes?: number } = {},
): PlannedPut[][] {
  return chunkBySize(puts, {
    maxItems: limits.maxItems ?? BATCH_WRITE_MAX_ITEMS,
    maxBytes: limits.maxBytes ?? BATCH_WRITE_MAX_REQUEST_BYTES,
  });
}

function validateKeyAttributes(keyAttributes: readonly string[]): void {
  if (keyAttributes.length === 0) {
    throw new InvalidOptionsError("keyAttributes must name the table's key attributes (given [])");
  }
  if (new Set(keyAttributes).size !== keyAttributes.length || keyAttributes.some((name) => name === '')) {
    throw new InvalidOptionsError(`keyAttributes must be distinct non-empty names (given [${keyAttributes.join(', ')}])`);
  }
}

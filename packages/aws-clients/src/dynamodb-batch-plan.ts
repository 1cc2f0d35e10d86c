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

/**
 * An input not sent because the next input of its key carries the same item: writing one is
 * writing both, so its outcome is the winner's, whatever it is.
 */
export interface SupersededPut {
  index: number;
  winnerIndex: number;
}

/** What to send, what to fail now, and what is superseded; together they cover every input. */
export interface BatchWritePlan {
  /**
   * Every input to write, in input order. A key can have several (a reading and its
   * correction): they must be written in input order, one at a time (see `batchWriteItems`).
   */
  puts: PlannedPut[];
  rejected: RejectedPut[];
  superseded: SupersededPut[];
}

/** The latest input of a key so far, and the identical inputs before it that it stands for. */
interface KeyTail {
  put: PlannedPut;
  absorbed: number[];
}

/**
 * Marshals the inputs, keys them and rejects those that can never be written (`InvalidItem` and
 * `MissingKeyAttribute`, code `Invalid`; `ItemTooLarge`, code `TooLarge`). A rejected input
 * takes no part in its key's sequence: the input before it stands, as if it had come alone.
 *
 * Several inputs of one key all stay in `puts`, in input order, so that each can succeed or fail
 * on its own merits: what the table and the quarantine end up with must not depend on how a
 * stream was cut into batches. Only an input whose item is identical to the next input of its key
 * is left out, `superseded`: the two would get the same verdict, and the later one leaves the
 * table as both would.
 *
 * @throws InvalidOptionsError when `keyAttributes` is empty or repeats a name
 *
 * @example
 * ```ts
 * const plan = planBatchWrite(
 *   [
 *     { item: { Name: 'Shadowfax', StatusTime: 't1', HealthPoints: 90 } },
 *     { item: { Name: 'Shadowfax', StatusTime: 't1', HealthPoints: 90 } },
 *     { item: { Name: 'Shadowfax', StatusTime: 't1', HealthPoints: 95 } },
 *   ],
 *   ['Name', 'StatusTime'],
 * );
 * // plan.puts: [index 1, index 2], plan.superseded: [{ index: 0, winnerIndex: 1 }]
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
  const puts: PlannedPut[] = [];
  const superseded: SupersededPut[] = [];
  const tails = new Map<string, KeyTail>();
  const close = ({ put, absorbed }: KeyTail) => {
    puts.push(put);
    for (const index of absorbed) superseded.push({ index, winnerIndex: put.index });
  };

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
    const sizeBytes = estimateItemSizeBytes(marshalled);
    if (sizeBytes > maxItemBytes) {
      rejected.push({ index, code: 'TooLarge', reason: `ItemTooLarge: about ${sizeBytes} bytes, DynamoDB's limit is ${maxItemBytes} bytes` });
      return;
    }
    const put: PlannedPut = { index, key, item: marshalled, sizeBytes };
    const tail = tails.get(key);
    if (tail && sameItem(tail.put.item, marshalled)) {
      tail.absorbed.push(tail.put.index);
      tail.put = put;
      return;
    }
    if (tail) close(tail);
    tails.set(key, { put, absorbed: [] });
  });

  for (const tail of tails.values()) close(tail);
  puts.sort((a, b) => a.index - b.index);
  superseded.sort((a, b) => a.index - b.index);
  return { puts, rejected, superseded };
}

/** Whether two marshalled items are the same; equal items listed in another attribute order are merely both written. */
function sameItem(a: Record<string, AttributeValue>, b: Record<string, AttributeValue>): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
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

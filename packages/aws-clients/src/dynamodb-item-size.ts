import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/** Bytes DynamoDB charges for a List or Map, whatever it holds. */
const CONTAINER_OVERHEAD_BYTES = 3;
/** Bytes charged per element of a List or Map, on top of the element itself. */
const CONTAINER_ELEMENT_OVERHEAD_BYTES = 1;

/**
 * Estimates the size DynamoDB assigns to an item, per the documented rules: each attribute is
 * the UTF-8 length of its name plus the size of its value. Strings are their UTF-8 length,
 * binaries their byte length, numbers about one byte per two significant digits plus one,
 * booleans and nulls one byte, sets the sum of their elements, and lists and maps 3 bytes plus
 * their elements plus 1 byte per element.
 *
 * It is an estimate, close enough to reject items over the 400 KB item limit before sending
 * them; DynamoDB remains the judge (a ValidationException for an item the estimate let through
 * still fails only that item).
 *
 * @example
 * ```ts
 * estimateItemSizeBytes(marshall({ Name: 'Shadowfax', Distance: 12.5 })); // 4+9 + 8+(2+1) = 24
 * ```
 */
export function estimateItemSizeBytes(item: Record<string, AttributeValue>): number {
  let total = 0;
  for (const [name, value] of Object.entries(item)) {
    total += utf8Length(name) + estimateValueSizeBytes(value);
  }
  return total;
}

/**
 * Size of one attribute value, without its name.
 *
 * @example
 * ```ts
 * estimateValueSizeBytes({ N: '-123.450' }); // 5 significant digits: ceil(5 / 2) + 1 = 4
 * ```
 */
export function estimateValueSizeBytes(value: AttributeValue): number {
  if (value.S !== undefined) return utf8Length(value.S);
  if (value.N !== undefined) return numberSizeBytes(value.N);
  if (value.B !== undefined) return value.B.byteLength;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS !== undefined) return sum(value.SS, utf8Length);
  if (value.NS !== undefined) return sum(value.NS, numberSizeBytes);
  if (value.BS !== undefined) return sum(value.BS, (bytes) => bytes.byteLength);
  if (value.L !== undefined) {
    return CONTAINER_OVERHEAD_BYTES + sum(value.L, (element) => CONTAINER_ELEMENT_OVERHEAD_BYTES + estimateValueSizeBytes(element));
  }
  if (value.M !== undefined) {
    return (
      CONTAINER_OVERHEAD_BYTES +
      sum(Object.entries(value.M), ([name, element]) => CONTAINER_ELEMENT_OVERHEAD_BYTES + utf8Length(name) + estimateValueSizeBytes(element))
    );
  }
  return 0;
}

/**
 * Bytes of a DynamoDB number: one per two significant digits (leading and trailing zeros
 * trimmed, at least one digit), plus one.
 *
 * @example
 * ```ts
 * numberSizeBytes('1000'); // 1 significant digit: 2
 * ```
 */
export function numberSizeBytes(decimal: string): number {
  const mantissa = decimal.split(/[eE]/)[0] ?? '';
  const digits = mantissa.replace(/[^0-9]/g, '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(1, digits.length) / 2) + 1;
}

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function sum<T>(values: Iterable<T>, size: (value: T) => number): number {
  let total = 0;
  for (const value of values) total += size(value);
  return total;
}

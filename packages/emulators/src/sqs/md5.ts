import { createHash } from 'node:crypto';

/** A message attribute as the JSON protocol carries it (`BinaryValue` base64-encoded). */
export interface MessageAttributeValue {
  readonly DataType: string;
  readonly StringValue?: string;
  readonly BinaryValue?: string;
}

/**
 * `MD5OfMessageBody` / `MD5OfBody`: the hex MD5 of the body's UTF-8 bytes.
 *
 * @example
 * ```ts
 * md5OfBody('hello'); // '5d41402abc4b2a76b9719d911017c592'
 * ```
 */
export function md5OfBody(body: string): string {
  return createHash('md5').update(body, 'utf8').digest('hex');
}

/**
 * `MD5OfMessageAttributes` (and `MD5OfMessageSystemAttributes`) as SQS computes it ("Calculating the
 * MD5 message digest for message attributes", Amazon SQS Developer Guide): the attributes sorted
 * by name; for each, the name, the data type, one transport byte (1 for String and Number, 2 for
 * Binary, custom types like `Number.float` by their base type) and the value, every part but the
 * transport byte preceded by its length as a 4-byte big-endian integer; strings as UTF-8, binary
 * values as their raw bytes; the hex MD5 of the whole. `undefined` when there are no attributes
 * (SQS then leaves the field out).
 *
 * @example
 * ```ts
 * md5OfMessageAttributes({ attribName1: { DataType: 'String', StringValue: 'attribValue 1' } });
 * // '19e27d4e946b072f3f58da80d94fd778'
 * ```
 */
export function md5OfMessageAttributes(attributes: Readonly<Record<string, MessageAttributeValue>>): string | undefined {
  const names = Object.keys(attributes).sort(compareCodeUnits);
  if (names.length === 0) return undefined;
  const hash = createHash('md5');
  for (const name of names) {
    const attribute = attributes[name];
    if (attribute === undefined) continue;
    hash.update(lengthPrefixed(Buffer.from(name, 'utf8')));
    hash.update(lengthPrefixed(Buffer.from(attribute.DataType, 'utf8')));
    if (attribute.DataType.startsWith('Binary')) {
      hash.update(Buffer.of(2));
      hash.update(lengthPrefixed(Buffer.from(attribute.BinaryValue ?? '', 'base64')));
    } else {
      hash.update(Buffer.of(1));
      hash.update(lengthPrefixed(Buffer.from(attribute.StringValue ?? '', 'utf8')));
    }
  }
  return hash.digest('hex');
}

function lengthPrefixed(bytes: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/** Java's String.compareTo order, which the SDKs' checksum code sorts names by. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

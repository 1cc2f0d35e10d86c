/** Standard, padded base64, as Lambda delivers Kinesis record data. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Decodes base64 only when the bytes it gives are exactly the ones it stands for: strict
 * alphabet and padding (`Buffer.from` silently skips invalid characters), and canonical (`QR==`
 * decodes like `QQ==`, so it is not the encoding of its bytes). Anything else is `undefined`:
 * the record cannot be re-driven byte-exact.
 *
 * @example
 * ```ts
 * decodeExactBase64('eyJhIjoxfQ=='); // Uint8Array of '{"a":1}'
 * decodeExactBase64('%%%');          // undefined
 * ```
 */
export function decodeExactBase64(data: string): Uint8Array | undefined {
  if (!BASE64.test(data)) return undefined;
  const bytes = Buffer.from(data, 'base64');
  if (bytes.toString('base64') !== data) return undefined;
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** What a Kinesis record's data turned out to be: parsed JSON, or why it is not JSON at all. */
export type DecodedJson =
  | { readonly ok: true; readonly json: unknown }
  | { readonly ok: false; readonly reason: 'INVALID_BASE64' | 'INVALID_JSON'; readonly detail: string };

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes the data of a Kinesis record as Lambda delivers it (base64) into parsed JSON of any
 * shape. Pure, never throws. `Buffer.from(s, 'base64')` silently skips invalid characters, so
 * the base64 is checked strictly first: a corrupted record must be quarantined, not
 * half-decoded. The UTF-8 decoder is fatal, so a corrupted byte is an error rather than a
 * replacement character.
 *
 * @example
 * ```ts
 * decodeJsonRecord(Buffer.from('{"a":1}').toString('base64')); // { ok: true, json: { a: 1 } }
 * decodeJsonRecord('%%%'); // { ok: false, reason: 'INVALID_BASE64', detail: 'record data is not valid base64' }
 * ```
 */
export function decodeJsonRecord(data: string): DecodedJson {
  if (!BASE64.test(data)) return { ok: false, reason: 'INVALID_BASE64', detail: 'record data is not valid base64' };
  let text: string;
  try {
    text = utf8.decode(Buffer.from(data, 'base64'));
  } catch {
    return { ok: false, reason: 'INVALID_JSON', detail: 'record data is not valid UTF-8' };
  }
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: 'INVALID_JSON', detail: `record data is not JSON: ${(error as Error).message}` };
  }
}

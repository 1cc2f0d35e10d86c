import {
  CleanTelemetryReadingSchema,
  formatIssues,
  type CleanTelemetryReading,
  type QuarantineReason,
} from '@wildrydes/schemas';

/** What a Kinesis record's data turned out to be. */
export type DecodedRecord =
  | { readonly ok: true; readonly reading: CleanTelemetryReading }
  | { readonly ok: false; readonly reason: QuarantineReason; readonly detail: string };

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes and validates the data of one Kinesis record (base64 as Lambda delivers it) into a
 * clean telemetry reading, or says why it can never succeed. Pure: no I/O, never throws.
 *
 * `Buffer.from(s, 'base64')` silently skips invalid characters, so the base64 is checked
 * strictly first: a corrupted record must be quarantined, not half-decoded.
 */
export function decodeRecord(data: string): DecodedRecord {
  if (!BASE64.test(data)) {
    return { ok: false, reason: 'INVALID_BASE64', detail: 'record data is not valid base64' };
  }
  let text: string;
  try {
    text = utf8.decode(Buffer.from(data, 'base64'));
  } catch {
    return { ok: false, reason: 'INVALID_JSON', detail: 'record data is not valid UTF-8' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: 'INVALID_JSON', detail: `record data is not JSON: ${(error as Error).message}` };
  }
  const parsed = CleanTelemetryReadingSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, reason: 'SCHEMA_VIOLATION', detail: formatIssues(parsed.error.issues) };
  }
  return { ok: true, reading: parsed.data };
}

import { decodeJsonRecord } from '@wildrydes/stream-batch';
import { CleanTelemetryReadingSchema, parseWithEnglishIssues, type CleanTelemetryReading, type QuarantineReason } from '@wildrydes/schemas';

/** What a Kinesis record's data turned out to be. */
export type DecodedRecord =
  | { readonly ok: true; readonly reading: CleanTelemetryReading }
  | { readonly ok: false; readonly reason: QuarantineReason; readonly detail: string };

/**
 * Decodes and validates the data of one Kinesis record (base64 as Lambda delivers it) into a
 * clean telemetry reading, or says why it can never succeed: `INVALID_BASE64`, `INVALID_JSON`,
 * or `SCHEMA_VIOLATION` with a detail naming each offending field. Pure: no I/O, never throws.
 *
 * @example
 * ```ts
 * decodeRecord(Buffer.from(JSON.stringify({ ...reading, Latitude: 123 })).toString('base64'));
 * // { ok: false, reason: 'SCHEMA_VIOLATION', detail: 'Latitude: Too big: expected number to be <=90' }
 * ```
 */
export function decodeRecord(data: string): DecodedRecord {
  const decoded = decodeJsonRecord(data);
  if (!decoded.ok) return decoded;
  const parsed = parseWithEnglishIssues(CleanTelemetryReadingSchema, decoded.json);
  if (!parsed.ok) return { ok: false, reason: 'SCHEMA_VIOLATION', detail: parsed.detail };
  return { ok: true, reading: parsed.data };
}

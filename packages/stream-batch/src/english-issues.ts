// Only the English messages: `z.locales` would bundle every language (~280 KB).
import english from 'zod/v4/locales/en.js';
import { safeParse, type core } from 'zod/mini';
import { formatIssues } from '@wildrydes/schemas';

/**
 * zod/mini ships no messages (every issue says "Invalid input"); the English ones are passed per
 * parse rather than with a global `z.config`, so importing this changes nobody else's parses.
 */
const ENGLISH = { error: english().localeError };

/** A value that satisfies a schema, or what is wrong with it in one line. */
export type SchemaCheck<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly detail: string };

/**
 * Parses a value with a zod (or zod/mini) schema and English issue messages; a failure's `detail`
 * names every offending field, `path: message; path: message` (`formatIssues`), ready for a
 * quarantine detail or a log line. Never throws for a bad value.
 *
 * @example
 * ```ts
 * parseWithEnglishIssues(CleanTelemetryReadingSchema, { ...reading, Latitude: 123 });
 * // { ok: false, detail: 'Latitude: Too big: expected number to be <=90' }
 * ```
 */
export function parseWithEnglishIssues<TSchema extends core.$ZodType>(
  schema: TSchema,
  value: unknown,
): SchemaCheck<core.output<TSchema>> {
  const result = safeParse(schema, value, ENGLISH);
  return result.success ? { ok: true, data: result.data } : { ok: false, detail: formatIssues(result.error.issues) };
}

// Only the English messages: `z.locales` would bundle every language (~280 KB).
import english from 'zod/v4/locales/en.js';
import { safeParse, type core } from 'zod/mini';
import { formatIssues } from './issues.js';

/**
 * zod/mini ships no messages (every issue says "Invalid input"); the English ones are passed per
 * parse rather than with a global `z.config`, so using them changes nobody else's parses. Built
 * on first use: importing the package runs nothing.
 */
let englishMessages: core.ParseContext<core.$ZodIssue> | undefined;

/**
 * zod's `safeParse` with English issue messages, for a caller that needs the issues themselves
 * (to re-path them, to name a variable per issue, or to pass the error as a `cause`). A message a
 * schema sets itself (`'must not be empty'`) wins over the English default. Never throws for a
 * bad value.
 *
 * @example
 * ```ts
 * const parsed = safeParseInEnglish(CleanTelemetryReadingSchema, { ...reading, Latitude: 123 });
 * parsed.error?.issues[0]?.message; // 'Too big: expected number to be <=90'
 * ```
 */
export function safeParseInEnglish<TSchema extends core.$ZodType>(
  schema: TSchema,
  value: unknown,
): core.util.SafeParseResult<core.output<TSchema>> {
  englishMessages ??= { error: english().localeError };
  return safeParse(schema, value, englishMessages);
}

/** A value that satisfies a schema, or what is wrong with it in one line. */
export type SchemaCheck<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly detail: string };

/**
 * Parses a value with a zod (or zod/mini) schema and English issue messages; a failure's `detail`
 * names every offending field, `path: message; path: message` (`formatIssues`), ready for an
 * HTTP 400 body, a quarantine detail or a log line. Never throws for a bad value.
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
  const result = safeParseInEnglish(schema, value);
  return result.success ? { ok: true, data: result.data } : { ok: false, detail: formatIssues(result.error.issues) };
}

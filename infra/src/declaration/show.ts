/** Long values are cut in messages, so one bad value does not bury the other issues. */
const MAX_SHOWN_JSON_LENGTH = 200;

/** A value as a message shows it: strings quoted, anything else as `String()` gives it. */
export const show = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value) : String(value));

/** A value as JSON, cut after 200 characters. */
export function showJson(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > MAX_SHOWN_JSON_LENGTH ? `${json.slice(0, MAX_SHOWN_JSON_LENGTH)}...` : json;
}

/** A plain object with at least one key. */
export const isNonEmptyObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0;

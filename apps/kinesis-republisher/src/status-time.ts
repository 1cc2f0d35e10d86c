/** The earliest instant a reading may carry: the fleet did not exist before 2000. */
export const EARLIEST_STATUS_TIME_MS = Date.UTC(2000, 0, 1);

/** The last instant `toISOString()` writes in the canonical four-digit-year form. */
const LATEST_CANONICAL_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Where a `StatusTime` must fall: from 2000 up to `latestMs` (arrival plus the allowed clock skew). */
export interface StatusTimeBounds {
  /** The latest acceptable instant, epoch milliseconds. */
  readonly latestMs: number;
}

/** A `StatusTime` as one canonical instant, or why it cannot be one. */
export type ParsedStatusTime = { readonly ok: true; readonly epochMs: number } | { readonly ok: false; readonly detail: string };

/**
 * `YYYY-MM-DD`, `T`, `t` or a space, `HH:MM:SS`, an optional fraction of up to 9 digits (`.` or
 * `,`), and an optional offset (`Z`, `z`, `±HH:MM` or `±HHMM`). Seconds are required.
 */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/**
 * Reads a raw `StatusTime` into epoch milliseconds, accepting what the sensors send:
 *
 * - ISO-8601 / RFC 3339 date-times, with or without a fraction and with or without an offset
 *   (`2026-11-21T10:00:00Z`, `2026-11-21T11:00:00.5+01:00`);
 * - the workshop simulator's `YYYY-MM-DD HH:MM:SS.sss`;
 * - epoch milliseconds as a JSON number.
 *
 * A date-time **without an offset is taken as UTC** (the workshop's simulator writes UTC and no
 * offset; ISO-8601 would call it local time, but a sensor's local time zone is unknowable here).
 * Digits beyond the millisecond are **truncated**, never rounded, so no reading moves into the next
 * millisecond. Rejected: impossible dates and times (`2026-02-30`, `24:00:00`, leap second `:60`),
 * offsets beyond ±23:59, numbers that are not finite, instants before 2000 (which also catches
 * epoch *seconds* sent as milliseconds) and instants after `bounds.latestMs`.
 *
 * Pure: the caller passes the bounds, so the same record always gets the same answer.
 *
 * @example
 * ```ts
 * parseStatusTime('2026-11-21 10:00:00.123', { latestMs: Date.UTC(2026, 10, 22) });
 * // { ok: true, epochMs: 1763719200123 }
 * parseStatusTime('2026-02-30T10:00:00Z', { latestMs: Infinity });
 * // { ok: false, detail: 'StatusTime: 2026-02-30 is not a date (February 2026 has 28 days)' }
 * ```
 */
export function parseStatusTime(value: string | number, bounds: StatusTimeBounds): ParsedStatusTime {
  const parsed = typeof value === 'number' ? fromEpochMs(value) : fromDateTime(value);
  if (!parsed.ok) return parsed;
  return withinBounds(parsed.epochMs, value, bounds);
}

function fromEpochMs(value: number): ParsedStatusTime {
  if (!Number.isFinite(value)) return { ok: false, detail: `StatusTime: ${value} is not a finite number of epoch milliseconds` };
  return { ok: true, epochMs: Math.trunc(value) };
}

function fromDateTime(text: string): ParsedStatusTime {
  const match = DATE_TIME.exec(text);
  if (!match) {
    return {
      ok: false,
      detail: `StatusTime: ${JSON.stringify(text.slice(0, 64))} is neither ISO-8601 (YYYY-MM-DDTHH:MM:SS[.fff][Z|±HH:MM]), YYYY-MM-DD HH:MM:SS[.fff] nor epoch milliseconds`,
    };
  }
  const [, year, month, day, hour, minute, second, fraction = '', zulu, sign, offsetHours = '0', offsetMinutes = '0'] = match;
  const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12) return { ok: false, detail: `StatusTime: month ${month} does not exist` };
  if (d < 1 || d > daysInMonth(y, mo)) {
    return { ok: false, detail: `StatusTime: ${year}-${month}-${day} is not a date (${monthName(mo)} ${year} has ${daysInMonth(y, mo)} days)` };
  }
  if (h > 23 || mi > 59 || s > 59) return { ok: false, detail: `StatusTime: ${hour}:${minute}:${second} is not a time of day` };
  const [oh, om] = [Number(offsetHours), Number(offsetMinutes)];
  if (oh > 23 || om > 59) return { ok: false, detail: `StatusTime: offset ${sign}${offsetHours}:${offsetMinutes} is not a UTC offset` };

  const milliseconds = Number(fraction.padEnd(3, '0').slice(0, 3));
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear takes the year as written.
  const instant = new Date(0);
  instant.setUTCFullYear(y, mo - 1, d);
  instant.setUTCHours(h, mi, s, milliseconds);
  const offsetMs = zulu || sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  return { ok: true, epochMs: instant.getTime() - offsetMs };
}

function withinBounds(epochMs: number, original: string | number, bounds: StatusTimeBounds): ParsedStatusTime {
  const shown = typeof original === 'number' ? `${original} (epoch ms)` : JSON.stringify(original);
  if (epochMs < EARLIEST_STATUS_TIME_MS) {
    const hint = typeof original === 'number' && Math.abs(original) < 1e11 ? '; epoch seconds? send milliseconds' : '';
    return { ok: false, detail: `StatusTime: ${shown} is before 2000-01-01T00:00:00.000Z${hint}` };
  }
  const latestMs = Math.min(bounds.latestMs, LATEST_CANONICAL_MS);
  // Written so that a NaN bound rejects rather than accepts everything.
  if (!(epochMs <= latestMs)) {
    const latest = Number.isNaN(latestMs) ? 'an unknown bound' : new Date(latestMs).toISOString();
    return { ok: false, detail: `StatusTime: ${shown} is in the future (later than ${latest}, arrival plus the allowed clock skew)` };
  }
  return { ok: true, epochMs };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthName = (month: number) => MONTHS[month - 1] ?? String(month);

const UNITS = ['k', 'M', 'G', 'T', 'P', 'E'] as const;

/**
 * A count in at most 5 characters: exact below 100,000, then shortened and rounded down
 * (`123k`, `4.5M`, `12G`), so a column keeps its width however long the run.
 *
 * @example
 * ```ts
 * compactCount(99_999); // '99999'
 * compactCount(1_234_567); // '1.2M'
 * ```
 */
export function compactCount(count: number): string {
  if (count < 100_000) return String(count);
  let value = count;
  let unit = -1;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const shown = value < 10 ? Math.floor(value * 10) / 10 : Math.floor(value);
  return `${shown}${UNITS[unit]}`;
}

/**
 * A duration in at most 6 characters, rounded down: `999 ms`, `12.3 s`, `42 min`, `17 h`.
 *
 * @example
 * ```ts
 * compactDuration(1_530); // '1.5 s'
 * compactDuration(3_600_000); // '1 h'
 * ```
 */
export function compactDuration(ms: number): string {
  const value = Math.max(0, ms);
  if (value < 1_000) return `${Math.floor(value)} ms`;
  if (value < 100_000) return `${(Math.floor(value / 100) / 10).toFixed(1)} s`;
  if (value < 6_000_000) return `${Math.floor(value / 60_000)} min`;
  const hours = Math.floor(value / 3_600_000);
  return hours < 1_000 ? `${hours} h` : '>999 h';
}

/**
 * `text` cut to `width` characters, ending in `…` when it was longer.
 *
 * @example
 * ```ts
 * fit('a-very-long-function-name', 10); // 'a-very-lo…'
 * ```
 */
export function fit(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

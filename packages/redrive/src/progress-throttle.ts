/** When to show a progress line. */
export interface ProgressSettings {
  /** A line at least every this many settled records. */
  readonly everyRecords: number;
  /** A line at least every this many milliseconds (checked as records settle). */
  readonly everyMs: number;
}

/**
 * Decides when the next progress line is due: once `everyRecords` more records settled or
 * `everyMs` passed since the last line, whichever comes first. The clock is injected, so it is
 * tested without timers.
 *
 * @example
 * ```ts
 * const throttle = new ProgressThrottle({ everyRecords: 100, everyMs: 1_000 }, Date.now);
 * if (throttle.due(tally.settled)) write(progressLine(tally, dryRun));
 * ```
 */
export class ProgressThrottle {
  readonly #settings: ProgressSettings;
  readonly #now: () => number;
  #lastCount = 0;
  #lastAtMs: number;

  public constructor(settings: ProgressSettings, now: () => number) {
    this.#settings = settings;
    this.#now = now;
    this.#lastAtMs = now();
  }

  /** True when a line is due for `count` settled records; the line is then assumed shown. */
  public due(count: number): boolean {
    const nowMs = this.#now();
    const isDue = count - this.#lastCount >= this.#settings.everyRecords || nowMs - this.#lastAtMs >= this.#settings.everyMs;
    if (isDue) {
      this.#lastCount = count;
      this.#lastAtMs = nowMs;
    }
    return isDue;
  }
}

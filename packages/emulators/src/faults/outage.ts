import type { OutageKind } from './types';

/** An outage in progress: how it fails requests and when it ends (epoch ms). */
export interface ActiveOutage {
  readonly kind: OutageKind;
  readonly endsAt: number;
}

/**
 * Whether a service is out, and until when. An outage ends by itself after its duration (the
 * timer does not keep the process alive), or earlier with `end()`; listeners hear each end.
 *
 * @example
 * ```ts
 * const outage = new Outage();
 * outage.start(30_000, 'unavailable');
 * outage.current(); // { kind: 'unavailable', endsAt: … }
 * outage.end();
 * ```
 */
export class Outage {
  #active: ActiveOutage | undefined;
  #timer: NodeJS.Timeout | undefined;
  readonly #listeners = new Set<() => void>();

  /** Starts (or replaces) an outage of `durationMs`. @throws RangeError for a negative or non-finite duration. */
  start(durationMs: number, kind: OutageKind): void {
    if (!Number.isFinite(durationMs) || durationMs < 0) throw new RangeError(`durationMs must be a finite number >= 0 (given ${durationMs})`);
    if (kind !== 'unavailable' && kind !== 'refused' && kind !== 'denied') {
      throw new RangeError(`kind must be 'unavailable', 'refused' or 'denied' (given ${String(kind)})`);
    }
    clearTimeout(this.#timer);
    this.#active = { kind, endsAt: Date.now() + durationMs };
    this.#timer = setTimeout(() => this.end(), durationMs);
    this.#timer.unref();
  }

  /** Ends the outage now, if one is in progress. */
  end(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#active === undefined) return;
    this.#active = undefined;
    for (const listener of this.#listeners) listener();
  }

  /** The outage in progress, if any. */
  current(): ActiveOutage | undefined {
    return this.#active;
  }

  /** Calls `listener` whenever an outage ends; returns a function that stops the calls. */
  onEnd(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

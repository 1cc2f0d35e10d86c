import { seededRandom, type Random } from '../seeded-random';
import { assertFaultPlan, type FaultPlan } from './fault-plan';
import { FAULT_KINDS, type FaultKind } from './types';

/**
 * Draws the faults of one proxy from a seeded generator, so the same seed and the same sequence
 * of requests give the same faults. Every request draws once; choices inside a fault (which
 * error code, which batch entries) draw more, from the same generator.
 *
 * @example
 * ```ts
 * const decider = new FaultDecider(FAULT_PROFILES.heavy, 42);
 * decider.next(true); // e.g. 'partialBatch', or undefined for no fault
 * ```
 */
export class FaultDecider {
  readonly #random: Random;
  #plan: FaultPlan;

  constructor(plan: FaultPlan, seed: number) {
    assertFaultPlan(plan);
    this.#plan = plan;
    this.#random = seededRandom(seed);
  }

  /** Replaces the plan; the generator keeps its position. @throws InvalidFaultPlanError */
  setPlan(plan: FaultPlan): void {
    assertFaultPlan(plan);
    this.#plan = plan;
  }

  /** The fault for the next request, if any. `partialBatch` is only returned when `isBatch`. */
  next(isBatch: boolean): FaultKind | undefined {
    const draw = this.#random();
    let threshold = 0;
    for (const kind of FAULT_KINDS) {
      threshold += this.#plan[kind];
      if (draw < threshold) return kind === 'partialBatch' && !isBatch ? undefined : kind;
    }
    return undefined;
  }

  /** One of `choices`, uniformly. */
  pick<T>(choices: readonly [T, ...T[]]): T {
    return choices[Math.floor(this.#random() * choices.length)] ?? choices[0];
  }

  /**
   * A random non-empty set of entry indices in [0, `entryCount`) to withhold: all of them only
   * when `allowAll`, so with `allowAll` false a batch of one entry gets none (an empty set).
   */
  withheldIndices(entryCount: number, allowAll: boolean): Set<number> {
    const most = allowAll ? entryCount : entryCount - 1;
    if (most < 1) return new Set();
    const count = 1 + Math.floor(this.#random() * most);
    const indices = Array.from({ length: entryCount }, (_, index) => index);
    for (let i = 0; i < count; i += 1) {
      const j = i + Math.floor(this.#random() * (entryCount - i));
      [indices[i], indices[j]] = [indices[j] as number, indices[i] as number];
    }
    return new Set(indices.slice(0, count));
  }
}

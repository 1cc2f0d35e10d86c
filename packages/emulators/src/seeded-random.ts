/** A uniform generator of numbers in [0, 1). */
export type Random = () => number;

/**
 * A deterministic uniform [0, 1) generator (mulberry32), for simulations and property tests that
 * must replay exactly from their seed.
 *
 * @example
 * ```ts
 * const random = seededRandom(42);
 * random(); // always the same first value for seed 42
 * ```
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

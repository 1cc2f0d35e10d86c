import { FAULT_KINDS, type FaultKind } from './types';

/**
 * The probability, per request, of each fault kind. A request gets at most one fault, so the
 * probabilities must add up to at most 1. `partialBatch` only applies to batch operations; for
 * other requests its share of the draws means "no fault".
 */
export type FaultPlan = Readonly<Record<FaultKind, number>>;

/** The named plans of `npm start -- --faults <name>`. */
export type FaultProfileName = 'none' | 'light' | 'heavy';

/**
 * The named plans, as data. `none` forwards everything untouched; `light` is a few percent of
 * requests; `heavy` several times that.
 *
 * @example
 * ```ts
 * const proxy = await startFaultProxy({ service: 'kinesis', target, plan: FAULT_PROFILES.light, seed: 42 });
 * ```
 */
export const FAULT_PROFILES: Readonly<Record<FaultProfileName, FaultPlan>> = {
  none: { throttle: 0, serverError: 0, dropBefore: 0, dropAfter: 0, partialBatch: 0 },
  light: { throttle: 0.03, serverError: 0.01, dropBefore: 0.005, dropAfter: 0.005, partialBatch: 0.05 },
  heavy: { throttle: 0.1, serverError: 0.04, dropBefore: 0.02, dropAfter: 0.02, partialBatch: 0.15 },
};

/** A fault plan with a probability out of range, or probabilities adding up to more than 1. */
export class InvalidFaultPlanError extends Error {
  override readonly name = 'InvalidFaultPlanError';
}

/**
 * Checks a plan: every probability a number in [0, 1], their sum at most 1.
 *
 * @throws InvalidFaultPlanError naming the value given.
 * @example
 * ```ts
 * assertFaultPlan({ ...FAULT_PROFILES.none, throttle: 0.5 }); // ok
 * assertFaultPlan({ ...FAULT_PROFILES.none, throttle: 1.5 }); // throws
 * ```
 */
export function assertFaultPlan(plan: FaultPlan): void {
  let sum = 0;
  for (const kind of FAULT_KINDS) {
    const probability = plan[kind];
    if (typeof probability !== 'number' || !Number.isFinite(probability) || probability < 0 || probability > 1) {
      throw new InvalidFaultPlanError(`${kind} must be a probability in [0, 1] (given ${String(probability)})`);
    }
    sum += probability;
  }
  if (sum > 1 + 1e-9) throw new InvalidFaultPlanError(`the probabilities must add up to at most 1 (given ${sum})`);
}

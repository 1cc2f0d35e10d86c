import { describe, expect, it } from 'vitest';
import { FAULT_KINDS, FAULT_PROFILES, FaultDecider, InvalidFaultPlanError, assertFaultPlan, type FaultKind } from '../../src/index';

function draws(decider: FaultDecider, count: number, isBatch: boolean): Array<FaultKind | undefined> {
  return Array.from({ length: count }, () => decider.next(isBatch));
}

describe('fault plans', () => {
  it('ships none, light and heavy profiles, heavy several times light, all valid', () => {
    for (const plan of Object.values(FAULT_PROFILES)) expect(() => assertFaultPlan(plan)).not.toThrow();
    for (const kind of FAULT_KINDS) {
      expect(FAULT_PROFILES.none[kind]).toBe(0);
      expect(FAULT_PROFILES.light[kind]).toBeGreaterThan(0);
      expect(FAULT_PROFILES.heavy[kind] / FAULT_PROFILES.light[kind]).toBeGreaterThanOrEqual(3 - 1e-9);
    }
  });

  it('rejects a probability out of [0, 1] or a sum above 1, naming the value', () => {
    expect(() => assertFaultPlan({ ...FAULT_PROFILES.none, throttle: 1.5 })).toThrow(new InvalidFaultPlanError('throttle must be a probability in [0, 1] (given 1.5)'));
    expect(() => assertFaultPlan({ ...FAULT_PROFILES.none, dropAfter: Number.NaN })).toThrow(InvalidFaultPlanError);
    expect(() => assertFaultPlan({ ...FAULT_PROFILES.none, throttle: 0.6, serverError: 0.6 })).toThrow(/add up to at most 1 \(given 1\.2\)/);
  });
});

describe('FaultDecider', () => {
  it('gives the same faults for the same seed, and different ones for another seed', () => {
    // Prepare
    const first = new FaultDecider(FAULT_PROFILES.heavy, 42);
    const again = new FaultDecider(FAULT_PROFILES.heavy, 42);
    const other = new FaultDecider(FAULT_PROFILES.heavy, 43);

    // Act
    const sequences = [draws(first, 200, true), draws(again, 200, true), draws(other, 200, true)];

    // Assess
    expect(sequences[1]).toEqual(sequences[0]);
    expect(sequences[2]).not.toEqual(sequences[0]);
  });

  it('draws each kind at about its probability', () => {
    // Prepare
    const plan = { throttle: 0.1, serverError: 0.05, dropBefore: 0.02, dropAfter: 0.03, partialBatch: 0.2 };
    const decider = new FaultDecider(plan, 7);
    const count = 50_000;

    // Act
    const results = draws(decider, count, true);

    // Assess
    for (const kind of FAULT_KINDS) {
      const share = results.filter((result) => result === kind).length / count;
      expect(Math.abs(share - plan[kind])).toBeLessThan(0.01);
    }
  });

  it('never gives a partial batch to a call that is not a batch', () => {
    // Prepare
    const decider = new FaultDecider({ ...FAULT_PROFILES.none, partialBatch: 1 }, 3);

    // Act
    const results = draws(decider, 100, false);

    // Assess
    expect(results.every((result) => result === undefined)).toBe(true);
  });

  it('forwards everything with the none profile', () => {
    expect(draws(new FaultDecider(FAULT_PROFILES.none, 1), 1_000, true).every((result) => result === undefined)).toBe(true);
  });

  it('withholds a non-empty subset, a proper one unless all may fail, none of a single entry that may not all fail', () => {
    // Prepare
    const decider = new FaultDecider(FAULT_PROFILES.none, 11);

    // Act
    const proper = Array.from({ length: 300 }, () => decider.withheldIndices(4, false));
    const any = Array.from({ length: 300 }, () => decider.withheldIndices(4, true));

    // Assess
    for (const set of [...proper, ...any]) {
      expect(set.size).toBeGreaterThan(0);
      for (const index of set) expect(index >= 0 && index < 4).toBe(true);
    }
    expect(Math.max(...proper.map((set) => set.size))).toBe(3);
    expect(Math.max(...any.map((set) => set.size))).toBe(4);
    expect(decider.withheldIndices(1, false).size).toBe(0);
    expect(decider.withheldIndices(1, true)).toEqual(new Set([0]));
  });

  it('keeps its generator position when the plan changes', () => {
    // Prepare
    const switched = new FaultDecider(FAULT_PROFILES.heavy, 5);
    const reference = new FaultDecider(FAULT_PROFILES.heavy, 5);
    draws(switched, 10, true);
    draws(reference, 10, true);

    // Act
    switched.setPlan(FAULT_PROFILES.none);
    const silent = draws(switched, 10, true);
    switched.setPlan(FAULT_PROFILES.heavy);
    draws(reference, 10, true);

    // Assess
    expect(silent.every((result) => result === undefined)).toBe(true);
    expect(draws(switched, 50, true)).toEqual(draws(reference, 50, true));
  });
});

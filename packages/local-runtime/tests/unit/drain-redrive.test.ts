import { describe, expect, it } from 'vitest';
import { redriveUntilEmpty } from '../../src/runtime/drain-redrive.js';

/** A destination holding `initial` items; a round puts back `perRound(round)` and leaves `after(round)`. */
function destination(leftPerRound: number[], putBackPerRound: number[]) {
  let round = 0;
  const calls: string[] = [];
  return {
    calls,
    loop: {
      left: async () => {
        calls.push('left');
        return leftPerRound[round] ?? 0;
      },
      redrive: async () => {
        calls.push('redrive');
        return putBackPerRound[round] ?? 0;
      },
      settle: async () => {
        calls.push('settle');
        round += 1;
        return true;
      },
      write: () => undefined,
    },
  };
}

describe('redriveUntilEmpty', () => {
  it('does nothing when the destinations are empty', async () => {
    const { loop, calls } = destination([0], []);
    expect(await redriveUntilEmpty(loop)).toBe(0);
    expect(calls).toEqual(['left']);
  });

  it('re-drives, waits for the pipeline, and re-drives again what came back, until nothing is left', async () => {
    // Prepare: 5 items, all put back; processing them sends 1 back; that one is put back too.
    const { loop, calls } = destination([5, 1, 0], [12, 1]);
    // Act
    const redriven = await redriveUntilEmpty(loop);
    // Assess
    expect(redriven).toBe(13);
    expect(calls).toEqual(['left', 'redrive', 'settle', 'left', 'redrive', 'settle', 'left']);
  });

  it('stops when a round puts nothing back (what is left cannot be re-driven) and after maxRounds', async () => {
    const stuck = destination([2, 2, 2], [0, 0, 0]);
    expect(await redriveUntilEmpty(stuck.loop)).toBe(0);
    expect(stuck.calls).toEqual(['left', 'redrive', 'settle']);

    const endless = destination([1, 1, 1, 1], [1, 1, 1, 1]);
    expect(await redriveUntilEmpty({ ...endless.loop, maxRounds: 2 })).toBe(2);
    expect(endless.calls.filter((call) => call === 'redrive')).toHaveLength(2);
  });
});

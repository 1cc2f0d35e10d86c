import { describe, expect, it } from 'vitest';
import { CtrlC, SAME_CTRL_C_WITHIN_MS } from '../../src/cli/interrupts.js';

describe('CtrlC', () => {
  it('drains on the first Ctrl-C, stops at once on the second, quits on the third', () => {
    // Prepare
    let nowMs = 0;
    const ctrlC = new CtrlC({ now: () => nowMs });

    // Act
    const actions = [0, 5_000, 9_000].map((at) => {
      nowMs = at;
      return ctrlC.press();
    });

    // Assess
    expect(actions).toEqual(['drain', 'stop-now', 'quit']);
  });

  it('counts once the two SIGINTs of one Ctrl-C under npm (the terminal\'s and the one npm forwards)', () => {
    // Prepare
    let nowMs = 1_000;
    const ctrlC = new CtrlC({ now: () => nowMs });

    // Act
    const first = ctrlC.press();
    nowMs += 3;
    const forwardedCopy = ctrlC.press();
    nowMs += SAME_CTRL_C_WITHIN_MS;
    const secondCtrlC = ctrlC.press();

    // Assess
    expect([first, forwardedCopy, secondCtrlC]).toEqual(['drain', undefined, 'stop-now']);
  });

  it('stops at once on the first Ctrl-C once the run drains on its own (after --duration)', () => {
    const ctrlC = new CtrlC({ now: () => 0 });

    ctrlC.drainingStarted();

    expect(ctrlC.press()).toBe('stop-now');
  });
});

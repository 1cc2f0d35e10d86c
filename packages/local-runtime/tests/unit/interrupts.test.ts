import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CtrlC, NPM_FORWARDED_COPY_WITHIN_MS, sameCtrlCWithinMs, type InterruptAction } from '../../src/cli/interrupts.js';

describe('CtrlC', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  function ctrlCWith(sameWithinMs: number): { ctrlC: CtrlC; actions: InterruptAction[] } {
    const actions: InterruptAction[] = [];
    return { ctrlC: new CtrlC({ sameWithinMs, onAction: (action) => actions.push(action) }), actions };
  }

  it('drains on the first Ctrl-C, stops at once on the second, quits on the third', () => {
    // Prepare
    const { ctrlC, actions } = ctrlCWith(0);

    // Act
    ctrlC.press();
    ctrlC.press();
    ctrlC.press();

    // Assess
    expect(actions).toEqual(['drain', 'stop-now', 'quit']);
  });

  it('run directly (no npm, no copies), an impatient ^C^C 1 ms apart is two Ctrl-C, each acted on at once', () => {
    // Prepare
    const { ctrlC, actions } = ctrlCWith(sameCtrlCWithinMs({}));

    // Act
    ctrlC.press();
    const afterFirst = [...actions];
    vi.advanceTimersByTime(1);
    ctrlC.press();

    // Assess
    expect(afterFirst).toEqual(['drain']);
    expect(actions).toEqual(['drain', 'stop-now']);
  });

  it("under npm, counts once the two SIGINTs of one Ctrl-C (the terminal's and the one npm forwards), and acts when its window closes", () => {
    // Prepare
    const { ctrlC, actions } = ctrlCWith(sameCtrlCWithinMs({ npm_lifecycle_event: 'start' }));

    // Act
    ctrlC.press();
    vi.advanceTimersByTime(12); // the latest copy measured
    ctrlC.press();
    vi.advanceTimersByTime(NPM_FORWARDED_COPY_WITHIN_MS - 13);
    const beforeWindowCloses = [...actions];
    vi.advanceTimersByTime(1);

    // Assess
    expect(beforeWindowCloses).toEqual([]);
    expect(actions).toEqual(['drain']);
  });

  it('under npm, a Ctrl-C pressed once the first was acted on is a second Ctrl-C, however soon', () => {
    // Prepare
    const { ctrlC, actions } = ctrlCWith(NPM_FORWARDED_COPY_WITHIN_MS);
    ctrlC.press();
    vi.advanceTimersByTime(NPM_FORWARDED_COPY_WITHIN_MS);

    // Act
    ctrlC.press();
    ctrlC.press(); // its copy
    vi.advanceTimersByTime(NPM_FORWARDED_COPY_WITHIN_MS);

    // Assess
    expect(actions).toEqual(['drain', 'stop-now']);
  });

  it('stops at once on the first Ctrl-C once the run drains on its own (after --duration)', () => {
    // Prepare
    const { ctrlC, actions } = ctrlCWith(0);

    // Act
    ctrlC.drainingStarted();
    ctrlC.press();

    // Assess
    expect(actions).toEqual(['stop-now']);
  });
});

describe('sameCtrlCWithinMs', () => {
  it('debounces only under npm, which sets npm_lifecycle_event for the scripts it runs', () => {
    expect(sameCtrlCWithinMs({ npm_lifecycle_event: 'start' })).toBe(NPM_FORWARDED_COPY_WITHIN_MS);
    expect(sameCtrlCWithinMs({})).toBe(0);
  });
});

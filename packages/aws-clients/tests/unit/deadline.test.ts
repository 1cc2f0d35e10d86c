import { describe, expect, it, vi } from 'vitest';
import {
  abortSignalForDeadline,
  deadlineAt,
  deadlineFromLambdaContext,
  DEFAULT_LAMBDA_SAFETY_MARGIN_MS,
  InvalidOptionsError,
  sleepWithinDeadline,
} from '../../src/index.js';

describe('deadlineFromLambdaContext', () => {
  it('keeps the safety margin in reserve', () => {
    // Prepare
    const context = { getRemainingTimeInMillis: vi.fn().mockReturnValueOnce(10_000).mockReturnValueOnce(4_000) };

    // Act
    const deadline = deadlineFromLambdaContext(context, { safetyMarginMs: 1_500 });

    // Assess: it asks the context every time
    expect(deadline.remainingMs()).toBe(8_500);
    expect(deadline.remainingMs()).toBe(2_500);
  });

  it('defaults the margin and never goes negative', () => {
    // Prepare
    const context = { getRemainingTimeInMillis: () => DEFAULT_LAMBDA_SAFETY_MARGIN_MS - 1 };

    // Act
    const deadline = deadlineFromLambdaContext(context);

    // Assess
    expect(deadline.remainingMs()).toBe(0);
  });

  it('rejects a negative margin', () => {
    // Act & Assess
    expect(() => deadlineFromLambdaContext({ getRemainingTimeInMillis: () => 1 }, { safetyMarginMs: -1 })).toThrow(InvalidOptionsError);
  });
});

describe('deadlineAt', () => {
  it('counts down to an absolute epoch time', () => {
    // Prepare
    let now = 1_000;
    const deadline = deadlineAt(5_000, { now: () => now });

    // Act
    const before = deadline.remainingMs();
    now = 6_000;
    const after = deadline.remainingMs();

    // Assess
    expect([before, after]).toEqual([4_000, 0]);
  });

  it('uses the wall clock by default, and Infinity never comes', () => {
    // Act
    const soon = deadlineAt(Date.now() + 60_000).remainingMs();
    const never = deadlineAt(Number.POSITIVE_INFINITY).remainingMs();

    // Assess
    expect(soon).toBeGreaterThan(59_000);
    expect(never).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('sleepWithinDeadline', () => {
  it('sleeps the full delay when the deadline allows it', async () => {
    // Prepare
    const sleep = vi.fn(async () => undefined);

    // Act
    const slept = await sleepWithinDeadline(300, { remainingMs: () => 1_000 }, sleep);

    // Assess
    expect(slept).toBe(300);
    expect(sleep).toHaveBeenCalledWith(300);
  });

  it('never sleeps past the deadline', async () => {
    // Prepare
    const sleep = vi.fn(async () => undefined);

    // Act
    const slept = await sleepWithinDeadline(300, { remainingMs: () => 120 }, sleep);

    // Assess
    expect(slept).toBe(120);
    expect(sleep).toHaveBeenCalledWith(120);
  });

  it('does not sleep at all when nothing is left', async () => {
    // Prepare
    const sleep = vi.fn(async () => undefined);

    // Act
    const slept = await sleepWithinDeadline(300, { remainingMs: () => 0 }, sleep);

    // Assess
    expect(slept).toBe(0);
    expect(sleep).not.toHaveBeenCalled();
  });
});

describe('abortSignalForDeadline', () => {
  it('gives a live signal for a finite deadline', () => {
    // Act
    const signal = abortSignalForDeadline({ remainingMs: () => 5_000 });

    // Assess
    expect(signal).toBeInstanceOf(AbortSignal);
    expect(signal?.aborted).toBe(false);
  });

  it('gives no signal for a deadline that never comes', () => {
    // Act
    const signal = abortSignalForDeadline(deadlineAt(Number.POSITIVE_INFINITY));

    // Assess
    expect(signal).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { decideRetry, DEFAULT_RETRY_OPTIONS, InvalidOptionsError, resolveRetryOptions } from '../../src/index.js';

describe('resolveRetryOptions', () => {
  it('applies the defaults, ignoring undefined fields', () => {
    // Act
    const options = resolveRetryOptions({ maxAttempts: 3, baseDelayMs: undefined });

    // Assess
    expect(options).toEqual({ baseDelayMs: 50, maxDelayMs: 2_000, maxAttempts: 3, minCallBudgetMs: 250 });
    expect(resolveRetryOptions()).toEqual(DEFAULT_RETRY_OPTIONS);
  });

  it.each([
    [{ maxAttempts: 0 }, 'retry.maxAttempts must be an integer >= 1 (given 0)'],
    [{ maxAttempts: 2.5 }, 'retry.maxAttempts must be an integer >= 1 (given 2.5)'],
    [{ baseDelayMs: -1 }, 'retry.baseDelayMs'],
    [{ maxDelayMs: Number.NaN }, 'retry.maxDelayMs'],
    [{ minCallBudgetMs: -10 }, 'retry.minCallBudgetMs'],
  ])('rejects %o', (options, message) => {
    // Act & Assess
    expect(() => resolveRetryOptions(options)).toThrow(InvalidOptionsError);
    expect(() => resolveRetryOptions(options)).toThrow(message);
  });
});

describe('decideRetry', () => {
  const options = resolveRetryOptions({ baseDelayMs: 100, maxDelayMs: 1_000, maxAttempts: 4, minCallBudgetMs: 200 });

  it('retries after a full-jitter delay that grows with the attempts made', () => {
    // Act
    const first = decideRetry({ attemptsMade: 1, remainingMs: 10_000, options, random: () => 0.5 });
    const third = decideRetry({ attemptsMade: 3, remainingMs: 10_000, options, random: () => 0.5 });

    // Assess
    expect(first).toEqual({ retry: true, delayMs: 50 });
    expect(third).toEqual({ retry: true, delayMs: 200 });
  });

  it('stops once maxAttempts calls were made', () => {
    // Act
    const decision = decideRetry({ attemptsMade: 4, remainingMs: 10_000, options });

    // Assess
    expect(decision).toEqual({ retry: false, stoppedBy: 'MaxAttemptsReached' });
  });

  it('retries only when the time left covers the delay plus the call budget', () => {
    // Act: delay 50 + budget 200 = 250
    const justEnough = decideRetry({ attemptsMade: 1, remainingMs: 250, options, random: () => 0.5 });
    const tooLittle = decideRetry({ attemptsMade: 1, remainingMs: 249, options, random: () => 0.5 });

    // Assess
    expect(justEnough).toEqual({ retry: true, delayMs: 50 });
    expect(tooLittle).toEqual({ retry: false, stoppedBy: 'DeadlineReached' });
  });
});

import { describe, expect, it } from 'vitest';
import { fullJitterDelayMs, InvalidOptionsError } from '../../src/index.js';

const options = { baseDelayMs: 50, maxDelayMs: 2_000 };

describe('fullJitterDelayMs', () => {
  it('scales the exponential ceiling by the random draw', () => {
    // Prepare
    const half = () => 0.5;

    // Act
    const delays = [0, 1, 2, 3].map((retryIndex) => fullJitterDelayMs(retryIndex, options, half));

    // Assess
    expect(delays).toEqual([25, 50, 100, 200]);
  });

  it('never exceeds the cap, however many retries came before', () => {
    // Prepare
    const almostOne = () => 0.999_999;

    // Act
    const delays = [6, 10, 100, 5_000].map((retryIndex) => fullJitterDelayMs(retryIndex, options, almostOne));

    // Assess
    for (const delay of delays) {
      expect(delay).toBeLessThan(2_000);
      expect(delay).toBeGreaterThan(1_999);
    }
  });

  it('stays within [0, min(cap, base * 2^n)) for real random draws (full jitter)', () => {
    // Prepare
    const retryIndexes = Array.from({ length: 2_000 }, (_, i) => i % 8);

    // Act
    const pairs = retryIndexes.map((retryIndex) => ({ retryIndex, delay: fullJitterDelayMs(retryIndex, options) }));

    // Assess
    for (const { retryIndex, delay } of pairs) {
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(Math.min(2_000, 50 * 2 ** retryIndex));
    }
    expect(Math.min(...pairs.map((pair) => pair.delay))).toBeLessThan(5);
  });

  it('can be zero: full jitter starts at no delay at all', () => {
    // Act
    const delay = fullJitterDelayMs(4, options, () => 0);

    // Assess
    expect(delay).toBe(0);
  });

  it.each([-1, 1.5, Number.NaN])('rejects retry index %s', (retryIndex) => {
    // Act & Assess
    expect(() => fullJitterDelayMs(retryIndex, options)).toThrow(InvalidOptionsError);
  });

  it('rejects negative delays, naming the value given', () => {
    // Act & Assess
    expect(() => fullJitterDelayMs(0, { baseDelayMs: -5, maxDelayMs: 10 })).toThrow('baseDelayMs must be a finite number of milliseconds >= 0 (given -5)');
    expect(() => fullJitterDelayMs(0, { baseDelayMs: 5, maxDelayMs: Number.POSITIVE_INFINITY })).toThrow(/maxDelayMs/);
  });
});

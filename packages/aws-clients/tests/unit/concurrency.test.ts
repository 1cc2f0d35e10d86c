import { describe, expect, it } from 'vitest';
import { InvalidOptionsError, mapWithConcurrency } from '../../src/index.js';

describe('mapWithConcurrency', () => {
  it('keeps results in input order and never exceeds the limit', async () => {
    // Prepare
    let inFlight = 0;
    let peak = 0;
    const items = [5, 1, 4, 2, 3, 0, 6];

    // Act
    const results = await mapWithConcurrency(items, 3, async (item, index) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      for (let tick = 0; tick < item; tick++) await Promise.resolve();
      inFlight--;
      return `${index}:${item}`;
    });

    // Assess
    expect(results).toEqual(items.map((item, index) => `${index}:${item}`));
    expect(peak).toBe(3);
  });

  it('handles no items', async () => {
    // Act & Assess
    await expect(mapWithConcurrency([], 4, async () => 1)).resolves.toEqual([]);
  });

  it('rejects a limit below 1', async () => {
    // Act & Assess
    await expect(mapWithConcurrency([1], 0, async () => 1)).rejects.toThrow(InvalidOptionsError);
  });
});

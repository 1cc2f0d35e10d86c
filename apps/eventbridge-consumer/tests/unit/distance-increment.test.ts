import { describe, expect, it } from 'vitest';
import { seededRandom } from '@wildrydes/emulators';
import { RIDE_RANGES } from '@wildrydes/schemas';
import { distanceIncrement } from '../../src/distance-increment.js';

const { max } = RIDE_RANGES.distanceMetres;
/** Exact millimetres of a decimal string with at most three decimals. */
const millimetres = (decimal: string) => {
  const [whole = '0', fraction = ''] = decimal.split('.');
  return BigInt(whole) * 1000n + BigInt(fraction.padEnd(3, '0'));
};
const significantDigits = (value: bigint) => value.toString().replace(/0+$/, '').length;

describe('distanceIncrement', () => {
  it('counts a distance to the millimetre', () => {
    expect([1250.5, 0.1 + 0.2, 1e-7, 0, max, 999_999.9999999999, 12.3456].map(distanceIncrement)).toEqual([
      '1250.5',
      '0.3',
      '0',
      '0',
      '1000000',
      '1000000',
      '12.346',
    ]);
  });

  it('gives, for any distance the catalog accepts, a plain decimal of at most three places within half a millimetre of it', () => {
    // Prepare: spread over every order of magnitude a valid distance can have, down to DynamoDB's 1e-130.
    const random = seededRandom(7);
    const distances = Array.from({ length: 5_000 }, () => Math.min(max, 10 ** (-130 + random() * 136.000001)));

    // Act + Assess
    for (const distance of distances) {
      const increment = distanceIncrement(distance);
      expect(increment).toMatch(/^\d{1,7}(\.\d{1,3})?$/);
      expect(Math.abs(Number(increment) - distance)).toBeLessThanOrEqual(0.0005 + distance * 1e-15);
    }
  });

  it('cannot make a counter unstorable: even after 10^20 of the longest rides, one more keeps it within 38 significant digits', () => {
    // Prepare: the counter as DynamoDB holds it, exactly, in millimetres.
    const counter = 10n ** 20n * millimetres(distanceIncrement(max));
    const random = seededRandom(11);

    for (let i = 0; i < 1_000; i++) {
      // Act
      const sum = counter + millimetres(distanceIncrement(random() * max));
      // Assess: DynamoDB numbers hold 38 significant digits and magnitudes below 1e126.
      expect(significantDigits(sum)).toBeLessThanOrEqual(38);
      expect(sum.toString().length - 3).toBeLessThan(126);
    }
  });

  it.each([-1, max + 0.001, Number.NaN, 9e125])('refuses %s, which the catalog schema refuses too', (distance) => {
    expect(() => distanceIncrement(distance)).toThrow(`(given ${distance})`);
  });
});

import { isSameAddress } from '../cidr.js';
import type { ValueTest } from '../compiled.js';
import { looksLikeIpAddress, parseIpAddress } from '../ip-address.js';
import { numbersMatch } from '../numeric.js';
import type { LeafValue } from '../types.js';

/**
 * Compiles an exact value. Types never mix: the string `"5"` does not match the number 5, and
 * `""` does not match `null`. Numbers compare as numbers (300 matches 3.0e2), to 6 decimals
 * inside -5e9..+5e9. A string that is an IP literal matches the same address in another
 * spelling (`"::1"` matches `"0:0:0:0:0:0:0:1"`), because EventBridge compares IP literals
 * as addresses.
 */
export function compileExact(expected: LeafValue): ValueTest {
  if (typeof expected === 'number') {
    return (value) => typeof value === 'number' && numbersMatch(expected, value);
  }
  if (typeof expected === 'string' && looksLikeIpAddress(expected)) {
    const address = parseIpAddress(expected);
    if (address !== undefined) {
      return (value) => value === expected || (typeof value === 'string' && isSameAddress(address, value));
    }
  }
  return (value) => value === expected;
}

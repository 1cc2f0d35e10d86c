import { compareAddresses, looksLikeIpAddress, parseIpAddress } from './ip-address.js';

/** An inclusive address range of one family (4 or 16 bytes), as a `cidr` operand compiles to. */
export interface AddressRange {
  readonly low: Uint8Array;
  readonly high: Uint8Array;
}

/**
 * Parses a `cidr` operand, or returns the reason EventBridge refuses it (in its engine's words).
 * The range is the whole block: host bits are masked off for the lowest address and set for the
 * highest, so `220.160.153.171/31` is 220.160.153.170-220.160.153.171, for IPv4 and IPv6 alike
 * (Event Ruler `CIDR.cidr`: `computeBottomBytes` / `computeTopBytes`). As in that engine, the mask
 * must be below the address width (`/32` and `/128` are refused: match one address with its exact
 * string instead).
 *
 * @example
 * ```ts
 * parseCidr('10.0.0.7/24'); // { range: { low: 10.0.0.0, high: 10.0.0.255 } }
 * parseCidr('10.0.0.0');    // { error: "Malformed CIDR, one '/' required" }
 * ```
 */
export function parseCidr(text: string): { readonly range: AddressRange } | { readonly error: string } {
  const parts = text.split('/');
  if (parts.length !== 2 || parts[1] === '') return { error: "Malformed CIDR, one '/' required" };
  const [addressText = '', maskText = ''] = parts;
  if (!/^[+-]?[0-9]+$/.test(maskText)) return { error: 'Malformed CIDR, mask bits must be an integer' };
  const maskBits = Number(maskText);
  if (maskBits < 0) return { error: 'Malformed CIDR, mask bits must not be negative' };
  if (!looksLikeIpAddress(addressText)) return { error: `Nonstandard IP address: ${addressText}` };
  const address = parseIpAddress(addressText);
  if (address === undefined) return { error: `Invalid IP address: ${addressText}` };
  const width = address.length * 8;
  if (maskBits >= width) return { error: `${address.length === 4 ? 'IPv4' : 'IPv6'} mask bits must be < ${width}` };
  return { range: { low: withHostBits(address, width - maskBits, false), high: withHostBits(address, width - maskBits, true) } };
}

/** The address with its last `hostBits` bits all set (`set`) or all cleared. */
function withHostBits(address: Uint8Array, hostBits: number, set: boolean): Uint8Array {
  const result = address.slice();
  let remaining = hostBits;
  for (let index = result.length - 1; index >= 0 && remaining > 0; index -= 1) {
    const mask = (1 << Math.min(remaining, 8)) - 1;
    const byte = result[index] ?? 0;
    result[index] = set ? byte | mask : byte & ~mask & 0xff;
    remaining -= 8;
  }
  return result;
}

/** Whether an event value is an IP literal inside `range` (same family; anything else never matches). */
export function isInAddressRange(range: AddressRange, value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const address = parseIpAddress(value);
  if (address === undefined || address.length !== range.low.length) return false;
  return compareAddresses(address, range.low) >= 0 && compareAddresses(address, range.high) <= 0;
}

/** Whether two strings name the same IP address (exact-match patterns compare IP literals as addresses). */
export function isSameAddress(expected: Uint8Array, value: string): boolean {
  const address = parseIpAddress(value);
  return address !== undefined && address.length === expected.length && compareAddresses(address, expected) === 0;
}

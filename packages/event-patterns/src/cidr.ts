import { compareAddresses, parseIpAddress } from './ip-address.js';

/** An inclusive address range of one family (4 or 16 bytes), as a `cidr` operand compiles to. */
export interface AddressRange {
  readonly low: Uint8Array;
  readonly high: Uint8Array;
}

/**
 * Parses a `cidr` operand, or returns the reason EventBridge refuses it. The range runs from the
 * address as written to that address with every host bit set, so `10.0.0.0/24` is
 * 10.0.0.0-10.0.0.255. Like EventBridge's engine, the mask must be below the address width
 * (`/32` and `/128` are refused: match one address with its exact string instead) and host bits
 * are not cleared (`10.0.0.7/24` covers 10.0.0.7-10.0.0.255).
 *
 * @example
 * ```ts
 * parseCidr('10.0.0.0/24'); // { range: { low: 10.0.0.0, high: 10.0.0.255 } }
 * parseCidr('10.0.0.0');    // { error: "malformed CIDR ..." }
 * ```
 */
export function parseCidr(text: string): { readonly range: AddressRange } | { readonly error: string } {
  const parts = text.split('/');
  if (parts.length !== 2 || parts[1] === '') {
    return { error: `malformed CIDR "${text}": exactly one "/" followed by the mask bits is required` };
  }
  const [addressText = '', maskText = ''] = parts;
  if (!/^[+-]?[0-9]+$/.test(maskText)) return { error: `malformed CIDR "${text}": mask bits must be an integer` };
  const maskBits = Number(maskText);
  if (maskBits < 0) return { error: `malformed CIDR "${text}": mask bits must not be negative` };
  const address = parseIpAddress(addressText);
  if (address === undefined) return { error: `"${addressText}" in CIDR "${text}" is not an IPv4 or IPv6 address` };
  const width = address.length * 8;
  if (maskBits >= width) {
    return { error: `${address.length === 4 ? 'IPv4' : 'IPv6'} mask bits must be < ${width} (given ${maskBits})` };
  }
  return { range: { low: address, high: setHostBits(address, width - maskBits) } };
}

function setHostBits(address: Uint8Array, hostBits: number): Uint8Array {
  const high = address.slice();
  let remaining = hostBits;
  for (let index = high.length - 1; index >= 0 && remaining > 0; index -= 1) {
    const bits = Math.min(remaining, 8);
    high[index] = (high[index] ?? 0) | ((1 << bits) - 1);
    remaining -= bits;
  }
  return high;
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

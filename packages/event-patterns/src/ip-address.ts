const IPV4_SHAPE = /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/;
const IPV6_SHAPE = /^[0-9a-fA-F:]*:[0-9a-fA-F:]*$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** Whether a string has the shape EventBridge treats as an IP literal (4 dotted numbers, or hex with a colon). */
export function looksLikeIpAddress(text: string): boolean {
  return IPV4_SHAPE.test(text) || IPV6_SHAPE.test(text);
}

/**
 * Parses an IPv4 or IPv6 literal into its bytes (4 or 16), or `undefined` if it is not one.
 * IPv4 octets are decimal 0-255 without leading zeros (an ambiguous, octal-looking `010` is
 * refused); IPv6 takes 8 hex groups or one `::` run, without embedded dotted IPv4 or zone ids.
 * An IPv4-mapped IPv6 address (`::ffff:a00:1`) is the IPv4 address, as in EventBridge's engine.
 *
 * @example
 * ```ts
 * parseIpAddress('10.0.0.1'); // Uint8Array [10, 0, 0, 1]
 * parseIpAddress('10.0.0');   // undefined
 * ```
 */
export function parseIpAddress(text: string): Uint8Array | undefined {
  if (IPV4_SHAPE.test(text)) return parseIpv4(text);
  if (IPV6_SHAPE.test(text)) return unmapIpv4(parseIpv6(text));
  return undefined;
}

function parseIpv4(text: string): Uint8Array | undefined {
  const bytes = new Uint8Array(4);
  const octets = text.split('.');
  for (const [index, octet] of octets.entries()) {
    if (octet.length > 1 && octet.startsWith('0')) return undefined;
    const value = Number(octet);
    if (value > 255) return undefined;
    bytes[index] = value;
  }
  return bytes;
}

function parseIpv6(text: string): Uint8Array | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = splitGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? splitGroups(halves[1] ?? '') : [];
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...new Array<number>(missing).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  for (const [index, group] of groups.entries()) {
    bytes[index * 2] = group >> 8;
    bytes[index * 2 + 1] = group & 0xff;
  }
  return bytes;
}

function splitGroups(text: string): number[] | undefined {
  if (text === '') return [];
  const groups: number[] = [];
  for (const group of text.split(':')) {
    if (!HEX_GROUP.test(group)) return undefined;
    groups.push(Number.parseInt(group, 16));
  }
  return groups;
}

function unmapIpv4(bytes: Uint8Array | undefined): Uint8Array | undefined {
  if (bytes === undefined) return undefined;
  const isMapped = bytes.subarray(0, 10).every((byte) => byte === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return isMapped ? bytes.slice(12) : bytes;
}

/** Byte-wise comparison of two addresses of the same family: negative, zero or positive. */
export function compareAddresses(left: Uint8Array, right: Uint8Array): number {
  for (let index = 0; index < left.length; index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

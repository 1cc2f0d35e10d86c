import { describe } from 'vitest';
import type { MatchCase } from '../fixtures.js';
import { itMatchesEachCase } from '../match-table.js';

const block = (cidr: string): unknown => ({ ip: [{ cidr }] });

const cases: MatchCase[] = [
  { name: 'IPv4 inside /24', pattern: block('10.0.0.0/24'), event: { ip: '10.0.0.255' }, matches: true },
  { name: 'IPv4 at the start of /24', pattern: block('10.0.0.0/24'), event: { ip: '10.0.0.0' }, matches: true },
  { name: 'IPv4 just outside /24', pattern: block('10.0.0.0/24'), event: { ip: '10.0.1.0' }, matches: false },
  { name: 'IPv4 inside /8', pattern: block('10.0.0.0/8'), event: { ip: '10.200.3.4' }, matches: true },
  { name: 'IPv4 /0 covers every IPv4 address', pattern: block('0.0.0.0/0'), event: { ip: '203.0.113.9' }, matches: true },
  { name: 'IPv4 /31 covers two addresses', pattern: block('192.168.1.4/31'), event: { ip: '192.168.1.5' }, matches: true },
  { name: 'IPv4 /31 excludes the next one', pattern: block('192.168.1.4/31'), event: { ip: '192.168.1.6' }, matches: false },
  { name: 'IPv4 /20 on a non-octet boundary', pattern: block('172.16.16.0/20'), event: { ip: '172.16.31.255' }, matches: true },
  { name: 'IPv4 /20 upper edge', pattern: block('172.16.16.0/20'), event: { ip: '172.16.32.0' }, matches: false },
  // Host bits are masked, as EventBridge's engine computes the block (Event Ruler CIDR.computeBottomBytes).
  { name: 'host bits are masked: 220.160.153.171/31 matches 220.160.153.170', pattern: block('220.160.153.171/31'), event: { ip: '220.160.153.170' }, matches: true },
  { name: 'host bits are masked: 220.160.153.171/31 matches 220.160.153.171', pattern: block('220.160.153.171/31'), event: { ip: '220.160.153.171' }, matches: true },
  { name: 'host bits are masked: 220.160.153.171/31 excludes 220.160.153.172', pattern: block('220.160.153.171/31'), event: { ip: '220.160.153.172' }, matches: false },
  { name: 'host bits are masked: 10.0.0.7/24 starts at 10.0.0.0', pattern: block('10.0.0.7/24'), event: { ip: '10.0.0.3' }, matches: true },
  { name: 'host bits are masked across octets: 172.16.31.9/20', pattern: block('172.16.31.9/20'), event: { ip: '172.16.16.0' }, matches: true },
  { name: 'IPv6 host bits are masked: 2001:db8::ff/120 matches 2001:db8::1', pattern: block('2001:db8::ff/120'), event: { ip: '2001:db8::1' }, matches: true },
  { name: 'IPv6 host bits are masked: 2001:db8:0:0:8000::1/65 keeps its 65th bit, excluding 2001:db8::ffff', pattern: block('2001:db8:0:0:8000::1/65'), event: { ip: '2001:db8::ffff' }, matches: false },
  { name: 'IPv6 host bits are masked: 2001:db8::1:2/112 matches 2001:db8::1:0', pattern: block('2001:db8::1:2/112'), event: { ip: '2001:db8::1:0' }, matches: true },
  { name: 'IPv6 inside /32', pattern: block('2001:db8::/32'), event: { ip: '2001:db8:ffff::1' }, matches: true },
  { name: 'IPv6 outside /32', pattern: block('2001:db8::/32'), event: { ip: '2001:db9::1' }, matches: false },
  { name: 'IPv6 written in full', pattern: block('2001:db8::/64'), event: { ip: '2001:0db8:0000:0000:0000:0000:0000:0001' }, matches: true },
  { name: 'IPv6 block does not match an IPv4 address', pattern: block('::/0'), event: { ip: '10.0.0.1' }, matches: false },
  { name: 'IPv4 block does not match an IPv6 address', pattern: block('0.0.0.0/0'), event: { ip: '::1' }, matches: false },
  { name: 'IPv4-mapped IPv6 is the IPv4 address', pattern: block('10.0.0.0/8'), event: { ip: '::ffff:a00:1' }, matches: true },
  { name: 'a hostname is not an address', pattern: block('10.0.0.0/8'), event: { ip: 'host.example' }, matches: false },
  { name: 'an out-of-range octet is not an address', pattern: block('10.0.0.0/8'), event: { ip: '10.0.0.256' }, matches: false },
  { name: '[choice] leading zeros are ambiguous and not an address', pattern: block('10.0.0.0/8'), event: { ip: '010.0.0.1' }, matches: false },
  { name: 'a number is not an address', pattern: block('0.0.0.0/0'), event: { ip: 167772161 }, matches: false },
  { name: 'a missing field does not match', pattern: block('0.0.0.0/0'), event: {}, matches: false },
  { name: 'event array of addresses', pattern: block('10.0.0.0/24'), event: { ip: ['192.168.0.1', '10.0.0.9'] }, matches: true },
];

describe('cidr', () => {
  itMatchesEachCase(cases);
});

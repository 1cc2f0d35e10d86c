import { describe } from 'vitest';
import type { MatchCase } from '../fixtures.js';
import { itMatchesEachCase } from '../match-table.js';

const range = (numeric: readonly (string | number)[]): unknown => ({ n: [{ numeric }] });

const cases: MatchCase[] = [
  { name: '= matches an equal number', pattern: range(['=', 3.018e2]), event: { n: 301.8 }, matches: true },
  { name: '= does not match another number', pattern: range(['=', 301.8]), event: { n: 301.9 }, matches: false },
  { name: '= ignores differences beyond 6 decimals', pattern: range(['=', 1.0000001]), event: { n: 1 }, matches: true },
  { name: '= sees the 6th decimal', pattern: range(['=', 1.000001]), event: { n: 1 }, matches: false },
  { name: '> excludes the bound', pattern: range(['>', 0]), event: { n: 0 }, matches: false },
  { name: '> matches above', pattern: range(['>', 0]), event: { n: 0.000001 }, matches: true },
  { name: '>= includes the bound', pattern: range(['>=', 0]), event: { n: 0 }, matches: true },
  { name: '< excludes the bound', pattern: range(['<', 10]), event: { n: 10 }, matches: false },
  { name: '< matches negatives', pattern: range(['<', 10]), event: { n: -42.5 }, matches: true },
  { name: '<= includes the bound', pattern: range(['<=', 10]), event: { n: 10 }, matches: true },
  { name: 'range [> 0, <= 5] includes 5', pattern: range(['>', 0, '<=', 5]), event: { n: 5 }, matches: true },
  { name: 'range [> 0, <= 5] excludes 0', pattern: range(['>', 0, '<=', 5]), event: { n: 0 }, matches: false },
  { name: 'range [>= 0, < 5] excludes 5', pattern: range(['>=', 0, '<', 5]), event: { n: 5 }, matches: false },
  { name: 'range [>= -5e9, <= 5e9] includes the limits', pattern: range(['>=', -5e9, '<=', 5e9]), event: { n: -5e9 }, matches: true },
  { name: 'numbers beyond +5e9 never match numerically', pattern: range(['>', 0]), event: { n: 5e9 + 1 }, matches: false },
  { name: 'numbers below -5e9 never match numerically', pattern: range(['<', 0]), event: { n: -6e9 }, matches: false },
  { name: 'numbers given as strings are not numbers', pattern: range(['>', 0]), event: { n: '5' }, matches: false },
  { name: 'null is not a number', pattern: range(['<', 1]), event: { n: null }, matches: false },
  { name: 'a boolean is not a number', pattern: range(['<', 2]), event: { n: true }, matches: false },
  { name: 'a missing field does not match', pattern: range(['>', 0]), event: {}, matches: false },
  { name: 'event array: any element in range', pattern: range(['>', 10]), event: { n: [1, 2, 30] }, matches: true },
  { name: 'event array: no element in range', pattern: range(['>', 10]), event: { n: [1, 2, 3] }, matches: false },
  { name: 'exponent notation in the event', pattern: range(['>', 100]), event: JSON.parse('{"n": 1.5e2}') as unknown, matches: true },
  { name: 'several ranges are ORed', pattern: { n: [{ numeric: ['<', 0] }, { numeric: ['>', 100] }] }, event: { n: 150 }, matches: true },
  { name: 'several ranges, none holds', pattern: { n: [{ numeric: ['<', 0] }, { numeric: ['>', 100] }] }, event: { n: 50 }, matches: false },
];

describe('numeric', () => {
  itMatchesEachCase(cases);
});

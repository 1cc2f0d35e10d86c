import { describe } from 'vitest';
import type { MatchCase } from '../fixtures.js';
import { itMatchesEachCase } from '../match-table.js';

const glob = (wildcard: string): unknown => ({ a: [{ wildcard }] });

const cases: MatchCase[] = [
  { name: '* at the end', pattern: glob('Simple*'), event: { a: 'SimpleQueueService' }, matches: true },
  { name: '* in the middle', pattern: glob('Simple*Service'), event: { a: 'SimpleQueueService' }, matches: true },
  { name: '* matches the empty run', pattern: glob('Simple*Service'), event: { a: 'SimpleService' }, matches: true },
  { name: 'literal parts must all be there', pattern: glob('Simple*Service'), event: { a: 'SimpleQueue' }, matches: false },
  { name: 'start and end may not overlap', pattern: glob('ab*ba'), event: { a: 'aba' }, matches: false },
  { name: 'start and end adjacent', pattern: glob('ab*ba'), event: { a: 'abba' }, matches: true },
  { name: 'several wildcards in order', pattern: glob('*/2024/*/report-*.csv'), event: { a: 'bucket/2024/05/report-7.csv' }, matches: true },
  { name: 'several wildcards out of order', pattern: glob('*a*b*'), event: { a: 'ba' }, matches: false },
  { name: 'no wildcard is plain equality', pattern: glob('abc'), event: { a: 'abc' }, matches: true },
  { name: 'no wildcard, longer value', pattern: glob('abc'), event: { a: 'abcd' }, matches: false },
  { name: 'a lone * matches any string', pattern: glob('*'), event: { a: '' }, matches: true },
  { name: 'an escaped star is literal', pattern: glob('a\\*b'), event: { a: 'a*b' }, matches: true },
  { name: 'an escaped star does not match other characters', pattern: glob('a\\*b'), event: { a: 'axb' }, matches: false },
  { name: 'an escaped backslash is literal', pattern: glob('a\\\\*'), event: { a: 'a\\bc' }, matches: true },
  { name: 'wildcard is case-sensitive', pattern: glob('*.PNG'), event: { a: 'x.png' }, matches: false },
  { name: 'wildcard on a number does not match', pattern: glob('*'), event: { a: 5 }, matches: false },
  { name: 'wildcard on null does not match', pattern: glob('*'), event: { a: null }, matches: false },
  { name: 'wildcard on a missing field does not match', pattern: glob('*'), event: {}, matches: false },
  { name: 'wildcard in an event array', pattern: glob('*.png'), event: { a: ['a.jpg', 'b.png'] }, matches: true },
  {
    name: 'a long hostile value is handled in linear time',
    pattern: glob('*a*a*a*b'),
    event: { a: 'a'.repeat(200_000) },
    matches: false,
  },
];

describe('wildcard', () => {
  itMatchesEachCase(cases);
});

import { describe } from 'vitest';
import type { MatchCase } from '../fixtures.js';
import { itMatchesEachCase } from '../match-table.js';

const cases: MatchCase[] = [
  { name: 'prefix matches the start', pattern: { a: [{ prefix: 'us-' }] }, event: { a: 'us-east-1' }, matches: true },
  { name: 'prefix is case-sensitive', pattern: { a: [{ prefix: 'US-' }] }, event: { a: 'us-east-1' }, matches: false },
  { name: 'prefix may equal the whole value', pattern: { a: [{ prefix: 'us' }] }, event: { a: 'us' }, matches: true },
  { name: 'an empty prefix matches any string', pattern: { a: [{ prefix: '' }] }, event: { a: 'x' }, matches: true },
  { name: 'prefix on a number does not match', pattern: { a: [{ prefix: '1' }] }, event: { a: 12 }, matches: false },
  { name: 'prefix on null does not match', pattern: { a: [{ prefix: 'n' }] }, event: { a: null }, matches: false },
  { name: 'prefix on a boolean does not match', pattern: { a: [{ prefix: 't' }] }, event: { a: true }, matches: false },
  { name: 'prefix on a missing field does not match', pattern: { a: [{ prefix: '' }] }, event: {}, matches: false },
  { name: 'prefix in an event array', pattern: { a: [{ prefix: 'eu-' }] }, event: { a: ['us-east-1', 'eu-west-1'] }, matches: true },
  { name: 'prefix ignoring case', pattern: { a: [{ prefix: { 'equals-ignore-case': 'EventB' } }] }, event: { a: 'eventbridge' }, matches: true },
  { name: 'prefix ignoring case, different start', pattern: { a: [{ prefix: { 'equals-ignore-case': 'EventB' } }] }, event: { a: 'xeventb' }, matches: false },
  { name: 'suffix matches the end', pattern: { a: [{ suffix: '.png' }] }, event: { a: 'unicorn.png' }, matches: true },
  { name: 'suffix is case-sensitive', pattern: { a: [{ suffix: '.PNG' }] }, event: { a: 'unicorn.png' }, matches: false },
  { name: 'suffix on a number does not match', pattern: { a: [{ suffix: '5' }] }, event: { a: 5 }, matches: false },
  { name: 'suffix ignoring case', pattern: { a: [{ suffix: { 'equals-ignore-case': '.png' } }] }, event: { a: 'UNICORN.PNG' }, matches: true },
  { name: 'suffix ignoring case, different end', pattern: { a: [{ suffix: { 'equals-ignore-case': '.png' } }] }, event: { a: 'unicorn.jpg' }, matches: false },
  { name: 'equals-ignore-case matches any casing', pattern: { a: [{ 'equals-ignore-case': 'alice' }] }, event: { a: 'aLiCe' }, matches: true },
  { name: 'equals-ignore-case is still equality', pattern: { a: [{ 'equals-ignore-case': 'alice' }] }, event: { a: 'alicia' }, matches: false },
  { name: 'equals-ignore-case on a boolean does not match', pattern: { a: [{ 'equals-ignore-case': 'true' }] }, event: { a: true }, matches: false },
  { name: 'equals-ignore-case on non-ASCII letters', pattern: { a: [{ 'equals-ignore-case': 'ÉCLAIR' }] }, event: { a: 'éclair' }, matches: true },
];

describe('prefix, suffix and equals-ignore-case', () => {
  itMatchesEachCase(cases);
});

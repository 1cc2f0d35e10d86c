import { describe } from 'vitest';
import type { MatchCase } from '../fixtures.js';
import { itMatchesEachCase } from '../match-table.js';

const cases: MatchCase[] = [
  { name: 'a different string matches', pattern: { a: [{ 'anything-but': 'x' }] }, event: { a: 'y' }, matches: true },
  { name: 'the excluded string does not match', pattern: { a: [{ 'anything-but': 'x' }] }, event: { a: 'x' }, matches: false },
  { name: 'a missing field does not match (the field must exist)', pattern: { a: [{ 'anything-but': 'x' }] }, event: {}, matches: false },
  { name: 'an object at the field is not a value, so it does not match', pattern: { a: [{ 'anything-but': 'x' }] }, event: { a: { b: 1 } }, matches: false },
  { name: 'an empty array at the field does not match', pattern: { a: [{ 'anything-but': 'x' }] }, event: { a: [] }, matches: false },
  { name: 'excluded number by numeric equality (1e2 excludes 100)', pattern: { a: [{ 'anything-but': 1e2 }] }, event: { a: 100 }, matches: false },
  { name: 'excluded numbers compare to 6 decimals', pattern: { a: [{ 'anything-but': 0.3 }] }, event: { a: 0.1 + 0.2 }, matches: false },
  { name: 'another number matches', pattern: { a: [{ 'anything-but': [100, 200] }] }, event: { a: 150 }, matches: true },
  { name: 'a number from the list does not match', pattern: { a: [{ 'anything-but': [100, 200] }] }, event: { a: 200 }, matches: false },
  { name: 'a string from the list does not match', pattern: { a: [{ 'anything-but': ['stopped', 'overloaded'] }] }, event: { a: 'overloaded' }, matches: false },
  { name: 'numbers given as strings are not numbers: "100" is not excluded by 100', pattern: { a: [{ 'anything-but': [100] }] }, event: { a: '100' }, matches: true },
  { name: 'a number is not excluded by its string form', pattern: { a: [{ 'anything-but': ['100'] }] }, event: { a: 100 }, matches: true },
  { name: '[choice] null is a value and is not excluded by a string', pattern: { a: [{ 'anything-but': 'x' }] }, event: { a: null }, matches: true },
  { name: '[choice] a boolean is a value and is not excluded by a number', pattern: { a: [{ 'anything-but': 1 }] }, event: { a: true }, matches: true },
  { name: 'event array: matches when any element is not excluded', pattern: { a: [{ 'anything-but': 'x' }] }, event: { a: ['x', 'y'] }, matches: true },
  { name: 'event array: every element excluded', pattern: { a: [{ 'anything-but': ['x', 'y'] }] }, event: { a: ['x', 'y'] }, matches: false },
  { name: 'two anything-but entries are ORed, so together they exclude nothing', pattern: { a: [{ 'anything-but': 'x' }, { 'anything-but': 'y' }] }, event: { a: 'x' }, matches: true },
  { name: 'prefix: a value without the prefix matches', pattern: { a: [{ 'anything-but': { prefix: 'init' } }] }, event: { a: 'running' }, matches: true },
  { name: 'prefix: a value with the prefix does not match', pattern: { a: [{ 'anything-but': { prefix: 'init' } }] }, event: { a: 'initializing' }, matches: false },
  { name: 'prefix list: excluded by any prefix', pattern: { a: [{ 'anything-but': { prefix: ['abc-', 'xyz-'] } }] }, event: { a: 'xyz-1' }, matches: false },
  { name: 'prefix list: no prefix applies', pattern: { a: [{ 'anything-but': { prefix: ['abc-', 'xyz-'] } }] }, event: { a: 'def-1' }, matches: true },
  { name: '[choice] prefix: a number is never prefixed by a string, so it matches', pattern: { a: [{ 'anything-but': { prefix: '1' } }] }, event: { a: 12 }, matches: true },
  { name: 'prefix: a missing field does not match', pattern: { a: [{ 'anything-but': { prefix: 'x' } }] }, event: {}, matches: false },
  { name: 'suffix: a value without the suffix matches', pattern: { a: [{ 'anything-but': { suffix: '.png' } }] }, event: { a: 'a.jpg' }, matches: true },
  { name: 'suffix list: excluded by any suffix', pattern: { a: [{ 'anything-but': { suffix: ['.png', '.jpg'] } }] }, event: { a: 'a.jpg' }, matches: false },
  { name: 'equals-ignore-case: excluded in any casing', pattern: { a: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] }, event: { a: 'INITIALIZING' }, matches: false },
  { name: 'equals-ignore-case list: another value matches', pattern: { a: [{ 'anything-but': { 'equals-ignore-case': ['stopped', 'overloaded'] } }] }, event: { a: 'Running' }, matches: true },
  { name: 'wildcard: a path containing /lib/ is excluded', pattern: { a: [{ 'anything-but': { wildcard: '*/lib/*' } }] }, event: { a: 'usr/lib/x' }, matches: false },
  { name: 'wildcard list: excluded by any glob', pattern: { a: [{ 'anything-but': { wildcard: ['*.png', '*.jpg'] } }] }, event: { a: 'x.jpg' }, matches: false },
  { name: 'wildcard list: no glob applies', pattern: { a: [{ 'anything-but': { wildcard: ['*.png', '*.jpg'] } }] }, event: { a: 'x.gif' }, matches: true },
];

describe('anything-but', () => {
  itMatchesEachCase(cases);
});

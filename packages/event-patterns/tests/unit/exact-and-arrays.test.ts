import { describe } from 'vitest';
import type { MatchCase } from '../fixtures.js';
import { itMatchesEachCase } from '../match-table.js';

const cases: MatchCase[] = [
  { name: 'string equals string', pattern: { a: ['x'] }, event: { a: 'x' }, matches: true },
  { name: 'string matching is case-sensitive', pattern: { a: ['x'] }, event: { a: 'X' }, matches: false },
  { name: 'any of several values (OR)', pattern: { a: ['x', 'y', 'z'] }, event: { a: 'z' }, matches: true },
  { name: 'number equals number', pattern: { a: [5] }, event: { a: 5 }, matches: true },
  { name: 'numbers compare as numbers (300 matches 3.0e2)', pattern: { a: [300] }, event: JSON.parse('{"a": 3.0e2}') as unknown, matches: true },
  { name: 'numbers compare to 6 decimals (0.3 matches 0.1 + 0.2)', pattern: { a: [0.3] }, event: { a: 0.1 + 0.2 }, matches: true },
  { name: 'a number does not match its string form', pattern: { a: [5] }, event: { a: '5' }, matches: false },
  { name: 'a numeric-looking string does not match a number', pattern: { a: ['5'] }, event: { a: 5 }, matches: false },
  { name: 'large numbers outside the numeric range compare exactly (account ids)', pattern: { a: [123456789012] }, event: { a: 123456789012 }, matches: true },
  { name: 'large numbers outside the numeric range differ', pattern: { a: [123456789012] }, event: { a: 123456789013 }, matches: false },
  { name: 'true matches true', pattern: { a: [true] }, event: { a: true }, matches: true },
  { name: 'true does not match "true"', pattern: { a: [true] }, event: { a: 'true' }, matches: false },
  { name: 'false does not match null', pattern: { a: [false] }, event: { a: null }, matches: false },
  { name: 'null matches null', pattern: { a: [null] }, event: { a: null }, matches: true },
  { name: 'null does not match a missing field', pattern: { a: [null] }, event: {}, matches: false },
  { name: 'null does not match ""', pattern: { a: [null] }, event: { a: '' }, matches: false },
  { name: '"" matches ""', pattern: { a: [''] }, event: { a: '' }, matches: true },
  { name: '"" does not match a missing field', pattern: { a: [''] }, event: {}, matches: false },
  { name: 'a missing field never matches an exact value', pattern: { a: ['x'] }, event: { b: 'x' }, matches: false },
  { name: 'event array: any element matches', pattern: { a: ['y'] }, event: { a: ['x', 'y'] }, matches: true },
  { name: 'event array: no element matches', pattern: { a: ['z'] }, event: { a: ['x', 'y'] }, matches: false },
  { name: 'event array of arrays is flattened', pattern: { a: ['z'] }, event: { a: [['x'], ['y', ['z']]] }, matches: true },
  { name: 'event array holding null matches [null]', pattern: { a: [null] }, event: { a: ['x', null] }, matches: true },
  { name: 'empty event array matches no value', pattern: { a: ['x'] }, event: { a: [] }, matches: false },
  { name: 'an object is not a leaf value', pattern: { a: ['x'] }, event: { a: { b: 'x' } }, matches: false },
  { name: 'nested objects', pattern: { a: { b: { c: ['x'] } } }, event: { a: { b: { c: 'x', d: 1 } } }, matches: true },
  { name: 'nested pattern on a scalar field does not match', pattern: { a: { b: ['x'] } }, event: { a: 'x' }, matches: false },
  { name: 'nested pattern on a missing parent does not match', pattern: { a: { b: ['x'] } }, event: {}, matches: false },
  { name: 'every field must match (AND)', pattern: { a: ['x'], b: ['y'] }, event: { a: 'x', b: 'z' }, matches: false },
  { name: 'fields the pattern does not name are ignored', pattern: { a: ['x'] }, event: { a: 'x', b: 'anything', c: [1, 2] }, matches: true },
  { name: 'a dotted pattern key is a path: "a.b" matches a.b nested', pattern: { 'a.b': ['x'] }, event: { a: { b: 'x' } }, matches: true },
  { name: 'a field literally named "a.b"', pattern: { 'a.b': ['x'] }, event: { 'a.b': 'x' }, matches: true },
  {
    name: 'IP literals compare as addresses (::1 matches 0:0:0:0:0:0:0:1)',
    pattern: { ip: ['::1'] },
    event: { ip: '0:0:0:0:0:0:0:1' },
    matches: true,
  },
  { name: 'IP literal exact match on the same text', pattern: { ip: ['10.0.0.1'] }, event: { ip: '10.0.0.1' }, matches: true },
  { name: 'IP literal exact match on another address', pattern: { ip: ['10.0.0.1'] }, event: { ip: '10.0.0.2' }, matches: false },
  {
    name: 'inherited names are not fields (constructor is missing on a plain event)',
    pattern: { constructor: [{ exists: false }] },
    event: {},
    matches: true,
  },
  {
    name: 'a __proto__ field from JSON is an ordinary field',
    pattern: JSON.parse('{"__proto__": ["x"]}') as unknown,
    event: JSON.parse('{"__proto__": "x"}') as unknown,
    matches: true,
  },
  { name: '[choice] a non-object event has no fields', pattern: { a: ['x'] }, event: ['x'], matches: false },
  { name: '[choice] a non-object event satisfies exists false', pattern: { a: [{ exists: false }] }, event: 'x', matches: true },
];

describe('exact values, arrays, null and empty strings', () => {
  itMatchesEachCase(cases);
});

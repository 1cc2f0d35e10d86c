import { describe } from 'vitest';
import type { MatchCase } from '../fixtures.js';
import { itMatchesEachCase } from '../match-table.js';

const present = { a: [{ exists: true }] };
const absent = { a: [{ exists: false }] };

const cases: MatchCase[] = [
  { name: 'exists true: a string value', pattern: present, event: { a: 'x' }, matches: true },
  { name: 'exists true: an empty string is present', pattern: present, event: { a: '' }, matches: true },
  { name: 'exists true: null is a present value', pattern: present, event: { a: null }, matches: true },
  { name: 'exists true: false is a present value', pattern: present, event: { a: false }, matches: true },
  { name: 'exists true: a missing field', pattern: present, event: { b: 1 }, matches: false },
  { name: 'exists true: an object is not a leaf', pattern: present, event: { a: { b: 1 } }, matches: false },
  { name: '[choice] exists true: an empty array holds no value', pattern: present, event: { a: [] }, matches: false },
  { name: 'exists true: an array with values', pattern: present, event: { a: [1] }, matches: true },
  { name: 'exists true: an array of objects has no leaf at this field', pattern: present, event: { a: [{ b: 1 }] }, matches: false },
  { name: 'exists false: a missing field', pattern: absent, event: { b: 1 }, matches: true },
  { name: 'exists false: a null value is present', pattern: absent, event: { a: null }, matches: false },
  { name: 'exists false: an object is not a leaf, so the field counts as absent', pattern: absent, event: { a: { b: 1 } }, matches: true },
  { name: '[choice] exists false: an empty array counts as absent', pattern: absent, event: { a: [] }, matches: true },
  { name: 'exists false under a missing parent', pattern: { p: { a: [{ exists: false }] } }, event: {}, matches: true },
  { name: 'exists false under a scalar parent', pattern: { p: { a: [{ exists: false }] } }, event: { p: 'x' }, matches: true },
  { name: 'exists true under a missing parent', pattern: { p: { a: [{ exists: true }] } }, event: {}, matches: false },
  { name: 'exists false with another field that matches', pattern: { a: [{ exists: false }], b: ['x'] }, event: { b: 'x' }, matches: true },
  { name: 'exists false with another field that does not match', pattern: { a: [{ exists: false }], b: ['x'] }, event: { b: 'y' }, matches: false },
  { name: 'exists false or a value: missing', pattern: { a: [{ exists: false }, 'x'] }, event: {}, matches: true },
  { name: 'exists false or a value: the value', pattern: { a: [{ exists: false }, 'x'] }, event: { a: 'x' }, matches: true },
  { name: 'exists false or a value: another value', pattern: { a: [{ exists: false }, 'x'] }, event: { a: 'y' }, matches: false },
  {
    name: '[choice] exists false through an array of objects: absent from every element',
    pattern: { items: { discount: [{ exists: false }] } },
    event: { items: [{ price: 3 }, { price: 4 }] },
    matches: true,
  },
  {
    name: '[choice] exists false through an array of objects: present in one element fails',
    pattern: { items: { discount: [{ exists: false }] } },
    event: { items: [{ discount: 5 }, { price: 3 }] },
    matches: false,
  },
  {
    name: '[choice] exists false next to a positive condition is checked in the element that condition picks',
    pattern: { items: { sku: ['b'], discount: [{ exists: false }] } },
    event: { items: [{ sku: 'a', discount: 5 }, { sku: 'b' }] },
    matches: true,
  },
  {
    name: 'exists false next to a positive condition: the picked element has the field',
    pattern: { items: { sku: ['a'], discount: [{ exists: false }] } },
    event: { items: [{ sku: 'a', discount: 5 }, { sku: 'b' }] },
    matches: false,
  },
];

describe('exists', () => {
  itMatchesEachCase(cases);
});

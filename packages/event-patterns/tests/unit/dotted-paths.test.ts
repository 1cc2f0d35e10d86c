import { describe, expect, it } from 'vitest';
import { matchesPattern } from '../../src/index.js';
import type { MatchCase } from '../fixtures.js';
import { itMatchesEachCase } from '../match-table.js';

/**
 * EventBridge's matching engine (Event Ruler) flattens both the pattern and the event to dotted
 * paths before matching (`JsonRuleCompiler` joins nested keys with "."; events are flattened the
 * same way), so a dotted key and the nested objects it spells are the same field, in either
 * direction. The engine's own README example rule uses the dotted keys `c.count` and `x.limit`.
 */
const patternSide: MatchCase[] = [
  {
    name: 'the issue example: {"detail":{"state.status":["running"]}} matches a nested status',
    pattern: { detail: { 'state.status': ['running'] } },
    event: { detail: { state: { status: 'running' } } },
    matches: true,
  },
  {
    name: 'a dotted pattern key still tests the value',
    pattern: { detail: { 'state.status': ['running'] } },
    event: { detail: { state: { status: 'stopped' } } },
    matches: false,
  },
  { name: 'a dotted key from the top', pattern: { 'detail.state.status': ['running'] }, event: { detail: { state: { status: 'running' } } }, matches: true },
  {
    name: 'a dotted key and a nested object on the same parent must hold in the same array element',
    pattern: { 'items.sku': ['a'], items: { qty: [2] } },
    event: { items: [{ sku: 'a', qty: 1 }, { sku: 'b', qty: 2 }] },
    matches: false,
  },
  {
    name: 'a dotted key and a nested object on the same parent, in one element',
    pattern: { 'items.sku': ['a'], items: { qty: [2] } },
    event: { items: [{ sku: 'b', qty: 1 }, { sku: 'a', qty: 2 }] },
    matches: true,
  },
  {
    name: 'a leaf on a field and a dotted path below it are two conditions',
    pattern: { a: ['x'], 'a.b': ['y'] },
    event: { a: ['x', { b: 'y' }] },
    matches: true,
  },
  {
    name: 'a path given twice keeps the later value array (the engine overrides)',
    pattern: { 'a.b': ['x'], a: { b: ['y'] } },
    event: { a: { b: 'y' } },
    matches: true,
  },
  {
    name: 'a path given twice: the earlier value array no longer matches',
    pattern: { 'a.b': ['x'], a: { b: ['y'] } },
    event: { a: { b: 'x' } },
    matches: false,
  },
  { name: 'exists false on a dotted path', pattern: { 'a.b': [{ exists: false }] }, event: { a: { c: 1 } }, matches: true },
  { name: 'a dotted key inside $or', pattern: { $or: [{ 'a.b': ['x'] }, { c: ['y'] }] }, event: { a: { b: 'x' } }, matches: true },
];

const eventSide: MatchCase[] = [
  {
    name: 'a dotted event key matches a nested pattern',
    pattern: { detail: { state: { status: ['running'] } } },
    event: { detail: { 'state.status': 'running' } },
    matches: true,
  },
  {
    name: 'a flat event (every key dotted from the top) matches the nested pattern',
    pattern: { detail: { 'c-count': [5], state: ['running'] } },
    event: { 'detail.c-count': 5, 'detail.state': 'running', source: 'aws.ec2' },
    matches: true,
  },
  {
    name: 'dotted and nested event keys combine into one object',
    pattern: { detail: { a: [1], b: [2] } },
    event: { detail: { a: 1 }, 'detail.b': 2 },
    matches: true,
  },
  {
    name: 'a dotted event key and a nested one on the same path are both values',
    pattern: { a: { b: [2] } },
    event: { a: { b: 1 }, 'a.b': 2 },
    matches: true,
  },
  {
    name: 'a dotted event key joins each element of an array of objects',
    pattern: { items: { sku: ['a'], shop: ['s1'] } },
    event: { items: [{ sku: 'a' }, { sku: 'b' }], 'items.shop': 's1' },
    matches: true,
  },
  {
    name: 'a dotted event key deeper down',
    pattern: { detail: { a: { b: { c: ['x'] } } } },
    event: { detail: { 'a.b': { c: 'x' } } },
    matches: true,
  },
  {
    name: 'a dotted event key with a different value does not match',
    pattern: { detail: { state: { status: ['running'] } } },
    event: { detail: { 'state.status': 'stopped' } },
    matches: false,
  },
  {
    name: 'a dotted event key makes the field exist',
    pattern: { detail: { state: { status: [{ exists: true }] } } },
    event: { detail: { 'state.status': 'x' } },
    matches: true,
  },
  {
    name: 'a dotted event key makes exists false fail',
    pattern: { detail: { state: { status: [{ exists: false }] } } },
    event: { detail: { 'state.status': 'x' } },
    matches: false,
  },
  { name: 'a __proto__ path segment is an ordinary field', pattern: { a: { __proto__x: ['y'] } }, event: { 'a.__proto__x': 'y' }, matches: true },
];

describe('dotted keys are paths: in the pattern', () => {
  itMatchesEachCase(patternSide);
});

describe('dotted keys are paths: in the event', () => {
  itMatchesEachCase(eventSide);
});

describe('dotted event keys', () => {
  it('leave the event untouched', () => {
    // Prepare
    const event = Object.freeze({ detail: Object.freeze({ 'state.status': 'running' }) });

    // Act
    const matched = matchesPattern({ detail: { state: { status: ['running'] } } }, event);

    // Assess
    expect(matched).toBe(true);
    expect(event).toEqual({ detail: { 'state.status': 'running' } });
  });
});

import { describe, expect, it } from 'vitest';
import { matchesPattern, type EventPattern } from '../../src/index.js';

/**
 * Cases ported from Event Ruler's RulerTest (aws/event-ruler,
 * src/test/software/amazon/event/ruler/RulerTest.java), the engine behind EventBridge: each
 * asserts `Ruler.matchesRule(event, rule)`.
 */
const README_EVENT = {
  version: '0',
  id: 'ddddd4-aaaa-7777-4444-345dd43cc333',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '012345679012',
  time: '2017-10-02T16:24:49Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:012345679012:instance/i-000000aaaaaa00000'],
  detail: { 'c.count': 5, 'd.count': 3, 'x.limit': 301.8, 'source-ip': '10.0.0.33', 'instance-id': 'i-000000aaaaaa00000', state: 'running' },
};

/** The same event flattened to dotted keys (RulerTest's JSON_FROM_README_WITH_FLAT_FORMAT). */
const README_EVENT_FLAT = {
  version: '0',
  id: 'ddddd4-aaaa-7777-4444-345dd43cc333',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '012345679012',
  time: '2017-10-02T16:24:49Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:012345679012:instance/i-000000aaaaaa00000'],
  'detail.c.count': 5,
  'detail.d.count': 3,
  'detail.x.limit': 301.8,
  'detail.instance-id': 'i-000000aaaaaa00000',
  'detail.state': 'running',
};

const README_RULES: readonly EventPattern[] = [
  {
    'detail-type': ['EC2 Instance State-change Notification'],
    resources: ['arn:aws:ec2:us-east-1:012345679012:instance/i-000000aaaaaa00000'],
    detail: { state: ['initializing', 'running'] },
  },
  { time: [{ prefix: '2017-10-02' }], detail: { state: [{ 'anything-but': 'initializing' }] } },
  {
    detail: {
      'source-ip': [{ cidr: '10.0.0.0/24' }],
      'c.count': [{ numeric: ['>', 0, '<=', 5] }],
      'd.count': [{ numeric: ['<', 10] }],
      'x.limit': [{ numeric: ['=', 3.018e2] }],
    },
  },
  { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } },
  { detail: { state: [{ prefix: { 'equals-ignore-case': 'RuNn' } }] } },
  { detail: { state: [{ suffix: 'ning' }] } },
  { detail: { state: [{ suffix: { 'equals-ignore-case': 'nInG' } }] } },
  { detail: { 'source-ip': [{ cidr: '10.0.0.0/24' }] } },
  { detail: { 'source-ip': [{ cidr: '10.0.0.0/8' }] } },
];

const RFC_EVENT = {
  Image: {
    Width: 800,
    Height: 600,
    Title: 'View from 15th Floor',
    Thumbnail: { Url: 'http://www.example.com/image/481989943', Height: 125, Width: 100 },
    Animated: false,
    IDs: [116, 943, 234, 38793],
  },
};

const RFC_MATCHING: readonly EventPattern[] = [
  { Image: { Width: [800], Thumbnail: { Height: [125, 300] } } },
  { Image: { Thumbnail: { Url: [{ prefix: 'http' }] } } },
  { Image: { Title: [{ prefix: { 'equals-ignore-case': 'VIeW' } }] } },
  { Image: { Title: [{ suffix: { 'equals-ignore-case': 'LoOr' } }] } },
  { Image: { Title: [{ suffix: 'loor' }] } },
  {
    Image: {
      Width: [{ numeric: ['<', 1000] }],
      Height: [{ numeric: ['<=', 600] }],
      Title: [{ 'anything-but': 'View from 15th Flood' }],
      Thumbnail: { Url: [{ prefix: 'http' }], Height: [{ numeric: ['>', 124, '<', 126] }], Width: [{ numeric: ['>=', 99.999, '<=', 100] }] },
      Animated: [false],
    },
  },
];

const RFC_NON_MATCHING: readonly EventPattern[] = [
  { Image: { Width: [{ numeric: ['<', 800] }] } },
  { Image: { Height: [{ numeric: ['<', 599] }] } },
  { Image: { Title: [{ 'anything-but': 'View from 15th Floor' }] } },
  { Image: { Thumbnail: { Url: [{ prefix: 'https' }] } } },
  { Image: { Thumbnail: { Height: [{ numeric: ['>', 124, '<', 125] }] } } },
  { Image: { Thumbnail: { Width: [{ numeric: ['>=', 100.00001, '<=', 1001] }] } } },
  { Image: { Animated: [true] } },
];

const COMPLEX_ARRAYS_EVENT = {
  employees: [
    [
      { firstName: 'John', lastName: 'Doe', ids: [1234, 1000, 9999] },
      { firstName: 'Anna', lastName: 'Smith' },
    ],
    [{ firstName: 'Peter', lastName: 'Jones', ids: [] }],
  ],
};

const ARRAYS_MATCHING: readonly EventPattern[] = [
  { employees: { firstName: ['Anna'] } },
  { employees: { firstName: ['John'], ids: [1000] } },
  { employees: { firstName: ['Anna'], ids: [{ exists: false }] } },
];

const ARRAYS_NON_MATCHING: readonly EventPattern[] = [
  { employees: { firstName: ['Alice'] } },
  { employees: { firstName: ['Anna'], lastName: ['Jones'] } },
  { employees: { firstName: ['Alice'], lastName: ['Bob'] } },
  { a: ['b'] },
  { employees: ['b'] },
  { employees: { firstName: ['Anna'], ids: [1000] } },
  { employees: { firstName: ['Anna'], ids: [{ exists: true }] } },
];

describe("Event Ruler's RulerTest", () => {
  it.each(README_RULES.map((rule) => [JSON.stringify(rule), rule]))(
    'WHEN_RulesFromReadmeAreTried_THEN_TheyWork: %s',
    (_name, rule) => {
      // Act
      const matched = matchesPattern(rule, README_EVENT);

      // Assess
      expect(matched).toBe(true);
    },
  );

  // The flat event has no source-ip, so the cidr rules are left out.
  it.each(README_RULES.filter((rule) => !JSON.stringify(rule).includes('source-ip')).map((rule) => [JSON.stringify(rule), rule]))(
    'the README rules match the flat-format event too (events are flattened to dotted paths): %s',
    (_name, rule) => {
      // Act
      const matched = matchesPattern(rule, README_EVENT_FLAT);

      // Assess
      expect(matched).toBe(true);
    },
  );

  it.each([
    ...RFC_MATCHING.map((rule) => [JSON.stringify(rule), rule, true] as const),
    ...RFC_NON_MATCHING.map((rule) => [JSON.stringify(rule), rule, false] as const),
  ])('WHEN_WeWriteRulesToMatchVariousFieldCombos_THEN_TheyWork: %s', (_name, rule, expected) => {
    // Act
    const matched = matchesPattern(rule, RFC_EVENT);

    // Assess
    expect(matched).toBe(expected);
  });

  it.each([
    ...ARRAYS_MATCHING.map((rule) => [JSON.stringify(rule), rule, true] as const),
    ...ARRAYS_NON_MATCHING.map((rule) => [JSON.stringify(rule), rule, false] as const),
  ])('WHEN_JSONContainsArrays_THEN_RulerNoCompileMatchesWork: %s', (_name, rule, expected) => {
    // Act
    const matched = matchesPattern(rule, COMPLEX_ARRAYS_EVENT);

    // Assess
    expect(matched).toBe(expected);
  });

  it.each([
    ['1/1', { a: 1 }, { a: [{ exists: true }] }, true],
    ['2/1', { a: 1 }, { b: [{ exists: false }] }, true],
    ['3/1', { a: 1 }, { x: [{ exists: true }] }, false],
    ['4/1', { a: 1 }, { x: [{ exists: false }] }, true],
    ['1/2', { b: 2 }, { a: [{ exists: true }] }, false],
    ['2/2', { b: 2 }, { b: [{ exists: false }] }, false],
    ['3/2', { b: 2 }, { x: [{ exists: true }] }, false],
    ['4/2', { b: 2 }, { x: [{ exists: false }] }, true],
    ['1/3', { x: 'X' }, { a: [{ exists: true }] }, false],
    ['2/3', { x: 'X' }, { b: [{ exists: false }] }, true],
    ['3/3', { x: 'X' }, { x: [{ exists: true }] }, true],
    ['4/3', { x: 'X' }, { x: [{ exists: false }] }, false],
  ])('WHEN_WeTryToMatchExistsRules_THEN_TheyWork %s', (_name, event, rule, expected) => {
    // Act
    const matched = matchesPattern(rule, event);

    // Assess
    expect(matched).toBe(expected);
  });
});

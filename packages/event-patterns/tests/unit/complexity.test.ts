import { describe, expect, it } from 'vitest';
import { complexityPatternsByField } from '../../src/complexity-patterns.js';
import { MAX_COMPLEXITY_SUB_RULES } from '../../src/constants.js';
import { pooledComplexity, ruleComplexity } from '../../src/rule-complexity.js';
import { machineComplexity, STAR, type WildcardToken } from '../../src/wildcard-complexity.js';

const UTF8 = new TextEncoder();

/** Tokens of a wildcard as Event Ruler's unit tests add it (`Patterns.wildcardMatch`, unquoted). */
function tokens(wildcard: string): WildcardToken[] {
  return [...wildcard].flatMap((character) => (character === '*' ? [STAR] : [...UTF8.encode(character)]));
}

/**
 * Ported from Event Ruler's MachineComplexityEvaluatorTest (aws/event-ruler,
 * src/test/software/amazon/event/ruler/MachineComplexityEvaluatorTest.java): each row is one test,
 * with the complexity it asserts for a byte machine holding these wildcard patterns.
 */
const evaluatorCases: readonly (readonly [string, number, readonly string[]])[] = [
  ['testEvaluateOnlyWildcard', 1, ['*']],
  ['testEvaluateOnlyWildcardWithWildcardMatch', 3, ['*', 'ab*c']],
  ['testEvaluateWildcardPatternWithoutWildcards', 1, ['abc']],
  ['testEvaluateOneWildcardLeadingCharTwoTrailingCharactersDifferent', 2, ['*ab']],
  ['testEvaluateOneWildcardLeadingCharTwoTrailingCharactersEqual', 3, ['*aa']],
  ['testEvaluateOneWildcardSecondLastChar', 2, ['a*b']],
  ['testEvaluateOneWildcardTrailingChar', 2, ['aa*']],
  ['testEvaluateOneWildcardNormalPositionTwoTrailingCharactersDifferent', 2, ['a*bc']],
  ['testEvaluateOneWildcardNormalPositionTwoTrailingCharactersEqual', 3, ['a*bb']],
  ['testEvaluateOneWildcardNormalPositionThreeTrailingCharactersDifferent', 3, ['a*bcb']],
  ['testEvaluateOneWildcardNormalPositionThreeTrailingCharactersEqual', 4, ['a*bbb']],
  ['testEvaluateTwoWildcardsLeadingCharAndNormalPosition', 4, ['*ab*ad']],
  ['testEvaluateTwoWildcardsLeadingCharAndSecondLastChar', 3, ['*ab*d']],
  ['testEvaluateTwoWildcardsLeadingCharAndTrailingChar', 4, ['*aba*']],
  ['testEvaluateTwoWildcardsBothNormalPositionTwoTrailingCharactersEqual', 5, ['a*b*bb']],
  ['testEvaluateTwoWildcardsBothNormalPositionTwoTrailingCharactersDifferent', 4, ['a*b*cb']],
  ['testEvaluateTwoWildcardsBothNormalPositionTwoTrailingCharactersDifferentLastCharUnique', 3, ['a*b*cd']],
  ['testEvaluateTwoWildcardsNormalPositionAndSecondLastChar', 4, ['a*b*b']],
  ['testEvaluateTwoWildcardsNormalPositionAndTrailingChar', 4, ['a*bb*']],
  ['testEvaluateTwoWildcardsThirdLastCharAndTrailingChar', 3, ['ab*b*']],
  ['testEvaluateTwoWildcardsNoCommonPrefix', 3, ['ab*c', 'x*xx']],
  ['testEvaluateTwoWildcardsBothLeadingOneIsPrefixOfOther', 4, ['*abc', '*abcde']],
  ['testEvaluateTwoWildcardsBothNormalPosition', 4, ['a*bcd', 'ab*cd']],
  ['testEvaluateTwoWildcardsBothNormalPositionOneIsPrefixOfOther', 4, ['a*bc', 'a*bcde']],
  ['testEvaluateTwoWildcardsBothNormalPositionAllSameCharacter', 7, ['a*aaa', 'aa*aa']],
  ['testEvaluateTwoWildcardsOneNormalPositionAndOneSecondLastCharacter', 4, ['a*bc', 'abc*d']],
  ['testEvaluateTwoWildcardsOneNormalPositionAndOneSecondLastCharacterAllSameCharacter', 6, ['a*aaa', 'aaa*a']],
  ['testEvaluateTwoWildcardsOneNormalPositionAndOneSecondLastCharacterAllSameCharacterButLast', 5, ['a*aax', 'aaa*x']],
  ['testEvaluateTwoWildcardsOneNormalPositionAndOneTrailing', 4, ['a*bc', 'abc*']],
  ['testEvaluateTwoWildcardsOneNormalPositionAndOneTrailingAllSameCharacter', 5, ['a*aa', 'aaa*']],
  ['testEvaluateTwoWildcardsBothTrailingCharOneIsPrefixOfOther', 3, ['abc*', 'abcde*']],
  ['testEvaluateThreeWildcardsTransitionFromSameState', 6, ['ab*cd', 'ab*wx', 'ab*yz']],
  ['testEvaluateFourWildcardsLeadingCharNormalPositionThirdLastCharAndTrailingChar', 7, ['*ab*b*b*']],
  ['testEvaluateLongSequenceofWildcards', 17, ['*a*a*a*a*a*a*a*a*']],
  ['testEvaluateDuplicateWildcardPatterns', 2, ['ab*c', 'ab*c']],
  ['testEvaluateWordEndingInSameLetterThatFollowsWildcard', 10, ['F*eatureFeature', 'Fe*atureFeature', 'Fea*tureFeature']],
];

describe("machineComplexity agrees with Event Ruler's MachineComplexityEvaluatorTest", () => {
  it.each(evaluatorCases)('%s: %i', (_name, expected, wildcards) => {
    // Prepare
    const distinct = [...new Set(wildcards)].map((wildcard) => ({ values: [tokens(wildcard)] }));

    // Act
    const complexity = machineComplexity(distinct, 100);

    // Assess
    expect(complexity).toBe(expected);
  });

  it('stops at the cap, as the evaluator stops at its threshold', () => {
    // Act
    const complexity = machineComplexity([{ values: [tokens('*a*a*a*a*a*a*a*a*')] }], 5);

    // Assess
    expect(complexity).toBe(5);
  });
});

describe('ruleComplexity rates whole rules as EventBridge does', () => {
  it("testEvaluateNestedMachinesViaNextNameStates: 11 (Event Ruler's rule with quoted values)", () => {
    // Prepare
    const rule = {
      abc: [{ prefix: 'a' }, 'abcdef', { suffix: 'z' }],
      def: [{ prefix: 'b' }, { wildcard: 'a*a*a*a*a*a*' }, { suffix: 'c' }],
      ghi: [{ prefix: 'a' }, 'abcdef', { suffix: 'z' }],
    };

    // Act
    const { complexity, field } = ruleComplexity(rule, 100);

    // Assess
    expect(complexity).toBe(11);
    expect(field).toBe('def');
  });

  it.each([
    ['AWS refuses *:*:*:*:*:event-bus/* ("Rule is too complex")', { resources: [{ wildcard: '*:*:*:*:*:event-bus/*' }] }, 11],
    ['three *:stack/<name>/* values (AWS accepts)', { 'stack-id': ['A', 'B', 'C'].map((name) => ({ wildcard: `*:stack/${name}/*` })) }, 9],
    ['four *:stack/<name>/* values (AWS refuses)', { 'stack-id': ['A', 'B', 'C', 'D'].map((name) => ({ wildcard: `*:stack/${name}/*` })) }, 12],
    ['a trailing * adds the closing quote state', { key: [{ wildcard: '*' }] }, 2],
    ['no wildcard at all', { key: ['a'], other: [{ prefix: 'b' }] }, 0],
  ])('%s: %i', (_name, rule, expected) => {
    // Act
    const { complexity } = ruleComplexity(rule, 100);

    // Assess
    expect(complexity).toBe(expected);
  });
});

/** `count` sibling fields, each a two-branch `$or`: 2^count sub-rules. */
function siblingOrs(count: number): Record<string, unknown> {
  return Object.fromEntries(Array.from({ length: count }, (_, index) => [`group${index}`, { $or: [{ a: ['x'] }, { b: ['y'] }] }]));
}

/** Two wildcards rated 12 together; the `$or` reaches them through different values of `a` (6 apart). */
const KEPT_APART = { $or: [{ a: ['x'], key: [{ wildcard: '*a*b*c*d*' }] }, { a: ['y'], key: [{ wildcard: '*e*f*g*h*' }] }] };

describe('ruleComplexity builds only the sub-rules the rating needs, and a bounded number of them', () => {
  it('rates a pattern without wildcards 0 however many $or groups it has', () => {
    // Act
    const rated = ruleComplexity(siblingOrs(40), 100);

    // Assess
    expect(rated).toEqual({ complexity: 0, field: '' });
  });

  it('leaves out $or groups on fields that sort after every wildcard field (exact rating kept)', () => {
    // Prepare
    const pattern = { ...KEPT_APART, zz: siblingOrs(40) };

    // Act
    const rated = ruleComplexity(pattern, 100);

    // Assess
    expect(rated).toEqual({ complexity: 6, field: 'key' });
  });

  it(`rates exactly while the sub-rules fit in MAX_COMPLEXITY_SUB_RULES (${MAX_COMPLEXITY_SUB_RULES})`, () => {
    // Prepare
    const groups = Math.floor(Math.log2(MAX_COMPLEXITY_SUB_RULES / 2)); // 2^groups * 2 sub-rules fit

    // Act
    const rated = ruleComplexity({ ...siblingOrs(groups), ...KEPT_APART }, 100);

    // Assess
    expect(rated).toEqual({ complexity: 6, field: 'key' });
  });

  it('rates at the cap, on the worst pooled field, a pattern needing more sub-rules than MAX_COMPLEXITY_SUB_RULES', () => {
    // Prepare
    const groups = Math.floor(Math.log2(MAX_COMPLEXITY_SUB_RULES / 2)) + 1; // 2^groups * 2 sub-rules do not fit

    // Act
    const rated = ruleComplexity({ ...siblingOrs(groups), ...KEPT_APART }, 100);

    // Assess
    expect(rated).toEqual({ complexity: 100, field: 'key' });
  });
});

describe('pooledComplexity bounds ruleComplexity from one walk of the pattern', () => {
  it.each([
    ['wildcards kept apart by an $or are pooled', KEPT_APART, { complexity: 12, field: 'key' }],
    ['anything-but wildcards count, other values do not', { a: ['x', { prefix: 'y' }], b: [{ 'anything-but': { wildcard: '*a*' } }] }, { complexity: 3, field: 'b' }],
    ['no wildcard at all', siblingOrs(40), { complexity: 0, field: '' }],
  ])('%s', (_name, pattern, expected) => {
    // Act
    const bound = pooledComplexity(complexityPatternsByField(pattern), 100);

    // Assess
    expect(bound).toEqual(expected);
    expect(bound.complexity).toBeGreaterThanOrEqual(ruleComplexity(pattern, 100).complexity);
  });
});

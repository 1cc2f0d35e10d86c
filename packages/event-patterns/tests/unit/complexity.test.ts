import { describe, expect, it } from 'vitest';
import { ruleComplexity } from '../../src/rule-complexity.js';
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

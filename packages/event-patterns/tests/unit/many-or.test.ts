import { describe, expect, it } from 'vitest';
import { compilePattern, InvalidEventPatternError, validatePattern } from '../../src/index.js';

/**
 * A pattern's `$or`s multiply its sub-rules (Event Ruler's `JsonRuleCompiler` forks every sub-rule
 * built so far at each `$or`): `count` sibling fields that each hold a two-branch `$or` make 2^count
 * sub-rules. Validation must stay linear in the pattern where no wildcard is involved, and bounded
 * where one is. Nothing here measures time: a hang is caught by vitest's test timeout, and the
 * former failure was a `RangeError` from the call stack, which these assertions would show.
 */
function siblingOrs(count: number, prefix = 'group'): Record<string, unknown> {
  return Object.fromEntries(
    Array.from({ length: count }, (_, index) => [`${prefix}${String(index).padStart(2, '0')}`, { $or: [{ a: ['x'] }, { b: ['y'] }] }]),
  );
}

/** An event matching every group of {@link siblingOrs} through its first branch. */
function eventForSiblingOrs(count: number, prefix = 'group'): Record<string, unknown> {
  return Object.fromEntries(Array.from({ length: count }, (_, index) => [`${prefix}${String(index).padStart(2, '0')}`, { a: 'x' }]));
}

function captureError(pattern: unknown): unknown {
  try {
    validatePattern(pattern);
  } catch (error) {
    return error;
  }
  return undefined;
}

/** Two wildcards Event Ruler rates too complex together in one byte machine (12), each fine alone (validation.test.ts). */
const POOLED_TOO_COMPLEX = { $or: [{ key: [{ wildcard: '*a*b*c*d*' }] }, { key: [{ wildcard: '*e*f*g*h*' }] }] };

describe('patterns with many $or groups', () => {
  it.each([20, 21, 30])('%i sibling two-branch $or groups without wildcards validate and match', (count) => {
    // Prepare
    const pattern = siblingOrs(count);

    // Act
    const matches = compilePattern(pattern);

    // Assess
    expect(matches(eventForSiblingOrs(count))).toBe(true);
    expect(matches({ ...eventForSiblingOrs(count), group00: { c: 'x' } })).toBe(false);
  });

  it('30 $or groups nested one inside the other validate', () => {
    // Prepare
    let pattern: Record<string, unknown> = { leaf: ['x'] };
    for (let depth = 0; depth < 30; depth += 1) pattern = { $or: [{ [`a${depth}`]: ['x'] }, { [`b${depth}`]: ['y'], ...pattern }] };

    // Act
    const error = captureError(pattern);

    // Assess
    expect(error).toBeUndefined();
  });

  it('30 $or groups beside one wildcard validate (a single wildcard is rated without forking the $or groups)', () => {
    // Prepare
    const pattern = { ...siblingOrs(30), key: [{ wildcard: 'arn:aws:*:*:stack/*' }] };

    // Act
    const error = captureError(pattern);

    // Assess
    expect(error).toBeUndefined();
  });

  it('30 $or groups beside an anything-but wildcard validate', () => {
    // Prepare
    const pattern = { ...siblingOrs(30), key: [{ 'anything-but': { wildcard: ['*/lib/*', '*/bin/*'] } }] };

    // Act
    const error = captureError(pattern);

    // Assess
    expect(error).toBeUndefined();
  });

  it('30 $or groups on fields sorting after the wildcards leave pooled wildcards rated as Event Ruler rates them (too complex)', () => {
    // Prepare
    const pattern = { ...POOLED_TOO_COMPLEX, ...siblingOrs(30, 'zz') };

    // Act
    const error = captureError(pattern);

    // Assess
    expect(error).toBeInstanceOf(InvalidEventPatternError);
    expect(error).toMatchObject({ path: 'key', reason: 'Rule is too complex' });
  });

  it('30 $or groups on fields sorting after the wildcards keep wildcards reached through different values apart (accepted)', () => {
    // Prepare
    const pattern = {
      $or: [
        { a: ['x'], key: [{ wildcard: '*a*b*c*d*' }] },
        { a: ['y'], key: [{ wildcard: '*e*f*g*h*' }] },
      ],
      ...siblingOrs(30, 'zz'),
    };

    // Act
    const error = captureError(pattern);

    // Assess
    expect(error).toBeUndefined();
  });

  it('30 $or groups before pooled wildcards are refused with EventBridge\'s "Rule is too complex", not a RangeError', () => {
    // Prepare
    const pattern = { ...siblingOrs(30), ...POOLED_TOO_COMPLEX };

    // Act
    const error = captureError(pattern);

    // Assess
    expect(error).toBeInstanceOf(InvalidEventPatternError);
    expect(error).toMatchObject({ path: 'key', reason: 'Rule is too complex' });
  });
});

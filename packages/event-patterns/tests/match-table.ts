import { expect, it } from 'vitest';
import { parsePattern } from '../src/index.js';
import type { MatchCase } from './fixtures.js';

/** Registers one test per row: the compiled pattern matches the event, or not, as the row says. */
export function itMatchesEachCase(cases: readonly MatchCase[]): void {
  it.each(cases)('$name', ({ pattern, event, matches }) => {
    // Prepare
    const compiled = parsePattern(pattern);

    // Act
    const result = compiled.matches(event);

    // Assess
    expect(result).toBe(matches);
  });
}

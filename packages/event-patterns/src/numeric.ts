import { NUMERIC_LIMIT, NUMERIC_SCALE } from './constants.js';

/**
 * A number as EventBridge compares it: shifted by +5e9 and scaled to an integer count of
 * millionths, truncated. Two numbers are equal for matching when their comparable forms are
 * equal, so differences beyond the 6th decimal are invisible (0.1 + 0.2 equals 0.3).
 * Returns `undefined` outside -5e9..+5e9, where numeric matching does not apply.
 */
export function toComparableNumber(value: number): number | undefined {
  if (!Number.isFinite(value) || value < -NUMERIC_LIMIT || value > NUMERIC_LIMIT) return undefined;
  return Math.trunc(NUMERIC_SCALE * (NUMERIC_LIMIT + value));
}

/** Whether `value` lies in the range numeric matching supports. */
export function isWithinNumericLimit(value: number): boolean {
  return toComparableNumber(value) !== undefined;
}

/** A numeric interval on comparable numbers; an absent bound is the edge of the supported range. */
export interface ComparableRange {
  readonly bottom: number;
  readonly openBottom: boolean;
  readonly top: number;
  readonly openTop: boolean;
}

/** Whether a JSON number from an event falls in `range` (strings, even numeric-looking ones, never do). */
export function isInRange(range: ComparableRange, value: unknown): boolean {
  if (typeof value !== 'number') return false;
  const comparable = toComparableNumber(value);
  if (comparable === undefined) return false;
  const aboveBottom = range.openBottom ? comparable > range.bottom : comparable >= range.bottom;
  const belowTop = range.openTop ? comparable < range.top : comparable <= range.top;
  return aboveBottom && belowTop;
}

/**
 * Whether two numbers are equal for matching: the same comparable number when both are in the
 * supported range, otherwise (an account number written as a number, say) plain equality.
 */
export function numbersMatch(expected: number, actual: number): boolean {
  if (expected === actual) return true;
  const comparableExpected = toComparableNumber(expected);
  return comparableExpected !== undefined && comparableExpected === toComparableNumber(actual);
}

import { isPlainObject, reject, type CompileContext } from '../compile-context.js';
import type { ValueTest } from '../compiled.js';
import { toComparableNumber } from '../numeric.js';
import { matchesWildcard } from '../wildcard.js';
import { foldCase } from './string-operand.js';
import { readWildcard } from './wildcard.js';

type StringExclusion = 'prefix' | 'suffix' | 'equals-ignore-case' | 'wildcard';
const STRING_EXCLUSIONS: ReadonlySet<string> = new Set<StringExclusion>(['prefix', 'suffix', 'equals-ignore-case', 'wildcard']);

/**
 * Compiles `{ "anything-but": ... }`: a string, a number, a non-empty list of only strings or
 * only numbers, or `{ "prefix" | "suffix" | "equals-ignore-case" | "wildcard": string | string[] }`.
 *
 * The field must exist: a missing field never matches. Any present leaf that is not excluded
 * matches, including `null`, booleans and values of the other type (anything-but `"5"` matches
 * the number 5; anything-but `{ "prefix": "init" }` matches a number), because EventBridge
 * compares the value's JSON form and a non-string is never equal to, or prefixed by, a string.
 * Numbers are excluded by numeric equality (100 excludes 100.0 and 1e2).
 */
export function compileAnythingBut(operand: unknown, context: CompileContext): ValueTest {
  if (isPlainObject(operand)) return compileStringExclusion(operand, context);
  if (!isListOrSingleValue(operand)) reject(context, NOT_A_LIST_OR_VALUE);
  const excluded = Array.isArray(operand) ? (operand as readonly unknown[]) : [operand];
  if (excluded.some((value) => typeof value !== 'string' && typeof value !== 'number')) {
    reject(context, 'Inside anything but list, start|null|boolean is not supported.');
  }
  if (excluded.length > 0 && excluded.every((value) => typeof value === 'string')) {
    const strings = new Set(excluded as readonly string[]);
    return (value) => !(typeof value === 'string' && strings.has(value));
  }
  if (excluded.length > 0 && excluded.every((value) => typeof value === 'number')) {
    const numbers = new Set((excluded as readonly number[]).map((value) => readComparable(value, context)));
    return (value) => {
      if (typeof value !== 'number') return true;
      const comparable = toComparableNumber(value);
      return comparable === undefined || !numbers.has(comparable);
    };
  }
  return reject(context, 'Inside anything but list, either all values are number or string, mixed type is not supported');
}

const NOT_A_LIST_OR_VALUE = 'Value of anything-but must be an array or single string/number value.';

function isListOrSingleValue(operand: unknown): boolean {
  return Array.isArray(operand) || typeof operand === 'string' || typeof operand === 'number';
}

function readComparable(value: number, context: CompileContext): number {
  const comparable = toComparableNumber(value);
  if (comparable === undefined) reject(context, `"anything-but": ${value} is outside the supported range -5e9 to 5e9`);
  return comparable;
}

/** What EventBridge's engine says of a value that is not a string in an `anything-but` operator object. */
const NOT_A_STRING: Readonly<Record<StringExclusion, string>> = {
  'equals-ignore-case': 'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.',
  wildcard: 'wildcard match pattern must be a string',
  prefix: 'prefix/suffix match pattern must be a string',
  suffix: 'prefix/suffix match pattern must be a string',
};

function compileStringExclusion(operand: Record<string, unknown>, context: CompileContext): ValueTest {
  const [kind, ...others] = Object.keys(operand);
  if (kind === undefined) return reject(context, 'Anything-But expression name not found');
  if (!STRING_EXCLUSIONS.has(kind)) return reject(context, `Unsupported anything-but pattern: ${kind}`);
  const exclusion = kind as StringExclusion;
  const raw = operand[exclusion];
  if (!isListOrSingleValue(raw)) reject(context, NOT_A_LIST_OR_VALUE);
  const values = Array.isArray(raw) ? (raw as readonly unknown[]) : [raw];
  // [choice] EventBridge's engine accepts an empty list here (excluding nothing); refused as a likely mistake.
  if (values.length === 0) reject(context, `"anything-but": "${exclusion}" list must not be empty`);
  const texts = values.map((value) => {
    if (typeof value !== 'string') reject(context, NOT_A_STRING[exclusion]);
    if (value === '' && (exclusion === 'prefix' || exclusion === 'suffix')) reject(context, 'Null prefix/suffix not allowed');
    return value;
  });
  if (others.length > 0) reject(context, 'Too many elements in numeric expression');
  const isExcluded = exclusionTest(exclusion, texts, context);
  return (value) => !(typeof value === 'string' && isExcluded(value));
}

function exclusionTest(kind: StringExclusion, texts: readonly string[], context: CompileContext): (value: string) => boolean {
  switch (kind) {
    case 'prefix':
      return (value) => texts.some((text) => value.startsWith(text));
    case 'suffix':
      return (value) => texts.some((text) => value.endsWith(text));
    case 'equals-ignore-case': {
      const folded = new Set(texts.map(foldCase));
      return (value) => folded.has(foldCase(value));
    }
    case 'wildcard': {
      const patterns = texts.map((text) => readWildcard(text, context));
      return (value) => patterns.some((pattern) => matchesWildcard(pattern, value));
    }
  }
}

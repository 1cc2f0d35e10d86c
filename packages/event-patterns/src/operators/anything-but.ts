import { describe, isPlainObject, reject, type CompileContext } from '../compile-context.js';
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
  const excluded = Array.isArray(operand) ? (operand as readonly unknown[]) : [operand];
  if (excluded.length === 0) reject(context, '"anything-but" list must not be empty');
  if (excluded.every((value) => typeof value === 'string')) {
    const strings = new Set(excluded as readonly string[]);
    return (value) => !(typeof value === 'string' && strings.has(value));
  }
  if (excluded.every((value) => typeof value === 'number')) {
    const numbers = new Set((excluded as readonly number[]).map((value) => readComparable(value, context)));
    return (value) => {
      if (typeof value !== 'number') return true;
      const comparable = toComparableNumber(value);
      return comparable === undefined || !numbers.has(comparable);
    };
  }
  const offending = excluded.find((value) => typeof value !== 'string' && typeof value !== 'number');
  if (offending !== undefined) {
    return reject(context, `"anything-but" excludes strings or numbers, not ${describe(offending)}`);
  }
  return reject(context, '"anything-but" list must hold only strings or only numbers, not both');
}

function readComparable(value: number, context: CompileContext): number {
  const comparable = toComparableNumber(value);
  if (comparable === undefined) reject(context, `"anything-but": ${value} is outside the supported range -5e9 to 5e9`);
  return comparable;
}

function compileStringExclusion(operand: Record<string, unknown>, context: CompileContext): ValueTest {
  const keys = Object.keys(operand);
  const [kind] = keys;
  if (keys.length !== 1 || kind === undefined || !STRING_EXCLUSIONS.has(kind)) {
    return reject(
      context,
      `"anything-but" takes one of prefix, suffix, equals-ignore-case or wildcard as an object (given keys ${keys.join(', ') || 'none'})`,
    );
  }
  const raw = operand[kind];
  const values = Array.isArray(raw) ? (raw as readonly unknown[]) : [raw];
  if (values.length === 0) reject(context, `"anything-but": "${kind}" list must not be empty`);
  const texts = values.map((value) => {
    if (typeof value !== 'string') {
      reject(context, `"anything-but": "${kind}" expects a string or a list of strings (given ${describe(value)})`);
    }
    if (value === '' && (kind === 'prefix' || kind === 'suffix')) {
      reject(context, `"anything-but": an empty "${kind}" is not allowed`);
    }
    return value;
  });
  const isExcluded = exclusionTest(kind as StringExclusion, texts, context);
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
      const patterns = texts.map((text) => readWildcard(text, context, 'anything-but wildcard'));
      return (value) => patterns.some((pattern) => matchesWildcard(pattern, value));
    }
  }
}

import { describe, reject, type CompileContext } from '../compile-context.js';
import type { ValueTest } from '../compiled.js';
import { NUMERIC_LIMIT } from '../constants.js';
import { isInRange, toComparableNumber, type ComparableRange } from '../numeric.js';

const LOWER_BOUNDS = new Set(['>', '>=']);
const UPPER_BOUNDS = new Set(['<', '<=']);
const OPERATORS = new Set(['=', ...LOWER_BOUNDS, ...UPPER_BOUNDS]);
const EDGE_BOTTOM = toComparableNumber(-NUMERIC_LIMIT) ?? 0;
const EDGE_TOP = toComparableNumber(NUMERIC_LIMIT) ?? 0;

/**
 * Compiles `{ "numeric": [...] }`: `["=", n]`, one bound (`[">", n]`, `["<=", n]`, ...) or a
 * range written lower bound first (`[">", 0, "<=", 5]`). Operands are JSON numbers within
 * -5e9..+5e9; a range's bottom must be below its top (compared to 6 decimals). Only JSON numbers
 * in the event match (never `"5"`).
 */
export function compileNumeric(operand: unknown, context: CompileContext): ValueTest {
  if (!Array.isArray(operand)) {
    reject(context, `"numeric" expects an array of operator and number pairs (given ${describe(operand)})`);
  }
  const terms: readonly unknown[] = operand;
  if (terms.length !== 2 && terms.length !== 4) {
    reject(
      context,
      `"numeric" expects pairs of operator and number: one pair, or a lower then an upper bound (given ${terms.length} elements)`,
    );
  }
  const firstOperator = readOperator(terms[0], context);
  const firstOperand = readNumber(firstOperator, terms[1], context);
  if (terms.length === 2) return (value) => isInRange(singleBound(firstOperator, firstOperand), value);
  if (!LOWER_BOUNDS.has(firstOperator)) {
    reject(context, `"numeric": a range starts with ">" or ">=" (given ${JSON.stringify(firstOperator)})`);
  }
  const secondOperator = readOperator(terms[2], context);
  if (!UPPER_BOUNDS.has(secondOperator)) {
    reject(context, `"numeric": a range ends with "<" or "<=" (given ${JSON.stringify(secondOperator)})`);
  }
  const secondOperand = readNumber(secondOperator, terms[3], context);
  const range: ComparableRange = {
    bottom: firstOperand,
    openBottom: firstOperator === '>',
    top: secondOperand,
    openTop: secondOperator === '<',
  };
  if (range.bottom >= range.top) {
    reject(context, `"numeric": the range's bottom must be less than its top (given ${String(terms[1])} and ${String(terms[3])})`);
  }
  return (value) => isInRange(range, value);
}

function readOperator(term: unknown, context: CompileContext): string {
  if (typeof term !== 'string' || !OPERATORS.has(term)) {
    reject(context, `"numeric" expects an operator (=, <, <=, >, >=) where it found ${describe(term)}`);
  }
  return term;
}

/** Reads the number after `operator` and returns its comparable form. */
function readNumber(operator: string, term: unknown, context: CompileContext): number {
  if (typeof term !== 'number') {
    reject(context, `"numeric": the value after ${JSON.stringify(operator)} must be a JSON number (given ${describe(term)})`);
  }
  const comparable = toComparableNumber(term);
  if (comparable === undefined) {
    reject(context, `"numeric": ${String(term)} is outside the supported range -5e9 to 5e9`);
  }
  return comparable;
}

function singleBound(operator: string, operand: number): ComparableRange {
  switch (operator) {
    case '=':
      return { bottom: operand, openBottom: false, top: operand, openTop: false };
    case '>':
    case '>=':
      return { bottom: operand, openBottom: operator === '>', top: EDGE_TOP, openTop: false };
    default:
      return { bottom: EDGE_BOTTOM, openBottom: false, top: operand, openTop: operator === '<' };
  }
}

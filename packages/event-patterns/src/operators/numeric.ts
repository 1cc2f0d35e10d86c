import { isPlainObject, reject, type CompileContext } from '../compile-context.js';
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
 * in the event match (never `"5"`). Problems are reported in the order and words of
 * EventBridge's engine (Event Ruler `JsonRuleCompiler.processNumericMatchExpression`).
 */
export function compileNumeric(operand: unknown, context: CompileContext): ValueTest {
  if (!Array.isArray(operand)) reject(context, 'Value of numeric must be an array.');
  const terms: readonly unknown[] = operand;
  const [firstOperator, firstValue, secondOperator, secondValue] = terms;
  if (typeof firstOperator !== 'string') reject(context, `Invalid member in numeric match: ${memberText(firstOperator)}`);
  if (!OPERATORS.has(firstOperator)) reject(context, `Unrecognized numeric range operator: ${firstOperator}`);
  const bottom = readNumber(firstOperator, firstValue, context);
  if (terms.length === 2) return (value) => isInRange(singleBound(firstOperator, bottom), value);
  if (!LOWER_BOUNDS.has(firstOperator)) reject(context, 'Too many elements in numeric expression');
  if (typeof secondOperator !== 'string') reject(context, `Bad value in numeric range: ${memberText(secondOperator)}`);
  if (!UPPER_BOUNDS.has(secondOperator)) reject(context, `Bad numeric range operator: ${secondOperator}`);
  const top = readNumber(secondOperator, secondValue, context);
  if (terms.length > 4) reject(context, 'Too many terms in numeric range expression');
  const range: ComparableRange = { bottom, openBottom: firstOperator === '>', top, openTop: secondOperator === '<' };
  if (range.bottom >= range.top) reject(context, 'Bottom must be less than top');
  return (value) => isInRange(range, value);
}

/** How EventBridge's engine prints a JSON token it did not expect (`]` for the end of the array). */
function memberText(term: unknown): string {
  if (term === undefined) return ']';
  if (Array.isArray(term)) return '[';
  if (isPlainObject(term)) return '{';
  return String(term);
}

/** Reads the number after `operator` and returns its comparable form. */
function readNumber(operator: string, term: unknown, context: CompileContext): number {
  if (typeof term !== 'number') reject(context, `Value of ${operator === '=' ? 'equals' : operator} must be numeric`);
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

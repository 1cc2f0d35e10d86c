import { validatePattern } from '@wildrydes/event-patterns';
import { isNonEmptyObject, show, showJson } from './show.js';
import type { StreamTrigger } from './types.js';

/** Lambda's default quota of filters per event source mapping. */
export const MAX_FILTER_PATTERNS = 5;
/** Lambda's limit on one filter (`FilterCriteria.Filters[].Pattern`, the pattern as JSON), in characters. */
export const MAX_FILTER_PATTERN_LENGTH = 4096;

/**
 * The only top-level key each stream's mappings filter on: the Lambda guide says Kinesis event
 * source mappings filter on the `data` key only, DynamoDB ones on the `dynamodb` key only.
 */
export const FILTER_DATA_KEYS: Readonly<Record<StreamTrigger['type'], string>> = {
  kinesis: 'data',
  'dynamodb-stream': 'dynamodb',
};

/** The services named in messages. */
const SOURCE_NAMES: Readonly<Record<StreamTrigger['type'], string>> = {
  kinesis: 'Kinesis',
  'dynamodb-stream': 'DynamoDB',
};

/**
 * The operators of Lambda's filter rule syntax (the Lambda developer guide's table of comparison
 * operators), besides exact values, `null`, `""`, and `$or` across fields. EventBridge's
 * `wildcard`, `cidr`, `anything-but` with `prefix`/`suffix`/`equals-ignore-case`/`wildcard`, and
 * `prefix`/`suffix` with `equals-ignore-case` are not in it.
 */
const LAMBDA_OPERATORS = ['numeric', 'exists', 'prefix', 'suffix', 'equals-ignore-case', 'anything-but'] as const;
const SUPPORTED =
  'Lambda filter rules support exact values, null, "", "numeric", "exists", "prefix" and "suffix" (with a string), ' +
  '"equals-ignore-case", "anything-but" (with values) and "$or"';

const joinPath = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

/** Problems of one matcher (an element of a field's array) that EventBridge accepts and Lambda does not. */
function matcherProblem(matcher: unknown, at: string): string | undefined {
  if (typeof matcher !== 'object' || matcher === null) {
    return undefined; // an exact value, null or ""
  }
  const [operator = ''] = Object.keys(matcher);
  const operand: unknown = (matcher as Record<string, unknown>)[operator];
  if (!(LAMBDA_OPERATORS as readonly string[]).includes(operator)) {
    return `at ${at}: ${show(operator)} is not a Lambda filter operator (${SUPPORTED})`;
  }
  if ((operator === 'prefix' || operator === 'suffix') && typeof operand !== 'string') {
    return `at ${at}: Lambda supports ${show(operator)} with a string only (given ${showJson(operand)})`;
  }
  if (operator === 'anything-but' && typeof operand === 'object' && operand !== null && !Array.isArray(operand)) {
    return `at ${at}: Lambda supports "anything-but" with a value or a list of values only (given ${showJson(operand)})`;
  }
  return undefined;
}

/** Every Lambda-specific problem under `node`, a pattern EventBridge already accepted. */
function lambdaSyntaxProblems(node: Record<string, unknown>, path: string): string[] {
  return Object.entries(node).flatMap(([key, value]): string[] => {
    if (key === '$or' && Array.isArray(value)) {
      return value.flatMap((branch, index) => lambdaSyntaxProblems(branch as Record<string, unknown>, joinPath(path, `$or[${index}]`)));
    }
    const at = joinPath(path, key);
    if (Array.isArray(value)) {
      return value.map((matcher) => matcherProblem(matcher, at)).filter((problem) => problem !== undefined);
    }
    return isNonEmptyObject(value) ? lambdaSyntaxProblems(value, at) : [];
  });
}

/**
 * The top-level fields of a pattern, looking through `$or` at the top level: `[path, key]` pairs.
 * A dotted key is a path (`"dynamodb.Keys"` is the `dynamodb` field), as in the matching engine.
 */
function topLevelFields(node: Record<string, unknown>, path = ''): Array<readonly [string, string]> {
  return Object.entries(node).flatMap(([key, value]): Array<readonly [string, string]> =>
    key === '$or' && Array.isArray(value)
      ? value.flatMap((branch, index) => topLevelFields(branch as Record<string, unknown>, joinPath(path, `$or[${index}]`)))
      : [[joinPath(path, key), key.split('.')[0] ?? key]],
  );
}

/** Every problem of one filter pattern, each starting with `filterPatterns[<index>]`. */
function patternProblems(pattern: unknown, index: number, type: StreamTrigger['type']): string[] {
  const name = `filterPatterns[${index}]`;
  if (!isNonEmptyObject(pattern)) {
    return [`${name} must be a non-empty object (given ${showJson(pattern)})`];
  }
  const problems: string[] = [];
  const length = JSON.stringify(pattern).length;
  if (length > MAX_FILTER_PATTERN_LENGTH) {
    problems.push(`${name} is ${length} characters as JSON, over Lambda's limit of ${MAX_FILTER_PATTERN_LENGTH}`);
  }
  try {
    validatePattern(pattern);
  } catch (error) {
    // e.g. `Invalid event pattern at dynamodb.Keys: Empty arrays are not allowed`
    problems.push(`${name}: ${(error as Error).message}`);
    return problems;
  }
  const dataKey = FILTER_DATA_KEYS[type];
  for (const [path, key] of topLevelFields(pattern)) {
    if (key !== dataKey) {
      problems.push(`${name} filters on ${show(path)}: ${SOURCE_NAMES[type]} event source mappings filter on the ${show(dataKey)} key only`);
    }
  }
  problems.push(...lambdaSyntaxProblems(pattern, '').map((problem) => `${name} ${problem}`));
  return problems;
}

/**
 * Checks a stream trigger's `filterPatterns` against what Lambda accepts for an event source
 * mapping: at most {@link MAX_FILTER_PATTERNS} patterns, each a pattern EventBridge accepts
 * (`validatePattern`), using only Lambda's filter rule syntax, filtering on the stream's data key
 * only ({@link FILTER_DATA_KEYS}) and at most {@link MAX_FILTER_PATTERN_LENGTH} characters as JSON.
 *
 * @returns every problem, each naming the pattern's index (`filterPatterns[1] ...`); none when
 *   `patterns` is undefined
 * @example
 * ```ts
 * filterPatternProblems([{ eventName: ['INSERT'] }], 'dynamodb-stream');
 * // ['filterPatterns[0] filters on "eventName": DynamoDB event source mappings filter on the "dynamodb" key only']
 * ```
 */
export function filterPatternProblems(patterns: unknown, type: StreamTrigger['type']): string[] {
  if (patterns === undefined) {
    return [];
  }
  if (!Array.isArray(patterns) || patterns.length > MAX_FILTER_PATTERNS) {
    const given = Array.isArray(patterns) ? `${patterns.length} patterns` : show(patterns);
    return [`filterPatterns must be an array of at most ${MAX_FILTER_PATTERNS} patterns (given ${given})`];
  }
  return patterns.flatMap((pattern: unknown, index) => patternProblems(pattern, index, type));
}

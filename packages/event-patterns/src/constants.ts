/** Numeric matching only covers -5e9..+5e9 inclusive (EventBridge user guide, numeric matching). */
export const NUMERIC_LIMIT = 5e9;

/** Numbers compare to 6 digits right of the decimal point (EventBridge user guide, numeric matching). */
export const NUMERIC_SCALE = 1e6;

/**
 * Highest wildcard complexity accepted on one field: roughly the number of wildcard positions a
 * worst-case value can keep alive at once (see `wildcard-complexity.ts`). The user guide only says
 * "too complex" rules are rejected; this value is calibrated on a public report where 6 live
 * wildcards were accepted and 8 rejected ("Rule is too complex").
 */
export const MAX_WILDCARD_COMPLEXITY = 7;

/** Key that introduces alternatives (`"$or": [{...}, {...}]`). */
export const OR_KEY = '$or';

/** Operator names (and names reserved for future ones), which cannot be field names inside `$or` alternatives. */
export const RESERVED_FIELD_NAMES_IN_OR: ReadonlySet<string> = new Set([
  'exactly',
  'equals-ignore-case',
  'prefix',
  'suffix',
  'anything-but',
  'exists',
  'wildcard',
  'numeric',
  'cidr',
  '=',
  '<',
  '<=',
  '>',
  '>=',
  // reserved by EventBridge's matching engine for future operators
  'regex',
  'not-wildcard',
  'not-equals-ignore-case',
  'date-after',
  'date-on-or-after',
  'date-before',
  'date-on-or-before',
  'in-date-range',
  'ip-address-in-range',
  'ip-address-not-in-range',
]);

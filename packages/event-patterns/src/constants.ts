/** Numeric matching only covers -5e9..+5e9 inclusive (EventBridge user guide, numeric matching). */
export const NUMERIC_LIMIT = 5e9;

/** Numbers compare to 6 digits right of the decimal point (EventBridge user guide, numeric matching). */
export const NUMERIC_SCALE = 1e6;

/**
 * Highest rule complexity EventBridge accepts (Event Ruler's `MachineComplexityEvaluator`, see
 * `rule-complexity.ts`). EventBridge does not publish it; 10 is the per-rule limit Event Ruler's
 * README gives for its per-rule strategy alongside "30 rules containing wildcard patterns", the
 * EventBridge quota "Rules containing wildcards: 30 per event bus", and it agrees with every
 * verdict AWS is known to have given: three `*:stack/<name>/*` values on one field (complexity 9)
 * are accepted, four (12) and `*:*:*:*:*:event-bus/*` (11) are refused as "Rule is too complex".
 */
export const MAX_RULE_COMPLEXITY = 10;

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

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

/**
 * Most sub-rules the complexity check builds for one pattern (after it leaves out the fields that
 * cannot place a wildcard and merges identical sub-rules); a pattern that needs more is refused
 * as "Rule is too complex". Each `$or` forks every sub-rule built so far, so a pattern's sub-rules
 * grow as the product of its `$or`s' branch counts (2^30 for 30 two-branch groups) and, unbounded,
 * exhaust time and the call stack. AWS documents no `$or` limit for EventBridge patterns (only the
 * 2,048-character pattern quota, which holds about 58 two-branch groups), and Event Ruler, which
 * EventBridge runs, has none: its `JsonRuleCompiler` copies every sub-rule at every `$or`.
 *
 * Why the cap is safe: it is reached only when the cheaper checks cannot decide, that is, when
 * one field's wildcard values would be too complex if they shared a byte machine (see
 * `rule-complexity.ts`) and more than 1,000 distinct sub-rules decide whether they do; patterns
 * without wildcards, or whose wildcards are acceptable even pooled, never build sub-rules. Within
 * the cap every verdict is Event Ruler's exact one, and the work stays below 1,000 copies of a
 * sub-rule per `$or` branch. Past it the answer errs towards refusing, at validation time,
 * a rule that could only be accepted by wildcards the `$or`s keep apart.
 */
export const MAX_COMPLEXITY_SUB_RULES = 1_000;

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

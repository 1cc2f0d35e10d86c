import { complexityPatternsByField } from './complexity-patterns.js';
import { MAX_RULE_COMPLEXITY } from './constants.js';
import { InvalidEventPatternError } from './errors.js';
import { pooledComplexity, ruleComplexity } from './rule-complexity.js';

/**
 * Refuses a rule whose wildcards make matching too costly, as EventBridge does ("Rule is too
 * complex", EventBridge user guide, wildcard matching and event pattern complexity); the error
 * names the field. Cheapest first: a pattern without a `wildcard` (or an `anything-but`
 * `wildcard`) passes after one walk; so does one whose wildcards would be acceptable even all in
 * one byte machine per field ({@link pooledComplexity}); only the rest is rated exactly, sub-rule
 * by sub-rule ({@link ruleComplexity}).
 *
 * @throws {@link InvalidEventPatternError} with reason `Rule is too complex`.
 * @example
 * ```ts
 * checkRuleComplexity({ resources: [{ wildcard: 'arn:aws:states:*' }] }); // ok
 * checkRuleComplexity({ resources: [{ wildcard: '*:*:*:*:*:event-bus/*' }] }); // throws, path 'resources'
 * ```
 */
export function checkRuleComplexity(pattern: Record<string, unknown>): void {
  const byField = complexityPatternsByField(pattern);
  if (byField.size === 0) return;
  if (pooledComplexity(byField, MAX_RULE_COMPLEXITY + 1).complexity <= MAX_RULE_COMPLEXITY) return;
  const { complexity, field } = ruleComplexity(pattern, MAX_RULE_COMPLEXITY + 1);
  if (complexity > MAX_RULE_COMPLEXITY) throw new InvalidEventPatternError(field, 'Rule is too complex');
}

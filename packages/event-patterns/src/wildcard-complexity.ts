import type { WildcardPattern } from './wildcard.js';

/**
 * Estimates how complex a set of wildcard operands on one field is, the way EventBridge's
 * engine rates it: the most wildcard positions a single worst-case value can keep alive at once.
 * An operand counts 1 while its leading literal is still being read and then one per `*`, for
 * every operand whose leading literal is compatible with that value (one is a prefix of the
 * other). Operands that start with different literals cannot be alive together.
 *
 * @example
 * ```ts
 * // four operands that all start with "*" and carry two wildcards each: 8
 * wildcardComplexity(['*:a/*', '*:b/*', '*:c/*', '*:d/*'].map(parse));
 * ```
 */
export function wildcardComplexity(patterns: readonly WildcardPattern[]): number {
  const rated = patterns.map((pattern) => ({
    lead: pattern.segments[0] ?? '',
    wildcards: pattern.segments.length - 1,
  }));
  const probes = new Set<string>();
  for (const { lead } of rated) {
    for (let length = 1; length <= lead.length; length += 1) probes.add(lead.slice(0, length));
  }
  let worst = rated.filter(({ lead }) => lead === '').reduce((sum, { wildcards }) => sum + wildcards, 0);
  for (const probe of probes) {
    let alive = 0;
    for (const { lead, wildcards } of rated) {
      if (probe.startsWith(lead)) alive += wildcards;
      else if (lead.startsWith(probe)) alive += 1;
    }
    worst = Math.max(worst, alive);
  }
  return worst;
}

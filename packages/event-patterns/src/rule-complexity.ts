import { complexityPatternOf, complexityPatternsByField, type ComplexityPatterns } from './complexity-patterns.js';
import { MAX_COMPLEXITY_SUB_RULES } from './constants.js';
import { subRulesOf, type SubRule } from './sub-rules.js';
import { machineComplexity, type ComplexityPattern } from './wildcard-complexity.js';

/** The complexity of a pattern's worst byte machine, and the field path it belongs to. */
export interface RuleComplexity {
  readonly complexity: number;
  readonly field: string;
}

/** A byte machine of the simulated rule machine: one per field in each name state. */
interface ByteMachine {
  readonly field: string;
  /** Next name state of each pattern added, by pattern identity. */
  readonly nextStates: Map<string, NameState>;
  /** Distinct patterns that carry complexity (wildcard, anything-but wildcard), by identity. */
  readonly wildcards: Map<string, ComplexityPattern>;
}

interface NameState {
  readonly machines: Map<string, ByteMachine>;
}

/**
 * Rates a validated pattern the way EventBridge does before accepting a rule (Event Ruler's
 * README, "limiting machine complexity", per-rule strategy): the sub-rules that hold a
 * `wildcard` or `anything-but` `wildcard` are added to one rule machine, and the machine's
 * complexity is the highest {@link machineComplexity} of its byte machines. A byte machine
 * belongs to one field in one name state: values of a field share it when the sub-rules reach it
 * through the same patterns of the fields sorted before it (Event Ruler adds a sub-rule's fields
 * in sorted order, every value of a field leading to one next name state).
 *
 * Only what the rating needs is built: a pattern without such values builds no sub-rule, fields
 * sorting after the last wildcard field are left out, and identical sub-rules are added once.
 * A pattern that still needs more than {@link MAX_COMPLEXITY_SUB_RULES} sub-rules is rated at
 * `cap`, on the field of its worst {@link pooledComplexity}.
 *
 * @example
 * ```ts
 * ruleComplexity({ resources: [{ wildcard: '*:*:*:*:*:event-bus/*' }] }, 100); // { complexity: 11, field: 'resources' }
 * ```
 */
export function ruleComplexity(pattern: Record<string, unknown>, cap: number): RuleComplexity {
  const byField = complexityPatternsByField(pattern);
  if (byField.size === 0) return { complexity: 0, field: '' };
  // Fields sorting after every wildcard field are added after it in every sub-rule, so the name
  // states they lead to hold no wildcard: leaving them out changes no rated machine.
  const lastField = [...byField.keys()].sort().at(-1) ?? '';
  const rules = subRulesOf(pattern, { maxSubRules: MAX_COMPLEXITY_SUB_RULES, keepPath: (path) => path <= lastField });
  if (rules === undefined) return { complexity: cap, field: pooledComplexity(byField, cap).field };
  const root: NameState = { machines: new Map() };
  const machines: ByteMachine[] = [];
  for (const rule of rules) {
    if (holdsWildcard(rule)) addSubRule(root, rule, machines);
  }
  let worst: RuleComplexity = { complexity: 0, field: '' };
  for (const machine of machines) {
    if (machine.wildcards.size === 0) continue;
    const complexity = machineComplexity([...machine.wildcards.values()], cap);
    if (complexity > worst.complexity) worst = { complexity, field: machine.field };
    if (complexity >= cap) break;
  }
  return worst;
}

/**
 * An upper bound of {@link ruleComplexity}, from one walk of the pattern and no sub-rules: for each
 * field, the complexity of a byte machine holding every wildcard value the pattern has at that
 * path. A byte machine belongs to one field and holds some of that field's values, and adding
 * patterns to a machine never lowers its complexity (each input keeps every state it had live,
 * and each state counts at least the patterns it counted), so no machine of the rule is worse.
 *
 * @example
 * ```ts
 * const byField = complexityPatternsByField({ $or: [{ a: ['x'], key: [{ wildcard: '*a*b*c*d*' }] }, { a: ['y'], key: [{ wildcard: '*e*f*g*h*' }] }] });
 * pooledComplexity(byField, 100); // { complexity: 12, field: 'key' } (ruleComplexity: 6, the $or keeps them apart)
 * ```
 */
export function pooledComplexity(byField: ReadonlyMap<string, ComplexityPatterns>, cap: number): RuleComplexity {
  let worst: RuleComplexity = { complexity: 0, field: '' };
  for (const [field, patterns] of byField) {
    const complexity = machineComplexity([...patterns.values()], cap);
    if (complexity > worst.complexity) worst = { complexity, field };
    if (complexity >= cap) break;
  }
  return worst;
}

function holdsWildcard(rule: SubRule): boolean {
  return [...rule.values()].some((values) => values.some((value) => complexityPatternOf(value) !== undefined));
}

function addSubRule(root: NameState, rule: SubRule, machines: ByteMachine[]): void {
  // Java's String ordering (UTF-16 code units) is JavaScript's default sort.
  const fields = [...rule.keys()].sort();
  let states = new Set<NameState>([root]);
  for (const field of fields) {
    const next = new Set<NameState>();
    for (const state of states) {
      for (const reached of addField(state, field, rule.get(field) ?? [], machines)) next.add(reached);
    }
    states = next;
  }
}

/** Adds one field's values to a name state; returns the next name states its values lead to. */
function addField(state: NameState, field: string, values: readonly unknown[], machines: ByteMachine[]): Set<NameState> {
  let machine = state.machines.get(field);
  if (machine === undefined) {
    machine = { field, nextStates: new Map(), wildcards: new Map() };
    state.machines.set(field, machine);
    machines.push(machine);
  }
  const reached = new Set<NameState>();
  let last: NameState | undefined;
  for (const value of values) {
    for (const identity of identitiesOf(value)) {
      // An existing match keeps its own next state; a new one reuses the previous value's.
      let next = machine.nextStates.get(identity);
      if (next === undefined) {
        next = last ?? { machines: new Map() };
        machine.nextStates.set(identity, next);
      }
      last = next;
      reached.add(next);
    }
    const wildcard = complexityPatternOf(value);
    if (wildcard !== undefined) machine.wildcards.set(JSON.stringify(value), wildcard);
  }
  return reached;
}

/** A number is added twice (as a numeric equality and as its literal text), anything else once. */
function identitiesOf(value: unknown): string[] {
  const text = JSON.stringify(value);
  return typeof value === 'number' ? [`numeric:${text}`, `exact:${text}`] : [text];
}

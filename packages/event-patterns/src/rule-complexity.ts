import { isPlainObject } from './compile-context.js';
import { subRulesOf, type SubRule } from './sub-rules.js';
import { parseWildcard, wildcardTokens } from './wildcard.js';
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
 * @example
 * ```ts
 * ruleComplexity({ resources: [{ wildcard: '*:*:*:*:*:event-bus/*' }] }, 100); // { complexity: 11, field: 'resources' }
 * ```
 */
export function ruleComplexity(pattern: Record<string, unknown>, cap: number): RuleComplexity {
  const root: NameState = { machines: new Map() };
  const machines: ByteMachine[] = [];
  for (const rule of subRulesOf(pattern).filter(holdsWildcard)) {
    addSubRule(root, rule, machines);
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

function complexityPatternOf(value: unknown): ComplexityPattern | undefined {
  if (!isPlainObject(value)) return undefined;
  if (typeof value.wildcard === 'string') return tokenised([value.wildcard]);
  const excluded = value['anything-but'];
  if (!isPlainObject(excluded) || !('wildcard' in excluded)) return undefined;
  const texts: unknown[] = Array.isArray(excluded.wildcard) ? excluded.wildcard : [excluded.wildcard];
  return tokenised(texts.filter((text): text is string => typeof text === 'string'));
}

function tokenised(texts: readonly string[]): ComplexityPattern | undefined {
  const values = texts.flatMap((text) => {
    const parsed = parseWildcard(text);
    return 'pattern' in parsed ? [wildcardTokens(parsed.pattern)] : [];
  });
  return values.length === 0 ? undefined : { values };
}

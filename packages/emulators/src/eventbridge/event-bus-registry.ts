import { compilePattern } from '@wildrydes/event-patterns';
import { assertEventBusName, assertRuleOrTargetName, eventBusArn, resolveEventBusName, ruleArn, type ResourceScope } from './arns';
import { DEFAULT_EVENT_BUS_NAME, MAX_TARGETS_PER_RULE } from './constants';
import {
  EventBridgeValidationError,
  EventBusAlreadyExistsError,
  EventBusNotFoundError,
  RuleNotFoundError,
  TargetLimitExceededError,
} from './errors';
import type { BusEvent, DeadLetterHandler, RetryPolicy, RuleCounters, RuleTarget } from './types';

/** A rule's state; only `ENABLED` rules (and the CloudTrail variant) match events. */
export type RuleState = 'ENABLED' | 'DISABLED' | 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS';

/** A target of a rule. Targets added over HTTP are recorded; only function targets are invoked. */
export interface StoredTarget {
  readonly id: string;
  readonly arn: string;
  readonly retryPolicy: RetryPolicy;
  /** The target as given to PutTargets, echoed by ListTargetsByRule. */
  readonly description: Readonly<Record<string, unknown>>;
  /** The function to invoke; absent for targets added over HTTP (an ARN cannot be invoked here). */
  readonly invoke?: RuleTarget | undefined;
  readonly deadLetter?: DeadLetterHandler | undefined;
}

/** A rule on a bus, with its compiled pattern, targets and counters. */
export interface StoredRule {
  readonly name: string;
  readonly eventBusName: string;
  readonly arn: string;
  /** The pattern's JSON text, as ListRules returns it. */
  eventPattern: string | undefined;
  scheduleExpression: string | undefined;
  state: RuleState;
  description: string | undefined;
  matches: (event: BusEvent) => boolean;
  readonly targets: Map<string, StoredTarget>;
  readonly counters: RuleCounters;
}

/** An event bus and its rules. */
export interface StoredBus {
  readonly name: string;
  readonly arn: string;
  readonly description: string | undefined;
  readonly creationTime: Date;
  readonly lastModifiedTime: Date;
  readonly rules: Map<string, StoredRule>;
}

/** What {@link EventBusRegistry.putRule} sets; absent fields keep an existing rule's values. */
export interface RuleDefinition {
  name: string;
  eventBusName?: string | undefined;
  /** An event pattern object or its JSON text. */
  eventPattern?: unknown;
  scheduleExpression?: string | undefined;
  state?: RuleState | undefined;
  description?: string | undefined;
}

const STATES: readonly RuleState[] = ['ENABLED', 'DISABLED', 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS'];

/**
 * The buses, rules and targets of one emulated account and region. Starts with the `default` bus.
 *
 * @example
 * ```ts
 * const registry = new EventBusRegistry({ accountId: '000000000000', region: 'us-east-1' });
 * registry.createBus('rides');
 * registry.putRule({ name: 'completed', eventBusName: 'rides', eventPattern: { 'detail-type': ['RideCompleted'] } });
 * ```
 */
export class EventBusRegistry {
  readonly #buses = new Map<string, StoredBus>();

  constructor(readonly scope: ResourceScope) {
    this.#addBus(DEFAULT_EVENT_BUS_NAME, undefined);
  }

  /** Creates a bus. @throws EventBusAlreadyExistsError, EventBridgeValidationError for a bad name. */
  createBus(name: string, description?: string): StoredBus {
    assertEventBusName(name);
    if (this.#buses.has(name)) throw new EventBusAlreadyExistsError(name);
    return this.#addBus(name, description);
  }

  /** Whether a bus with this name (or ARN) exists. */
  hasBus(nameOrArn: string | undefined): boolean {
    return this.#buses.has(resolveEventBusName(nameOrArn));
  }

  /** The bus with this name or ARN (`default` when absent). @throws EventBusNotFoundError */
  getBus(nameOrArn: string | undefined): StoredBus {
    const name = resolveEventBusName(nameOrArn);
    const bus = this.#buses.get(name);
    if (bus === undefined) throw new EventBusNotFoundError(name);
    return bus;
  }

  /** Every bus, sorted by name. */
  listBuses(): StoredBus[] {
    return [...this.#buses.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * Creates or updates a rule (like PutRule). A new rule needs an event pattern or a schedule
   * expression (schedules are recorded, never fired).
   *
   * @throws InvalidEventPatternError (from `@wildrydes/event-patterns`) for a pattern EventBridge rejects
   * @throws EventBusNotFoundError, EventBridgeValidationError
   */
  putRule(definition: RuleDefinition): StoredRule {
    assertRuleOrTargetName(definition.name, 'name');
    const bus = this.getBus(definition.eventBusName);
    if (definition.state !== undefined && !STATES.includes(definition.state)) {
      throw new EventBridgeValidationError(`1 validation error detected: Value '${definition.state}' at 'state' failed to satisfy constraint: Member must satisfy enum value set: [${STATES.join(', ')}]`);
    }
    const existing = bus.rules.get(definition.name);
    const patternText = patternToText(definition.eventPattern);
    const eventPattern = patternText ?? existing?.eventPattern;
    const scheduleExpression = definition.scheduleExpression ?? existing?.scheduleExpression;
    if (eventPattern === undefined && scheduleExpression === undefined) {
      throw new EventBridgeValidationError('Parameter(s) EventPattern or ScheduleExpression must be specified.');
    }
    if (scheduleExpression !== undefined && bus.name !== DEFAULT_EVENT_BUS_NAME) {
      throw new EventBridgeValidationError('ScheduleExpression is supported only on the default event bus.');
    }
    const matches = eventPattern === undefined ? () => false : compilePattern(eventPattern);
    const rule: StoredRule = existing ?? {
      name: definition.name,
      eventBusName: bus.name,
      arn: ruleArn(this.scope, bus.name, definition.name),
      eventPattern,
      scheduleExpression,
      state: 'ENABLED',
      description: undefined,
      matches,
      targets: new Map(),
      counters: { matched: 0, delivered: 0, retried: 0, deadLettered: 0, dropped: 0 },
    };
    rule.eventPattern = eventPattern;
    rule.scheduleExpression = scheduleExpression;
    rule.matches = matches;
    rule.state = definition.state ?? existing?.state ?? 'ENABLED';
    rule.description = definition.description ?? existing?.description;
    bus.rules.set(rule.name, rule);
    return rule;
  }

  /** The rule, or {@link RuleNotFoundError}. */
  getRule(name: string, eventBusName?: string): StoredRule {
    const bus = this.getBus(eventBusName);
    const rule = bus.rules.get(name);
    if (rule === undefined) throw new RuleNotFoundError(name, bus.name);
    return rule;
  }

  /**
   * Deletes a rule; a missing rule is fine (DeleteRule is idempotent). A rule with targets needs
   * `force`. @throws EventBridgeValidationError when it still has targets and `force` is not set
   */
  deleteRule(name: string, eventBusName?: string, force = false): void {
    const bus = this.getBus(eventBusName);
    const rule = bus.rules.get(name);
    if (rule === undefined) return;
    if (rule.targets.size > 0 && !force) throw new EventBridgeValidationError("Rule can't be deleted since it has targets.");
    bus.rules.delete(name);
  }

  /** Adds or replaces targets (by id). @throws RuleNotFoundError, TargetLimitExceededError */
  putTargets(ruleName: string, eventBusName: string | undefined, targets: readonly StoredTarget[]): void {
    const rule = this.getRule(ruleName, eventBusName);
    for (const target of targets) assertRuleOrTargetName(target.id, 'id');
    const ids = new Set([...rule.targets.keys(), ...targets.map((target) => target.id)]);
    if (ids.size > MAX_TARGETS_PER_RULE) throw new TargetLimitExceededError(rule.name, MAX_TARGETS_PER_RULE);
    for (const target of targets) rule.targets.set(target.id, target);
  }

  /** Removes targets by id; unknown ids are ignored. @throws RuleNotFoundError */
  removeTargets(ruleName: string, eventBusName: string | undefined, ids: readonly string[]): void {
    const rule = this.getRule(ruleName, eventBusName);
    for (const id of ids) rule.targets.delete(id);
  }

  /** Enabled rules of the bus whose pattern matches the event. */
  matchingRules(eventBusName: string, event: BusEvent): StoredRule[] {
    const bus = this.getBus(eventBusName);
    return [...bus.rules.values()].filter((rule) => rule.state !== 'DISABLED' && rule.matches(event));
  }

  #addBus(name: string, description: string | undefined): StoredBus {
    const now = new Date();
    const bus: StoredBus = {
      name,
      arn: eventBusArn(this.scope, name),
      description,
      creationTime: now,
      lastModifiedTime: now,
      rules: new Map(),
    };
    this.#buses.set(name, bus);
    return bus;
  }
}

function patternToText(pattern: unknown): string | undefined {
  if (pattern === undefined || pattern === null) return undefined;
  return typeof pattern === 'string' ? pattern : JSON.stringify(pattern);
}

import type { EventBusRegistry, RuleState, StoredRule } from '../event-bus-registry';
import { optionalString, paginate, requestBody, requiredString } from './request-fields';

function describeRule(rule: StoredRule): Record<string, unknown> {
  return {
    Name: rule.name,
    Arn: rule.arn,
    ...(rule.eventPattern === undefined ? {} : { EventPattern: rule.eventPattern }),
    ...(rule.scheduleExpression === undefined ? {} : { ScheduleExpression: rule.scheduleExpression }),
    State: rule.state,
    ...(rule.description === undefined ? {} : { Description: rule.description }),
    EventBusName: rule.eventBusName,
  };
}

/**
 * PutRule: creates or updates a rule; `{ Name, EventBusName?, EventPattern?, ScheduleExpression?,
 * State?, Description? }` → `{ RuleArn }`. The pattern is validated with
 * `@wildrydes/event-patterns` (`InvalidEventPatternException` when EventBridge would reject it).
 * Schedules are recorded but never fire.
 *
 * @example
 * ```ts
 * putRule(registry, { Name: 'completed', EventPattern: '{"detail-type":["RideCompleted"]}' });
 * ```
 */
export function putRule(registry: EventBusRegistry, input: unknown): Record<string, unknown> {
  const body = requestBody(input);
  const rule = registry.putRule({
    name: requiredString(body, 'Name'),
    eventBusName: optionalString(body, 'EventBusName'),
    eventPattern: optionalString(body, 'EventPattern'),
    scheduleExpression: optionalString(body, 'ScheduleExpression'),
    state: optionalString(body, 'State') as RuleState | undefined,
    description: optionalString(body, 'Description'),
  });
  return { RuleArn: rule.arn };
}

/**
 * DescribeRule: `{ Name, EventBusName? }` → the rule's `Name, Arn, EventPattern, State, …`.
 *
 * @example
 * ```ts
 * describeRuleOperation(registry, { Name: 'completed' }); // { Name: 'completed', Arn: '…', State: 'ENABLED', … }
 * ```
 */
export function describeRuleOperation(registry: EventBusRegistry, input: unknown): Record<string, unknown> {
  const body = requestBody(input);
  return describeRule(registry.getRule(requiredString(body, 'Name'), optionalString(body, 'EventBusName')));
}

/**
 * ListRules: `{ EventBusName?, NamePrefix?, Limit?, NextToken? }` → `{ Rules, NextToken? }`, sorted by name.
 *
 * @example
 * ```ts
 * listRules(registry, { EventBusName: 'rides' });
 * ```
 */
export function listRules(registry: EventBusRegistry, input: unknown): Record<string, unknown> {
  const body = requestBody(input);
  const prefix = optionalString(body, 'NamePrefix') ?? '';
  const rules = [...registry.getBus(optionalString(body, 'EventBusName')).rules.values()]
    .filter((rule) => rule.name.startsWith(prefix))
    .sort((a, b) => a.name.localeCompare(b.name));
  const { page, nextToken } = paginate(body, rules);
  return { Rules: page.map(describeRule), ...(nextToken === undefined ? {} : { NextToken: nextToken }) };
}

/**
 * DeleteRule: `{ Name, EventBusName?, Force? }` → `{}`. Deleting a missing rule succeeds; a rule
 * with targets needs `Force` (else `ValidationException`).
 *
 * @example
 * ```ts
 * deleteRule(registry, { Name: 'completed' });
 * ```
 */
export function deleteRule(registry: EventBusRegistry, input: unknown): Record<string, unknown> {
  const body = requestBody(input);
  registry.deleteRule(requiredString(body, 'Name'), optionalString(body, 'EventBusName'), body['Force'] === true);
  return {};
}

import { DEFAULT_EVENT_BUS_NAME } from './constants';
import { EventBridgeValidationError } from './errors';

/** Where resources live: the account and region in their ARNs. */
export interface ResourceScope {
  readonly accountId: string;
  readonly region: string;
}

/**
 * The ARN of an event bus.
 *
 * @example
 * ```ts
 * eventBusArn({ accountId: '000000000000', region: 'us-east-1' }, 'rides');
 * // 'arn:aws:events:us-east-1:000000000000:event-bus/rides'
 * ```
 */
export function eventBusArn(scope: ResourceScope, eventBusName: string): string {
  return `arn:aws:events:${scope.region}:${scope.accountId}:event-bus/${eventBusName}`;
}

/**
 * The ARN of a rule: `rule/<name>` on the default bus, `rule/<bus>/<name>` on a custom bus.
 *
 * @example
 * ```ts
 * ruleArn(scope, 'rides', 'ride-completed'); // 'arn:aws:events:us-east-1:000000000000:rule/rides/ride-completed'
 * ```
 */
export function ruleArn(scope: ResourceScope, eventBusName: string, ruleName: string): string {
  const path = eventBusName === DEFAULT_EVENT_BUS_NAME ? ruleName : `${eventBusName}/${ruleName}`;
  return `arn:aws:events:${scope.region}:${scope.accountId}:rule/${path}`;
}

/**
 * The bus name an `EventBusName` parameter means: the name itself, the name inside an event-bus
 * ARN, or `default` when absent.
 *
 * @example
 * ```ts
 * resolveEventBusName('arn:aws:events:us-east-1:000000000000:event-bus/rides'); // 'rides'
 * resolveEventBusName(undefined); // 'default'
 * ```
 */
export function resolveEventBusName(nameOrArn: string | undefined): string {
  if (nameOrArn === undefined || nameOrArn === '') return DEFAULT_EVENT_BUS_NAME;
  if (!nameOrArn.startsWith('arn:')) return nameOrArn;
  const marker = ':event-bus/';
  const at = nameOrArn.indexOf(marker);
  return at === -1 ? nameOrArn : nameOrArn.slice(at + marker.length);
}

const EVENT_BUS_NAME = /^[/.\-_A-Za-z0-9]{1,256}$/;
const RULE_OR_TARGET_NAME = /^[.\-_A-Za-z0-9]{1,64}$/;

/**
 * Throws {@link EventBridgeValidationError} unless `name` is a valid event bus name
 * (1..256 of `A-Z a-z 0-9 . - _ /`).
 *
 * @example
 * ```ts
 * assertEventBusName('rides'); // ok
 * ```
 */
export function assertEventBusName(name: string): void {
  if (!EVENT_BUS_NAME.test(name)) {
    throw new EventBridgeValidationError(
      `1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint: ` +
        'Member must satisfy regular expression pattern: [/\\.\\-_A-Za-z0-9]+ and have length between 1 and 256',
    );
  }
}

/**
 * Throws {@link EventBridgeValidationError} unless `name` is a valid rule name or target id
 * (1..64 of `A-Z a-z 0-9 . - _`). `field` names the parameter in the message.
 *
 * @example
 * ```ts
 * assertRuleOrTargetName('ride-completed', 'name');
 * ```
 */
export function assertRuleOrTargetName(name: string, field: string): void {
  if (!RULE_OR_TARGET_NAME.test(name)) {
    throw new EventBridgeValidationError(
      `1 validation error detected: Value '${name}' at '${field}' failed to satisfy constraint: ` +
        'Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+ and have length between 1 and 64',
    );
  }
}

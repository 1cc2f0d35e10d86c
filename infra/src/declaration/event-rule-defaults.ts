import type { EventBridgeRuleTrigger } from './types.js';

/**
 * Defaults of an EventBridge-rule trigger. EventBridge's own defaults (185 retries over 24 hours)
 * hide a broken target for a day; these make an undeliverable event reach the dead-letter queue,
 * and its alarm, within the hour. Lambda's asynchronous-invocation defaults are kept: 2 retries
 * of a handler that threw, and events queued behind throttling wait up to 6 hours.
 */
export const EVENT_RULE_DEFAULTS = {
  /** With EventBridge's exponential backoff, 8 retries span a few minutes of a Lambda outage. */
  retryAttempts: 8,
  /** One hour; then the event goes to the rule target's dead-letter queue. */
  maxEventAgeSeconds: 3600,
  /** Lambda's default: handlers throw only for retryable failures, so retrying is worthwhile. */
  functionRetryAttempts: 2,
  /** Lambda's default and maximum (6 hours): an event waiting behind throttling is not a failure. */
  functionMaxEventAgeSeconds: 21_600,
} as const;

/** An EventBridge-rule trigger with every optional setting filled in. */
export type ResolvedEventRuleTrigger = Required<EventBridgeRuleTrigger>;

/**
 * Fills the optional settings of an EventBridge-rule trigger with {@link EVENT_RULE_DEFAULTS};
 * values the declaration gives win.
 *
 * @example
 * ```ts
 * resolveEventRuleSettings({ type: 'eventbridge-rule', bus: 'eventBus', eventPattern: { source: ['wildrydes.rides'] } })
 *   .retryAttempts; // 8
 * ```
 */
export function resolveEventRuleSettings(trigger: EventBridgeRuleTrigger): ResolvedEventRuleTrigger {
  return {
    ...trigger,
    retryAttempts: trigger.retryAttempts ?? EVENT_RULE_DEFAULTS.retryAttempts,
    maxEventAgeSeconds: trigger.maxEventAgeSeconds ?? EVENT_RULE_DEFAULTS.maxEventAgeSeconds,
    functionRetryAttempts: trigger.functionRetryAttempts ?? EVENT_RULE_DEFAULTS.functionRetryAttempts,
    functionMaxEventAgeSeconds: trigger.functionMaxEventAgeSeconds ?? EVENT_RULE_DEFAULTS.functionMaxEventAgeSeconds,
  };
}

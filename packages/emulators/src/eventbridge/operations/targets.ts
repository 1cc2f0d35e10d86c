import { MAX_TARGETS_PER_REQUEST } from '../constants';
import { EventBridgeValidationError } from '../errors';
import type { EventBusRegistry, StoredTarget } from '../event-bus-registry';
import { resolveRetryPolicy } from '../retry-policy';
import { optionalString, requestBody, requiredList, requiredString, type RequestBody } from './request-fields';

const NO_FAILURES = { FailedEntryCount: 0, FailedEntries: [] } as const;

function toStoredTarget(raw: unknown): StoredTarget {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new EventBridgeValidationError('Each target must be a JSON object.');
  }
  const target = raw as RequestBody;
  const retry = target['RetryPolicy'] as { MaximumRetryAttempts?: number; MaximumEventAgeInSeconds?: number } | undefined;
  return {
    id: requiredString(target, 'Id'),
    arn: requiredString(target, 'Arn'),
    retryPolicy: resolveRetryPolicy({
      ...(retry?.MaximumRetryAttempts === undefined ? {} : { maximumRetryAttempts: retry.MaximumRetryAttempts }),
      ...(retry?.MaximumEventAgeInSeconds === undefined ? {} : { maximumEventAgeSeconds: retry.MaximumEventAgeInSeconds }),
    }),
    description: { ...target },
  };
}

/**
 * PutTargets: `{ Rule, EventBusName?, Targets }` (1..10 targets, at most 5 per rule) →
 * `{ FailedEntryCount: 0, FailedEntries: [] }`. Targets are recorded with their `RetryPolicy`;
 * an ARN target is not invoked by the emulator (use `addRule` for function targets).
 *
 * @example
 * ```ts
 * putTargets(registry, { Rule: 'completed', Targets: [{ Id: 'consumer', Arn: 'arn:aws:lambda:…' }] });
 * ```
 */
export function putTargets(registry: EventBusRegistry, input: unknown): Record<string, unknown> {
  const body = requestBody(input);
  const targets = requiredList(body, 'Targets', 1, MAX_TARGETS_PER_REQUEST).map(toStoredTarget);
  registry.putTargets(requiredString(body, 'Rule'), optionalString(body, 'EventBusName'), targets);
  return NO_FAILURES;
}

/**
 * RemoveTargets: `{ Rule, EventBusName?, Ids }` (1..100 ids; unknown ids are ignored) →
 * `{ FailedEntryCount: 0, FailedEntries: [] }`.
 *
 * @example
 * ```ts
 * removeTargets(registry, { Rule: 'completed', Ids: ['consumer'] });
 * ```
 */
export function removeTargets(registry: EventBusRegistry, input: unknown): Record<string, unknown> {
  const body = requestBody(input);
  const ids = requiredList(body, 'Ids', 1, 100);
  if (!ids.every((id): id is string => typeof id === 'string')) throw new EventBridgeValidationError('Parameter Ids must be a list of strings.');
  registry.removeTargets(requiredString(body, 'Rule'), optionalString(body, 'EventBusName'), ids);
  return NO_FAILURES;
}

/**
 * ListTargetsByRule: `{ Rule, EventBusName? }` → `{ Targets }` as they were put.
 *
 * @example
 * ```ts
 * listTargetsByRule(registry, { Rule: 'completed' }); // { Targets: [{ Id: 'consumer', Arn: '…' }] }
 * ```
 */
export function listTargetsByRule(registry: EventBusRegistry, input: unknown): Record<string, unknown> {
  const body = requestBody(input);
  const rule = registry.getRule(requiredString(body, 'Rule'), optionalString(body, 'EventBusName'));
  return { Targets: [...rule.targets.values()].map((target) => target.description) };
}

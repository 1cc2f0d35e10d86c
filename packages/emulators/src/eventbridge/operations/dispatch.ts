import type { EventBusRegistry } from '../event-bus-registry';
import { createEventBus, describeEventBus, listEventBuses } from './event-buses';
import { putEvents, type PutEventsContext } from './put-events';
import { deleteRule, describeRuleOperation, listRules, putRule } from './rules';
import { listTargetsByRule, putTargets, removeTargets } from './targets';

/** Handles one API operation's parsed request body and returns its response body. */
export type OperationHandler = (input: unknown) => unknown;

/**
 * The operations the emulator answers, by name (the part after `AWSEvents.` in `X-Amz-Target`).
 *
 * @example
 * ```ts
 * const operations = createOperationTable(registry, putEventsContext);
 * operations.get('ListEventBuses')?.({});
 * ```
 */
export function createOperationTable(registry: EventBusRegistry, putEventsContext: PutEventsContext): ReadonlyMap<string, OperationHandler> {
  return new Map<string, OperationHandler>([
    ['PutEvents', (input) => putEvents(input, putEventsContext)],
    ['CreateEventBus', (input) => createEventBus(registry, input)],
    ['DescribeEventBus', (input) => describeEventBus(registry, input)],
    ['ListEventBuses', (input) => listEventBuses(registry, input)],
    ['PutRule', (input) => putRule(registry, input)],
    ['DescribeRule', (input) => describeRuleOperation(registry, input)],
    ['ListRules', (input) => listRules(registry, input)],
    ['DeleteRule', (input) => deleteRule(registry, input)],
    ['PutTargets', (input) => putTargets(registry, input)],
    ['RemoveTargets', (input) => removeTargets(registry, input)],
    ['ListTargetsByRule', (input) => listTargetsByRule(registry, input)],
  ]);
}

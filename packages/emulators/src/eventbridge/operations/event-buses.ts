import type { EventBusRegistry, StoredBus } from '../event-bus-registry';
import { optionalString, paginate, requestBody, requiredString } from './request-fields';

const epochSeconds = (date: Date): number => date.getTime() / 1000;

function describeBus(bus: StoredBus): Record<string, unknown> {
  return {
    Name: bus.name,
    Arn: bus.arn,
    ...(bus.description === undefined ? {} : { Description: bus.description }),
    CreationTime: epochSeconds(bus.creationTime),
    LastModifiedTime: epochSeconds(bus.lastModifiedTime),
  };
}

/**
 * CreateEventBus: `{ Name, Description? }` → `{ EventBusArn, Description? }`.
 * Partner event sources, KMS keys, dead-letter configs and tags are accepted and ignored.
 *
 * @example
 * ```ts
 * createEventBus(registry, { Name: 'rides' }); // { EventBusArn: 'arn:aws:events:…:event-bus/rides' }
 * ```
 */
export function createEventBus(registry: EventBusRegistry, input: unknown): Record<string, unknown> {
  const body = requestBody(input);
  const bus = registry.createBus(requiredString(body, 'Name'), optionalString(body, 'Description'));
  return { EventBusArn: bus.arn, ...(bus.description === undefined ? {} : { Description: bus.description }) };
}

/**
 * DescribeEventBus: `{ Name? }` (name or ARN, default `default`) → `{ Name, Arn, Description?, CreationTime, LastModifiedTime }`.
 *
 * @example
 * ```ts
 * describeEventBus(registry, {}); // { Name: 'default', Arn: '…', … }
 * ```
 */
export function describeEventBus(registry: EventBusRegistry, input: unknown): Record<string, unknown> {
  return describeBus(registry.getBus(optionalString(requestBody(input), 'Name')));
}

/**
 * ListEventBuses: `{ NamePrefix?, Limit?, NextToken? }` → `{ EventBuses, NextToken? }`, sorted by name.
 *
 * @example
 * ```ts
 * listEventBuses(registry, { NamePrefix: 'ri' }); // { EventBuses: [{ Name: 'rides', … }] }
 * ```
 */
export function listEventBuses(registry: EventBusRegistry, input: unknown): Record<string, unknown> {
  const body = requestBody(input);
  const prefix = optionalString(body, 'NamePrefix') ?? '';
  const { page, nextToken } = paginate(body, registry.listBuses().filter((bus) => bus.name.startsWith(prefix)));
  return { EventBuses: page.map(describeBus), ...(nextToken === undefined ? {} : { NextToken: nextToken }) };
}

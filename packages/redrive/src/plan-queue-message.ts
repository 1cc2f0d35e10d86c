import { AsyncOnFailureRecordSchema } from '@wildrydes/schemas';
import type { PutEventsEntry, QueueMessage } from './ports.js';

/** Which queue a message came from, which decides what its body is. */
export type EventQueueKind = 'dead-letter' | 'on-failure';

/** What to do with one message. */
export type QueueMessageDecision =
  | { readonly kind: 'skip'; readonly code: 'NOT_AN_EVENT'; readonly detail: string }
  | { readonly kind: 'put'; readonly entry: PutEventsEntry; readonly summary: string };

/**
 * Decides what to do with one message of an EventBridge rule target's queue:
 * - `dead-letter`: per "Using dead-letter queues to process undelivered events in EventBridge"
 *   (EventBridge User Guide), the body is the event itself, and the message attributes say why
 *   (`ERROR_CODE`, `ERROR_MESSAGE`, `EXHAUSTED_RETRY_CONDITION`, `RETRY_ATTEMPTS`) and where
 *   (`RULE_ARN`, `TARGET_ARN`): the event goes back on the bus the rule belongs to, else on
 *   `fallbackBus`;
 * - `on-failure`: per "Capturing records of Lambda asynchronous invocations" (Lambda Developer
 *   Guide), the body is an invocation record with the event in `requestPayload`: it goes back
 *   on `fallbackBus`.
 * The entry keeps the event's `source`, `detail-type`, `detail`, `resources` and `time`
 * (PutEventsRequestEntry). A body that is not such an event is skipped, `NOT_AN_EVENT`.
 *
 * @example
 * ```ts
 * planQueueMessage(message, 'dead-letter', 'wildrydes-bus');
 * // { kind: 'put', entry: { Source: 'wildrydes.rides', DetailType: 'RideCompleted', Detail: '{…}', EventBusName: 'wildrydes-bus', … } }
 * ```
 */
export function planQueueMessage(message: QueueMessage, queue: EventQueueKind, fallbackBus: string): QueueMessageDecision {
  let body: unknown;
  try {
    body = JSON.parse(message.body);
  } catch {
    return notAnEvent('the body is not JSON');
  }
  let event: unknown = body;
  if (queue === 'on-failure') {
    const record = AsyncOnFailureRecordSchema.safeParse(body);
    if (!record.success) return notAnEvent('the body is not an asynchronous invocation record (requestContext, requestPayload, ...)');
    event = record.data.requestPayload;
  }
  const fields = eventFields(event);
  if (typeof fields === 'string') return notAnEvent(fields);
  const ruleBus = queue === 'dead-letter' ? busOfRuleArn(message.attributes['RULE_ARN']) : undefined;
  const entry: PutEventsEntry = {
    Source: fields.source,
    DetailType: fields.detailType,
    Detail: JSON.stringify(fields.detail),
    EventBusName: ruleBus ?? fallbackBus,
    ...(fields.resources.length > 0 ? { Resources: fields.resources } : {}),
    ...(fields.time === undefined ? {} : { Time: fields.time }),
  };
  return { kind: 'put', entry, summary: `${fields.detailType} from ${fields.source}${fields.id === undefined ? '' : ` (was event ${fields.id})`}` };
}

function notAnEvent(detail: string): QueueMessageDecision {
  return { kind: 'skip', code: 'NOT_AN_EVENT', detail };
}

interface EventFields {
  source: string;
  detailType: string;
  detail: unknown;
  resources: string[];
  time: Date | undefined;
  id: string | undefined;
}

/** The fields of an EventBridge event envelope, or why it is not one. */
function eventFields(event: unknown): EventFields | string {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return 'the event is not a JSON object';
  const { source, 'detail-type': detailType, detail, resources, time, id } = event as Record<string, unknown>;
  if (typeof source !== 'string' || source === '') return 'the event has no source';
  if (typeof detailType !== 'string' || detailType === '') return 'the event has no detail-type';
  if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) return 'the event has no detail object';
  if (resources !== undefined && !(Array.isArray(resources) && resources.every((resource) => typeof resource === 'string'))) {
    return 'the event\'s resources is not a list of ARNs';
  }
  const at = typeof time === 'string' ? new Date(time) : undefined;
  return {
    source,
    detailType,
    detail,
    resources: (resources as string[] | undefined) ?? [],
    time: at !== undefined && !Number.isNaN(at.getTime()) ? at : undefined,
    id: typeof id === 'string' ? id : undefined,
  };
}

/**
 * The bus of an EventBridge rule ARN: `arn:aws:events:<region>:<account>:rule/<bus>/<rule>` for
 * a custom bus, `…:rule/<rule>` for the default bus (EventBridge ARN formats, Service
 * Authorization Reference).
 *
 * @example
 * ```ts
 * busOfRuleArn('arn:aws:events:us-east-1:123456789012:rule/wildrydes-bus/consumer'); // 'wildrydes-bus'
 * busOfRuleArn('arn:aws:events:us-east-1:123456789012:rule/consumer');               // 'default'
 * ```
 */
export function busOfRuleArn(ruleArn: string | undefined): string | undefined {
  const match = ruleArn === undefined ? null : /^arn:[\w-]+:events:[\w-]+:\d{12}:rule\/(?:([^/]+)\/)?[^/]+$/.exec(ruleArn);
  if (!match) return undefined;
  return match[1] ?? 'default';
}

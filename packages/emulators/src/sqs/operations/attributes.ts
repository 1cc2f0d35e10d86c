import { SqsApiError } from '../errors';
import type { LocalQueue } from '../local-queue';
import { READABLE_ATTRIBUTE_NAMES, validateQueueAttributes, type COMPUTED_ATTRIBUTE_NAMES } from '../queue-attributes';
import { attributeContext, type SqsOperationContext } from './context';
import { requestBody, requiredString, stringList } from './request-fields';

/**
 * GetQueueAttributes: the named attributes (`All` for every one), values as strings; timestamps in
 * epoch seconds. Unknown names are `InvalidAttributeName`.
 *
 * @example
 * ```ts
 * getQueueAttributes(context, { QueueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }); // { Attributes: { ApproximateNumberOfMessages: '0' } }
 * ```
 */
export function getQueueAttributes(context: SqsOperationContext, input: unknown): { Attributes?: Record<string, string> } {
  const body = requestBody(input);
  const queue = context.registry.byUrl(requiredString(body, 'QueueUrl'));
  const names = stringList(body, 'AttributeNames');
  for (const name of names) {
    if (name !== 'All' && !READABLE_ATTRIBUTE_NAMES.has(name)) throw new SqsApiError('InvalidAttributeName', `Unknown Attribute ${name}.`);
  }
  const all = allAttributes(queue);
  const selected = names.includes('All') ? all : Object.fromEntries(Object.entries(all).filter(([name]) => names.includes(name)));
  return Object.keys(selected).length > 0 ? { Attributes: selected } : {};
}

/**
 * SetQueueAttributes: validated like CreateQueue; `''` removes `Policy`, `RedrivePolicy`, `RedriveAllowPolicy`.
 *
 * @example
 * ```ts
 * setQueueAttributes(context, { QueueUrl, Attributes: { VisibilityTimeout: '60' } });
 * ```
 */
export function setQueueAttributes(context: SqsOperationContext, input: unknown): Record<string, never> {
  const body = requestBody(input);
  const queue = context.registry.byUrl(requiredString(body, 'QueueUrl'));
  queue.setAttributes(validateQueueAttributes(body['Attributes'], attributeContext(context, queue.arn)));
  return {};
}

function allAttributes(queue: LocalQueue): Record<string, string> {
  const depth = queue.depth();
  const computed: Record<(typeof COMPUTED_ATTRIBUTE_NAMES)[number], string> = {
    QueueArn: queue.arn,
    ApproximateNumberOfMessages: String(depth.visible),
    ApproximateNumberOfMessagesNotVisible: String(depth.inFlight),
    ApproximateNumberOfMessagesDelayed: String(depth.delayed),
    CreatedTimestamp: String(Math.floor(queue.createdTimestamp / 1000)),
    LastModifiedTimestamp: String(Math.floor(queue.lastModifiedTimestamp / 1000)),
  };
  return { ...queue.attributes, ...computed };
}

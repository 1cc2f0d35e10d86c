import { MAX_LIST_QUEUES_RESULTS } from '../constants';
import { InvalidParameterValueError, QueueDoesNotExistError, SqsApiError } from '../errors';
import { defaultQueueAttributes, validateQueueAttributes } from '../queue-attributes';
import { attributeContext, type SqsOperationContext } from './context';
import { optionalInteger, requestBody, requiredString } from './request-fields';

/**
 * CreateQueue (standard queues): creates the queue, or returns the URL of an existing queue when
 * every attribute given has the queue's current value; a different value is `QueueAlreadyExists`
 * ("A queue already exists with the same name and a different value for attribute X"). `tags` are
 * accepted and ignored.
 *
 * @example
 * ```ts
 * createQueue(context, { QueueName: 'rides-dlq', Attributes: { MessageRetentionPeriod: '1209600' } }); // { QueueUrl: '…/000000000000/rides-dlq' }
 * ```
 */
export function createQueue(context: SqsOperationContext, input: unknown): { QueueUrl: string } {
  const body = requestBody(input);
  const name = requiredString(body, 'QueueName');
  const attributes = validateQueueAttributes(body['Attributes'], attributeContext(context, context.registry.arnOf(name)));
  const existing = context.registry.find(name);
  if (existing !== undefined) {
    for (const [attribute, value] of Object.entries(attributes)) {
      if ((existing.attributes[attribute] ?? '') !== value) {
        throw new SqsApiError('QueueNameExists', `A queue already exists with the same name and a different value for attribute ${attribute}`);
      }
    }
    return { QueueUrl: existing.url };
  }
  const initial = { ...defaultQueueAttributes(context.maxMessageBytes), ...attributes };
  for (const [attribute, value] of Object.entries(initial)) if (value === '') delete initial[attribute];
  return { QueueUrl: context.registry.create(name, initial).url };
}

/**
 * GetQueueUrl. @throws QueueDoesNotExistError, also for another `QueueOwnerAWSAccountId`.
 *
 * @example
 * ```ts
 * getQueueUrl(context, { QueueName: 'rides-dlq' }); // { QueueUrl: '…' }
 * ```
 */
export function getQueueUrl(context: SqsOperationContext, input: unknown): { QueueUrl: string } {
  const body = requestBody(input);
  const name = requiredString(body, 'QueueName');
  const owner = body['QueueOwnerAWSAccountId'];
  if (owner !== undefined && owner !== null && owner !== context.accountId) throw new QueueDoesNotExistError(name);
  return { QueueUrl: context.registry.byName(name).url };
}

/**
 * ListQueues: URLs of the queues whose name starts with `QueueNamePrefix`, by name; with
 * `MaxResults` (1..1000), pages with a `NextToken`. No queues: an empty answer.
 *
 * @example
 * ```ts
 * listQueues(context, { QueueNamePrefix: 'rides' }); // { QueueUrls: ['…/rides-dlq'] }
 * ```
 */
export function listQueues(context: SqsOperationContext, input: unknown): { QueueUrls?: string[]; NextToken?: string } {
  const body = requestBody(input);
  const prefix = typeof body['QueueNamePrefix'] === 'string' ? body['QueueNamePrefix'] : '';
  const maxResults = optionalInteger(body, 'MaxResults', 1, MAX_LIST_QUEUES_RESULTS);
  const urls = context.registry
    .list()
    .filter((queue) => queue.name.startsWith(prefix))
    .map((queue) => queue.url);
  const token = body['NextToken'];
  const start = typeof token === 'string' && token !== '' ? Number.parseInt(Buffer.from(token, 'base64url').toString('utf8'), 10) : 0;
  if (!Number.isInteger(start) || start < 0) throw new InvalidParameterValueError('Invalid NextToken value.');
  const end = maxResults === undefined ? urls.length : start + maxResults;
  const page = urls.slice(start, end);
  return {
    ...(page.length > 0 ? { QueueUrls: page } : {}),
    ...(end < urls.length ? { NextToken: Buffer.from(String(end), 'utf8').toString('base64url') } : {}),
  };
}

/**
 * DeleteQueue: the queue and its messages are gone at once (SQS takes up to 60 s; the emulator
 * does not refuse a new queue of the same name meanwhile).
 *
 * @example
 * ```ts
 * deleteQueue(context, { QueueUrl });
 * ```
 */
export function deleteQueue(context: SqsOperationContext, input: unknown): Record<string, never> {
  const body = requestBody(input);
  context.registry.delete(context.registry.byUrl(requiredString(body, 'QueueUrl')));
  return {};
}

/**
 * PurgeQueue: deletes every message; a second purge within 60 s is `PurgeQueueInProgress`.
 *
 * @example
 * ```ts
 * purgeQueue(context, { QueueUrl });
 * ```
 */
export function purgeQueue(context: SqsOperationContext, input: unknown): Record<string, never> {
  const body = requestBody(input);
  context.registry.byUrl(requiredString(body, 'QueueUrl')).purge();
  return {};
}

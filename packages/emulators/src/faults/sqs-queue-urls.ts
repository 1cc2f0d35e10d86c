import type { JsonObject } from './batch-rewriter';

/** SQS operations whose answers carry queue URLs (`QueueUrl` or `QueueUrls`). */
export const SQS_QUEUE_URL_OPERATIONS: ReadonlySet<string> = new Set(['CreateQueue', 'GetQueueUrl', 'ListQueues', 'ListDeadLetterSourceQueues']);

/**
 * An SQS answer with every queue URL on `fromOrigin` moved to `toOrigin`, as a reverse proxy
 * rewrites the locations it relays. This matters because SDK v3's SQS client sends each call to
 * its `QueueUrl`'s origin when the endpoint came from `AWS_ENDPOINT_URL_SQS` rather than the
 * `endpoint` option (`@aws-sdk/middleware-sdk-sqs`, `useQueueUrlAsEndpoint`, default true): a URL
 * naming the emulator would take the client around the proxy.
 *
 * @example
 * ```ts
 * moveQueueUrls({ QueueUrl: 'http://127.0.0.1:9324/000000000000/dlq' }, 'http://127.0.0.1:9324', 'http://127.0.0.1:7000');
 * // { QueueUrl: 'http://127.0.0.1:7000/000000000000/dlq' }
 * ```
 */
export function moveQueueUrls(answer: JsonObject, fromOrigin: string, toOrigin: string): JsonObject {
  const move = (url: unknown): unknown => {
    if (typeof url !== 'string') return url;
    try {
      const parsed = new URL(url);
      return parsed.origin === fromOrigin ? `${toOrigin}${url.slice(parsed.origin.length)}` : url;
    } catch {
      return url;
    }
  };
  const moved: JsonObject = { ...answer };
  if ('QueueUrl' in answer) moved['QueueUrl'] = move(answer['QueueUrl']);
  if (Array.isArray(answer['queueUrls'])) moved['queueUrls'] = answer['queueUrls'].map(move);
  if (Array.isArray(answer['QueueUrls'])) moved['QueueUrls'] = answer['QueueUrls'].map(move);
  return moved;
}

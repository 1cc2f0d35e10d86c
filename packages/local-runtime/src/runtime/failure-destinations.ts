import { randomUUID } from 'node:crypto';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { callWithRetry, deadlineAt } from '@wildrydes/aws-clients';
import { onFailureObjectKey, type AsyncOnFailureCondition, type AsyncOnFailureRecord } from '@wildrydes/schemas';
import type { OnFailureDelivery } from '../event-source-mapping/stream-mapping.js';

/** The local names of an EventBridge rule target's two queues (CloudFormation names them in AWS). */
export function localQueueNames(functionName: string): { deadLetter: string; onFailure: string } {
  return { deadLetter: `${functionName}-dead-letter`, onFailure: `${functionName}-on-failure` };
}

/** Where one function's failures go locally, for the reconciliation and for `npm run redrive`. */
export interface FunctionFailureLocations {
  /** Stream functions: `aws/lambda/<ESM-UUID>/` in the failure bucket. */
  onFailurePrefix?: string;
  deadLetterQueueUrl?: string;
  onFailureQueueUrl?: string;
}

/**
 * The `ERROR_CODE` of a dead-letter message for a target's last error, from the codes the
 * EventBridge User Guide lists ("Using dead-letter queues to process undelivered events"):
 * `THROTTLING`, `TIMEOUT`, `CONNECTION_FAILURE`, else `SDK_CLIENT_ERROR`.
 *
 * @example
 * ```ts
 * eventBridgeErrorCode(Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' })); // 'THROTTLING'
 * ```
 */
export function eventBridgeErrorCode(cause: unknown): string {
  const { name = '', code = '' } = (cause ?? {}) as { name?: string; code?: string };
  if (/Throttl|TooManyRequests|RequestLimitExceeded/.test(name)) return 'THROTTLING';
  if (/Timeout|TimedOut/i.test(name) || code === 'ETIMEDOUT') return 'TIMEOUT';
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH'].includes(code)) return 'CONNECTION_FAILURE';
  return 'SDK_CLIENT_ERROR';
}

/** Why EventBridge gave up on an event, as its dead-letter messages say it. */
export interface DeadLetterReason {
  readonly ruleArn: string;
  readonly targetArn: string;
  /** One of EventBridge's documented codes: see {@link eventBridgeErrorCode}. */
  readonly errorCode: string;
  readonly errorMessage: string;
  /** `MaximumRetryAttempts` or `MaximumEventAgeInSeconds`. */
  readonly exhaustedRetryCondition: 'MaximumRetryAttempts' | 'MaximumEventAgeInSeconds';
  readonly retryAttempts: number;
}

/** A delivery to a destination is tried this long before the records count as lost (Lambda's `DestinationDeliveryFailures`). */
const DELIVERY_TIMEOUT_MS = 30_000;

/**
 * The on-failure destinations of a local run, written as AWS writes them:
 *
 * - stream mappings: an object per given-up batch in the failure bucket, key
 *   `aws/lambda/<ESM-UUID>/<shardID>/YYYY/MM/DD/YYYY-MM-DDTHH.MM.SS-<Random UUID>`, body the invocation
 *   record with the whole batch (see {@link streamOnFailureRecord});
 * - an EventBridge rule target's dead-letter queue: the event itself as the message body, with the
 *   message attributes `RULE_ARN`, `TARGET_ARN`, `ERROR_CODE`, `ERROR_MESSAGE`,
 *   `EXHAUSTED_RETRY_CONDITION` and `RETRY_ATTEMPTS` ("Using dead-letter queues to process
 *   undelivered events in EventBridge");
 * - a function's asynchronous on-failure queue: the invocation record with the event in
 *   `requestPayload` ("Capturing records of Lambda asynchronous invocations").
 *
 * Every delivery is retried until it succeeds or {@link DELIVERY_TIMEOUT_MS} passes; a delivery
 * that never succeeds is counted in `deliveryFailures` (its records are lost, as in AWS).
 */
export class FailureDestinations {
  /** Objects and messages delivered (one per given-up batch or event), per function. */
  readonly reached = new Map<string, number>();
  /** Records and events in them, per function. */
  readonly recordsReached = new Map<string, number>();
  /** Records and events that could not be delivered at all, per function. */
  readonly deliveryFailures = new Map<string, number>();
  readonly locations = new Map<string, FunctionFailureLocations>();

  constructor(
    private readonly clients: { readonly s3: S3Client; readonly sqs: SQSClient },
    private readonly failureBucket: string,
  ) {}

  /** Creates a rule target's dead-letter and on-failure queues and remembers their URLs. */
  async createQueues(functionName: string): Promise<{ deadLetterQueueUrl: string; onFailureQueueUrl: string }> {
    const names = localQueueNames(functionName);
    const [deadLetter, onFailure] = await Promise.all(
      [names.deadLetter, names.onFailure].map((QueueName) =>
        this.clients.sqs.send(new CreateQueueCommand({ QueueName, Attributes: { MessageRetentionPeriod: String(14 * 24 * 3600) } })),
      ),
    );
    const urls = { deadLetterQueueUrl: deadLetter?.QueueUrl ?? '', onFailureQueueUrl: onFailure?.QueueUrl ?? '' };
    this.locate(functionName, urls);
    return urls;
  }

  /** Remembers where a stream function's mapping files its records. */
  locate(functionName: string, locations: FunctionFailureLocations): void {
    this.locations.set(functionName, { ...this.locations.get(functionName), ...locations });
  }

  /** A stream mapping gave up on a batch: its invocation record goes to the failure bucket. */
  async streamBatch(functionName: string, delivery: OnFailureDelivery, at = new Date()): Promise<void> {
    const key = onFailureObjectKey({ mappingUuid: delivery.mappingUuid, shardId: delivery.shardId, at, randomUuid: randomUUID() });
    await this.deliver(functionName, delivery.recordCount, () =>
      this.clients.s3.send(
        new PutObjectCommand({ Bucket: this.failureBucket, Key: key, Body: JSON.stringify(delivery.record), ContentType: 'application/json' }),
      ),
    );
  }

  /** EventBridge gave up delivering an event to a rule's target: the event goes to the target's dead-letter queue. */
  async deadLetter(functionName: string, event: unknown, reason: DeadLetterReason): Promise<void> {
    const queueUrl = this.locations.get(functionName)?.deadLetterQueueUrl;
    const text = (StringValue: string) => ({ DataType: 'String', StringValue });
    await this.deliver(functionName, 1, () =>
      this.clients.sqs.send(
        new SendMessageCommand({
          QueueUrl: queueUrl,
          MessageBody: JSON.stringify(event),
          MessageAttributes: {
            RULE_ARN: text(reason.ruleArn),
            TARGET_ARN: text(reason.targetArn),
            ERROR_CODE: text(reason.errorCode),
            ERROR_MESSAGE: text(reason.errorMessage.slice(0, 1_000)),
            EXHAUSTED_RETRY_CONDITION: text(reason.exhaustedRetryCondition),
            RETRY_ATTEMPTS: text(String(reason.retryAttempts)),
          },
        }),
      ),
    );
  }

  /** Lambda gave up on an asynchronous invocation: its invocation record goes to the function's on-failure queue. */
  async asyncInvocation(
    functionName: string,
    failure: { functionArn: string; event: unknown; condition: AsyncOnFailureCondition; invokeCount: number; lastError: string },
  ): Promise<void> {
    const queueUrl = this.locations.get(functionName)?.onFailureQueueUrl;
    const record: AsyncOnFailureRecord = {
      version: '1.0',
      timestamp: new Date().toISOString(),
      requestContext: {
        requestId: randomUUID(),
        functionArn: `${failure.functionArn}:$LATEST`,
        condition: failure.condition,
        approximateInvokeCount: failure.invokeCount,
      },
      requestPayload: failure.event,
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: { errorMessage: failure.lastError },
    };
    await this.deliver(functionName, 1, () => this.clients.sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(record) })));
  }

  /** Objects and messages delivered, over all functions. */
  get totalReached(): number {
    return sum(this.reached);
  }

  /** Records and events in them, over all functions. */
  get totalRecordsReached(): number {
    return sum(this.recordsReached);
  }

  /** Everything that could not be delivered, over all functions. */
  get totalDeliveryFailures(): number {
    return sum(this.deliveryFailures);
  }

  private async deliver(functionName: string, count: number, send: () => Promise<unknown>): Promise<void> {
    const outcome = await callWithRetry(send, { deadline: deadlineAt(Date.now() + DELIVERY_TIMEOUT_MS) });
    const add = (tally: Map<string, number>, n: number) => tally.set(functionName, (tally.get(functionName) ?? 0) + n);
    if (outcome.ok) {
      add(this.reached, 1);
      add(this.recordsReached, count);
    } else add(this.deliveryFailures, count);
  }
}

const sum = (tally: ReadonlyMap<string, number>): number => [...tally.values()].reduce((total, n) => total + n, 0);

import { servedOverJsonProtocol, startListening } from '../json-protocol-server';
import type { RunningEmulator } from '../running-emulator';
import { SQS_JSON_PROTOCOL } from './json-protocol';
import { LocalSqs } from './local-sqs';
import type { LocalSqsOptions } from './options';

/** Options for {@link startSqs}. */
export interface SqsOptions extends LocalSqsOptions {
  /** Port on 127.0.0.1; omitted means a free port chosen by the OS. */
  port?: number;
}

/** The in-process API of {@link LocalSqs} (structural, so tests can fake it). */
export type SqsQueueApi = Pick<LocalSqs, 'accountId' | 'region' | 'depth' | 'queueNames'>;

/** The SQS emulator: its HTTP endpoint plus `depth()` and `queueNames()`. */
export interface RunningSqs extends RunningEmulator, SqsQueueApi {}

class SqsEmulator extends servedOverJsonProtocol(LocalSqs, 'sqs', SQS_JSON_PROTOCOL) implements RunningSqs {
  constructor(options: LocalSqsOptions) {
    super(options, () => this.endpoint);
  }
}

/**
 * Starts the workspace's SQS emulator in this process on 127.0.0.1 (no SQS emulator on npm runs
 * without Docker or a JVM download). SDK v3 clients reach it through `AWS_ENDPOINT_URL_SQS` (or
 * `endpoint`); it speaks the AWS JSON 1.0 protocol of `@aws-sdk/client-sqs` for standard queues:
 * CreateQueue, GetQueueUrl, ListQueues, DeleteQueue, PurgeQueue, GetQueueAttributes,
 * SetQueueAttributes, SendMessage(Batch), ReceiveMessage (long polling), DeleteMessage(Batch) and
 * ChangeMessageVisibility(Batch), with redrive policies. Queue URLs are
 * `http://127.0.0.1:<port>/<accountId>/<name>`, ARNs `arn:aws:sqs:<region>:<accountId>:<name>`.
 * `stop()` ends long polls and closes the port.
 *
 * @throws PortInUseError when an explicit `port` is taken; EmulatorStartError if listening fails;
 *   InvalidSqsOptionsError for invalid options
 * @example
 * ```ts
 * const sqs = await startSqs();
 * const client = new SQSClient({ endpoint: sqs.endpoint });
 * const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: 'rides-dlq' }));
 * await client.send(new SendMessageCommand({ QueueUrl, MessageBody: '{"rideId":"r-1"}' }));
 * sqs.depth('rides-dlq'); // { visible: 1, inFlight: 0, delayed: 0 }
 * await sqs.stop();
 * ```
 */
export async function startSqs(options: SqsOptions = {}): Promise<RunningSqs> {
  const { port, ...sqsOptions } = options;
  return startListening(port, () => new SqsEmulator(sqsOptions));
}

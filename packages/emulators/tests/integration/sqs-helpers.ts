import { CreateQueueCommand, SQSClient, type SQSClientConfig } from '@aws-sdk/client-sqs';
import { afterEach, beforeEach } from 'vitest';
import { startSqs, type RunningSqs } from '../../src/index';
import { clientConfig } from './helpers';

/** A real SDK v3 SQS client pointed at `endpoint`; `overrides` replace settings (e.g. `maxAttempts`). */
export function sqsClient(endpoint: string, overrides: SQSClientConfig = {}): SQSClient {
  return new SQSClient({ ...clientConfig, endpoint, ...overrides });
}

/** The SQS emulator and a client on it, started afresh for each test (see {@link sqsForEachTest}). */
export interface SqsForEachTest {
  readonly sqs: RunningSqs;
  readonly client: SQSClient;
  /** Creates a standard queue through the client and returns its URL (API_CreateQueue). */
  createQueue(QueueName: string, Attributes?: Record<string, string>): Promise<string>;
}

/**
 * Starts an SQS emulator and a client on it before each test of the calling `describe`, and
 * destroys the client and stops the emulator after each. Read `sqs` and `client` inside tests only.
 */
export function sqsForEachTest(): SqsForEachTest {
  let started: { readonly sqs: RunningSqs; readonly client: SQSClient } | undefined;
  const current = (): { readonly sqs: RunningSqs; readonly client: SQSClient } => {
    if (started === undefined) throw new Error('sqsForEachTest: the emulator runs only while a test does');
    return started;
  };

  beforeEach(async () => {
    const sqs = await startSqs();
    started = { sqs, client: sqsClient(sqs.endpoint) };
  });

  afterEach(async () => {
    const { sqs, client } = current();
    started = undefined;
    client.destroy();
    await sqs.stop();
  });

  return {
    get sqs() {
      return current().sqs;
    },
    get client() {
      return current().client;
    },
    createQueue: async (QueueName, Attributes) => (await current().client.send(new CreateQueueCommand({ QueueName, ...(Attributes ? { Attributes } : {}) }))).QueueUrl!,
  };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateQueueCommand, SQSClient, SendMessageBatchCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { startEmulators, type RunningEmulators } from '@wildrydes/emulators';
import { main, type MainIo } from '../../src/main.js';

let emulators: RunningEmulators;
let sqs: SQSClient;
const BUS = 'wildrydes-bus';
const RULE_ARN = `arn:aws:events:us-east-1:123456789012:rule/${BUS}/eventbridge-consumer`;
/** Drained means a receive answered with nothing; no need to long-poll an emulator. */
const SETTINGS: MainIo['settings'] = { queue: { waitTimeSeconds: 0 } };

beforeAll(async () => {
  emulators = await startEmulators({ sqs: true, eventbridge: true });
  Object.assign(process.env, emulators.env);
  emulators.eventbridge!.createEventBus(BUS);
  sqs = new SQSClient({});
});

afterAll(async () => {
  sqs?.destroy();
  await emulators?.stop();
});

const event = (rideId: string) => ({
  version: '0',
  id: `event-${rideId}`,
  'detail-type': 'RideCompleted',
  source: 'wildrydes.rides',
  account: '123456789012',
  time: '2026-12-07T10:00:00Z',
  region: 'us-east-1',
  resources: [],
  detail: { rideId },
});

/** A DLQ message as EventBridge sends it ("Using dead-letter queues to process undelivered events in EventBridge"). */
const dlqMessage = (rideId: string) => ({
  Id: rideId,
  MessageBody: JSON.stringify(event(rideId)),
  MessageAttributes: {
    ERROR_CODE: { DataType: 'String', StringValue: 'SDK_CLIENT_ERROR' },
    ERROR_MESSAGE: { DataType: 'String', StringValue: 'Unable to invoke Lambda function' },
    EXHAUSTED_RETRY_CONDITION: { DataType: 'String', StringValue: 'MaximumRetryAttempts' },
    RETRY_ATTEMPTS: { DataType: 'String', StringValue: '8' },
    RULE_ARN: { DataType: 'String', StringValue: RULE_ARN },
    TARGET_ARN: { DataType: 'String', StringValue: 'arn:aws:lambda:us-east-1:123456789012:function:eventbridge-consumer' },
  },
});

/** An asynchronous invocation record as Lambda sends it to an on-failure queue. */
const onFailureMessage = (rideId: string) => ({
  Id: rideId,
  MessageBody: JSON.stringify({
    version: '1.0',
    timestamp: '2026-12-07T10:03:00.000Z',
    requestContext: { requestId: `req-${rideId}`, functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:eventbridge-consumer:$LATEST', condition: 'RetriesExhausted', approximateInvokeCount: 3 },
    requestPayload: event(rideId),
    responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
    responsePayload: { errorType: 'ProvisionedThroughputExceededException', errorMessage: 'throttled' },
  }),
});

async function queueWith(name: string, entries: ReadonlyArray<{ Id: string; MessageBody: string }>): Promise<string> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name }));
  for (let start = 0; start < entries.length; start += 10) {
    const { Failed } = await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: entries.slice(start, start + 10) }));
    expect(Failed ?? []).toEqual([]);
  }
  return QueueUrl!;
}

async function runCommand(argv: string[], settings: MainIo['settings'] = SETTINGS): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line), settings });
  return { code, out, err };
}

const rideIdsOnBus = (): string[] => emulators.eventbridge!.published(BUS).map((published) => (published.detail as { rideId: string }).rideId).sort();

describe('npm run redrive -- the EventBridge consumer\'s queues, against the SQS and EventBridge emulators', () => {
  it('changes nothing in a dry run, then puts every event back on the bus and empties both queues, then finds nothing', async () => {
    // Prepare: 12 undelivered events (two receives) and 2 the function failed on.
    const dlqIds = Array.from({ length: 12 }, (_, n) => `dlq-${String(n).padStart(2, '0')}`);
    const deadLetterQueueUrl = await queueWith('consumer-dlq', dlqIds.map(dlqMessage));
    const onFailureQueueUrl = await queueWith('consumer-on-failure', ['of-1', 'of-2'].map(onFailureMessage));
    emulators.eventbridge!.clearPublished();
    const argv = ['--function', 'eventbridge-consumer', '--dead-letter-queue-url', deadLetterQueueUrl, '--on-failure-queue-url', onFailureQueueUrl, '--event-bus', BUS];

    // Act
    const dryRun = await runCommand([...argv, '--dry-run']);
    const depthsAfterDryRun = [emulators.sqs!.depth('consumer-dlq'), emulators.sqs!.depth('consumer-on-failure')];
    const onBusAfterDryRun = rideIdsOnBus();
    const real = await runCommand(argv);
    const again = await runCommand(argv);

    // Assess
    expect(dryRun.code).toBe(0);
    expect(depthsAfterDryRun).toEqual([
      { visible: 12, inFlight: 0, delayed: 0 },
      { visible: 2, inFlight: 0, delayed: 0 },
    ]);
    expect(onBusAfterDryRun).toEqual([]);

    expect(real.err).toEqual([]);
    expect(real.code).toBe(0);
    expect(rideIdsOnBus()).toEqual([...dlqIds, 'of-1', 'of-2'].sort());
    expect(emulators.eventbridge!.published(BUS)[0]).toMatchObject({ source: 'wildrydes.rides', 'detail-type': 'RideCompleted', time: '2026-12-07T10:00:00Z' });
    expect(emulators.sqs!.depth('consumer-dlq')).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
    expect(emulators.sqs!.depth('consumer-on-failure')).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
    expect(real.out).toContain(`Summary for eventbridge-consumer in queue ${deadLetterQueueUrl}:`);
    expect(real.out.filter((line) => line.startsWith('  deleted'))).toEqual(['  deleted            2', '  deleted           12']);

    expect(again.code).toBe(0);
    expect(again.out.filter((line) => line.startsWith('  listed'))).toEqual(['  listed             0', '  listed             0']);
    expect(emulators.eventbridge!.published(BUS)).toHaveLength(14);
  });

  it('keeps, visible, a message whose event PutEvents rejected, exits 1, and re-drives it on the next run', async () => {
    // Prepare
    const deadLetterQueueUrl = await queueWith('consumer-dlq-partial', ['ok-1', 'denied', 'ok-2'].map(dlqMessage));
    emulators.eventbridge!.clearPublished();
    emulators.eventbridge!.failNext({ count: 1, errorCode: 'AccessDeniedException', match: (entry) => String(entry.Detail).includes('denied') });
    const argv = ['--function', 'eventbridge-consumer', '--source', 'dead-letter', '--dead-letter-queue-url', deadLetterQueueUrl, '--event-bus', BUS];

    // Act
    const first = await runCommand(argv);
    const depthAfterFirst = emulators.sqs!.depth('consumer-dlq-partial');
    const second = await runCommand(argv);

    // Assess
    expect(first.code).toBe(1);
    expect(depthAfterFirst).toEqual({ visible: 1, inFlight: 0, delayed: 0 });
    expect(first.out.some((line) => /^failed message .+: AccessDeniedException/.test(line))).toBe(true);
    expect(second.code).toBe(0);
    expect(rideIdsOnBus()).toEqual(['denied', 'ok-1', 'ok-2']);
    expect(emulators.sqs!.depth('consumer-dlq-partial')).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
  });

  it('skips and keeps a message that is not an event', async () => {
    // Prepare
    const deadLetterQueueUrl = await queueWith('consumer-dlq-garbage', [{ Id: 'garbage', MessageBody: 'hello' }]);

    // Act
    const { code, out } = await runCommand(['--function', 'eventbridge-consumer', '--source', 'dead-letter', '--dead-letter-queue-url', deadLetterQueueUrl, '--event-bus', BUS]);

    // Assess
    expect(code).toBe(0);
    expect(out).toContain('  skipped            1  (NOT_AN_EVENT: 1)');
    expect(out.at(-1)).toBe('1 kept: they cannot be re-driven as they are (see the skipped lines above)');
    expect(emulators.sqs!.depth('consumer-dlq-garbage')).toEqual({ visible: 1, inFlight: 0, delayed: 0 });
  });

  it('puts back only what was queued before the run: events whose target fails at once come back to the queue and wait for the next run, and the run ends', async () => {
    // Prepare: a target that fails with no retries, its events dead-lettered straight back to the
    // queue, as EventBridge does for a missing permission ("Using dead-letter queues to process
    // undelivered events in EventBridge"). The cap only bounds a run that would loop.
    const queueName = 'consumer-dlq-failing-again';
    const deadLetterQueueUrl = await queueWith(queueName, ['again-1', 'again-2'].map(dlqMessage));
    emulators.eventbridge!.clearPublished();
    const CAP = 20;
    let returned = 0;
    const rule = emulators.eventbridge!.addRule({
      name: 'consumer-without-permission',
      eventBusName: BUS,
      eventPattern: { source: ['wildrydes.rides'] },
      retryPolicy: { maximumRetryAttempts: 0 },
      target: () => Promise.reject(Object.assign(new Error('not authorized to invoke the function'), { name: 'AccessDeniedException' })),
      deadLetter: async (deadEvent) => {
        if (returned >= CAP) return;
        returned++;
        const { Id: _, ...message } = dlqMessage((deadEvent.detail as { rideId: string }).rideId);
        await sqs.send(new SendMessageCommand({ QueueUrl: deadLetterQueueUrl, ...message }));
      },
    });
    const argv = ['--function', 'eventbridge-consumer', '--source', 'dead-letter', '--dead-letter-queue-url', deadLetterQueueUrl, '--event-bus', BUS];

    // Act: long polling, so a receive waits for what comes back.
    const run = await runCommand(argv, { queue: { waitTimeSeconds: 1 } }).finally(() => rule.remove());
    await emulators.eventbridge!.whenIdle();

    // Assess
    expect(run.code).toBe(0);
    expect(rideIdsOnBus()).toEqual(['again-1', 'again-2']);
    expect(returned).toBe(2);
    expect(emulators.sqs!.depth(queueName)).toEqual({ visible: 2, inFlight: 0, delayed: 0 });
    expect(run.out).toContain('  deleted            2');
  });
});

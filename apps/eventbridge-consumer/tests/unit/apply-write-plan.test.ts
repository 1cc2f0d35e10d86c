import {
  DynamoDBClient,
  ProvisionedThroughputExceededException,
  ResourceNotFoundException,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  type CancellationReason,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Deadline } from '@wildrydes/aws-clients';
import { applyWritePlan, type ApplyWritePlanOptions } from '../../src/apply-write-plan.js';
import { healthPlan, ridePlan } from './plans.js';

const ddbMock = mockClient(DynamoDBClient);
const client = new DynamoDBClient({ region: 'eu-west-1' });

const cancelled = (reasons: CancellationReason[]) =>
  new TransactionCanceledException({ message: 'Transaction cancelled', $metadata: {}, CancellationReasons: reasons });

/** Options with a fake clock: sleeping advances it, nothing really waits. */
function fakeTime(remainingMs = 10_000) {
  let remaining = remainingMs;
  const sleeps: number[] = [];
  const deadline: Deadline = { remainingMs: () => remaining };
  const options: ApplyWritePlanOptions = {
    deadline,
    sleep: async (ms) => {
      sleeps.push(ms);
      remaining = Math.max(0, remaining - ms);
    },
    random: () => 0.5,
    retry: { baseDelayMs: 100, maxDelayMs: 1_000, maxAttempts: 4, minCallBudgetMs: 200 },
  };
  return { options, sleeps };
}

describe('applyWritePlan', () => {
  beforeEach(() => ddbMock.reset());
  afterEach(() => ddbMock.reset());

  it('sends the plan as one TransactWriteItems and reports it applied', async () => {
    // Prepare
    ddbMock.on(TransactWriteItemsCommand).resolves({});
    const plan = ridePlan({ rideId: 'ride-1' });

    // Act
    const result = await applyWritePlan(client, plan, fakeTime().options);

    // Assess
    expect(result).toEqual({ status: 'applied', attempts: 1 });
    const calls = ddbMock.commandCalls(TransactWriteItemsCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toEqual({ TransactItems: plan.items });
  });

  it('reports a ride whose marker exists as a duplicate, without retrying', async () => {
    ddbMock
      .on(TransactWriteItemsCommand)
      .rejects(cancelled([{ Code: 'ConditionalCheckFailed', Item: { eventId: { S: 'ride-completed-ride-1' } } }, { Code: 'None' }]));

    const result = await applyWritePlan(client, ridePlan({ rideId: 'ride-1' }), fakeTime().options);

    expect(result).toEqual({ status: 'duplicate', storedEventId: 'ride-completed-ride-1', attempts: 1 });
    expect(ddbMock.commandCalls(TransactWriteItemsCommand)).toHaveLength(1);
  });

  it('reports an older health alert as superseded, without retrying', async () => {
    ddbMock.on(TransactWriteItemsCommand).rejects(
      cancelled([{ Code: 'ConditionalCheckFailed', Item: { lastHealthAt: { S: '2026-11-21T12:00:00.000Z' }, lastHealthEventId: { S: 'newer' } } }]),
    );

    const result = await applyWritePlan(client, healthPlan({ statusTime: '2026-11-21T10:00:00.000Z' }), fakeTime().options);

    expect(result).toEqual({ status: 'superseded', storedEventId: 'newer', storedStatusTime: '2026-11-21T12:00:00.000Z', attempts: 1 });
  });

  it('retries a transaction conflict with backoff until it goes through', async () => {
    ddbMock
      .on(TransactWriteItemsCommand)
      .rejectsOnce(cancelled([{ Code: 'None' }, { Code: 'TransactionConflict' }]))
      .rejectsOnce(cancelled([{ Code: 'None' }, { Code: 'ThrottlingError' }]))
      .resolves({});
    const { options, sleeps } = fakeTime();

    const result = await applyWritePlan(client, ridePlan({ rideId: 'ride-1' }), options);

    expect(result).toEqual({ status: 'applied', attempts: 3 });
    expect(sleeps).toHaveLength(2);
  });

  it('finds a retry after a lost success to be a duplicate: the marker is already there', async () => {
    ddbMock
      .on(TransactWriteItemsCommand)
      .rejectsOnce(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
      .rejects(cancelled([{ Code: 'ConditionalCheckFailed', Item: { eventId: { S: 'ride-completed-ride-1' } } }, { Code: 'None' }]));

    const result = await applyWritePlan(client, ridePlan({ rideId: 'ride-1' }), fakeTime().options);

    expect(result).toMatchObject({ status: 'duplicate', attempts: 2 });
  });

  it('asks for a retry when throttling outlasts its attempts', async () => {
    ddbMock
      .on(TransactWriteItemsCommand)
      .rejects(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: { httpStatusCode: 400 } }));

    const result = await applyWritePlan(client, ridePlan({ rideId: 'ride-1' }), fakeTime().options);

    expect(result.status).toBe('retry');
    expect(result).toMatchObject({ attempts: 4 });
    expect(result.status === 'retry' && result.reason).toMatch(/^MaxAttemptsReached: ProvisionedThroughputExceededException: slow down/);
  });

  it('asks for a retry, without calling, when the deadline leaves no time', async () => {
    ddbMock.on(TransactWriteItemsCommand).resolves({});

    const result = await applyWritePlan(client, ridePlan({ rideId: 'ride-1' }), fakeTime(100).options);

    expect(result).toEqual({ status: 'retry', reason: 'DeadlineReached: not attempted', attempts: 0 });
    expect(ddbMock.commandCalls(TransactWriteItemsCommand)).toHaveLength(0);
  });

  it('asks for a retry on an environment error such as a missing table: the event is not at fault', async () => {
    ddbMock.on(TransactWriteItemsCommand).rejects(new ResourceNotFoundException({ message: 'Requested resource not found', $metadata: {} }));

    const result = await applyWritePlan(client, ridePlan({ rideId: 'ride-1' }), fakeTime().options);

    expect(result).toMatchObject({ status: 'retry', attempts: 1 });
  });

  it('rejects a plan DynamoDB refuses as invalid, without retrying', async () => {
    ddbMock.on(TransactWriteItemsCommand).rejects(cancelled([{ Code: 'ValidationError', Message: 'Item size has exceeded the maximum allowed size' }, { Code: 'None' }]));

    const result = await applyWritePlan(client, ridePlan({ rideId: 'ride-1' }), fakeTime().options);

    expect(result).toEqual({
      status: 'rejected',
      reason: 'TransactionCanceled: item 0: ValidationError (Item size has exceeded the maximum allowed size)',
      attempts: 1,
    });
  });

  it('rejects a request DynamoDB refuses as a whole with a ValidationException', async () => {
    const invalid = Object.assign(new Error('Invalid UpdateExpression'), { name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
    ddbMock.on(TransactWriteItemsCommand).rejects(invalid);

    const result = await applyWritePlan(client, ridePlan({ rideId: 'ride-1' }), fakeTime().options);

    expect(result).toEqual({ status: 'rejected', reason: 'ValidationException: Invalid UpdateExpression', attempts: 1 });
  });
});

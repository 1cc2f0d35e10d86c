import {
  BatchWriteItemCommand,
  DynamoDBClient,
  ProvisionedThroughputExceededException,
  ResourceNotFoundException,
  type BatchWriteItemCommandInput,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batchWriteItems, InvalidOptionsError, type BatchWriteItemsInput } from '../../src/index.js';
import { fakeTime, type FakeTime } from '../support/fake-time.js';
import { serviceError } from '../support/service-errors.js';

const TABLE = 'UnicornSensorData';
const ddbMock = mockClient(DynamoDBClient);
const client = new DynamoDBClient({ region: 'eu-west-1' });

function readings(count: number, name = 'Shadowfax') {
  return Array.from({ length: count }, (_, index) => ({
    ref: `seq-${index}`,
    item: { Name: name, StatusTime: `2026-11-21T10:00:${String(index).padStart(2, '0')}Z`, Distance: index },
  }));
}

function input(time: FakeTime, overrides: Partial<BatchWriteItemsInput<string>> = {}): BatchWriteItemsInput<string> {
  return {
    tableName: TABLE,
    keyAttributes: ['Name', 'StatusTime'],
    puts: readings(3),
    deadline: time.deadline,
    sleep: time.sleep,
    random: () => 0.5,
    retry: { baseDelayMs: 100, maxDelayMs: 1_000, maxAttempts: 5, minCallBudgetMs: 200 },
    ...overrides,
  };
}

/** The requests each BatchWriteItem call carried, as plain items. */
function sentItems(): Array<Array<Record<string, unknown>>> {
  return ddbMock
    .commandCalls(BatchWriteItemCommand)
    .map((call) => (call.args[0].input.RequestItems?.[TABLE] ?? []).map((request) => unmarshall(request.PutRequest?.Item ?? {})));
}

function requestsOf(request: BatchWriteItemCommandInput): WriteRequest[] {
  return request.RequestItems?.[TABLE] ?? [];
}

function isBad(request: WriteRequest): boolean {
  return request.PutRequest?.Item?.['Distance']?.N === '1';
}

describe('batchWriteItems', () => {
  let time: FakeTime;

  beforeEach(() => {
    ddbMock.reset();
    time = fakeTime(30_000);
  });

  afterEach(() => {
    ddbMock.reset();
  });

  it('writes everything in requests of at most 25 items and reports refs in input order', async () => {
    // Prepare
    ddbMock.on(BatchWriteItemCommand).resolves({});
    const puts = readings(60);

    // Act
    const result = await batchWriteItems(client, input(time, { puts }));

    // Assess
    expect(sentItems().map((items) => items.length)).toEqual([25, 25, 10]);
    expect(result).toEqual({ written: puts.map((put) => put.ref), superseded: [], failed: [], attempts: 3 });
    expect(time.sleeps).toEqual([]);
  });

  it('sends marshalled items without undefined attributes, with an abort signal for the deadline', async () => {
    // Prepare
    ddbMock.on(BatchWriteItemCommand).resolves({});
    const puts = [{ ref: 'r', item: { Name: 'Shadowfax', StatusTime: 't1', Note: undefined, HealthPoints: 150 } }];

    // Act
    await batchWriteItems(client, input(time, { puts }));

    // Assess
    const [call] = ddbMock.commandCalls(BatchWriteItemCommand);
    expect(call?.args[0].input).toEqual({
      RequestItems: { [TABLE]: [{ PutRequest: { Item: { Name: { S: 'Shadowfax' }, StatusTime: { S: 't1' }, HealthPoints: { N: '150' } } } }] },
    });
    const options = (call?.args as unknown[] | undefined)?.[1] as { abortSignal?: AbortSignal } | undefined;
    expect(options?.abortSignal).toBeInstanceOf(AbortSignal);
  });

  it('makes no calls for no puts', async () => {
    // Act
    const result = await batchWriteItems(client, input(time, { puts: [] }));

    // Assess
    expect(result).toEqual({ written: [], superseded: [], failed: [], attempts: 0 });
    expect(ddbMock.calls()).toHaveLength(0);
  });

  describe('items that can never be written', () => {
    it('fails items over 400 KB upfront, not retryable, and sends the rest', async () => {
      // Prepare
      ddbMock.on(BatchWriteItemCommand).resolves({});
      const puts = readings(2);
      puts[0]!.item = { ...puts[0]!.item, Blob: 'x'.repeat(400 * 1024) } as (typeof puts)[0]['item'];

      // Act
      const result = await batchWriteItems(client, input(time, { puts }));

      // Assess
      expect(result.written).toEqual(['seq-1']);
      expect(result.failed).toEqual([{ ref: 'seq-0', retryable: false, code: 'TooLarge', reason: expect.stringMatching(/^ItemTooLarge: /) }]);
      expect(sentItems()).toEqual([[puts[1]!.item]]);
    });

    it('fails items missing a key attribute upfront, not retryable', async () => {
      // Prepare
      ddbMock.on(BatchWriteItemCommand).resolves({});
      const puts = [{ ref: 'no-time', item: { Name: 'Shadowfax' } }, ...readings(1)];

      // Act
      const result = await batchWriteItems(client, input(time, { puts }));

      // Assess
      expect(result.failed).toEqual([{ ref: 'no-time', retryable: false, code: 'Invalid', reason: expect.stringMatching(/^MissingKeyAttribute/) }]);
      expect(result.written).toEqual(['seq-0']);
    });
  });

  describe('several puts of one key', () => {
    it('writes them one at a time, in input order, the other keys in the first request', async () => {
      // Prepare
      ddbMock.on(BatchWriteItemCommand).resolves({});
      const puts = [
        { ref: 'old', item: { Name: 'Shadowfax', StatusTime: 't1', HealthPoints: 100 } },
        { ref: 'other', item: { Name: 'Rocinante', StatusTime: 't1', HealthPoints: 90 } },
        { ref: 'new', item: { Name: 'Shadowfax', StatusTime: 't1', HealthPoints: 80 } },
      ];

      // Act
      const result = await batchWriteItems(client, input(time, { puts }));

      // Assess
      expect(sentItems()).toEqual([[puts[0]!.item, puts[1]!.item], [puts[2]!.item]]);
      expect(result).toEqual({ written: ['old', 'other', 'new'], superseded: [], failed: [], attempts: 2 });
    });

    it('sends an item repeated by the next put of its key once, and reports the earlier put superseded', async () => {
      // Prepare
      ddbMock.on(BatchWriteItemCommand).resolves({});
      const replayed = { Name: 'Shadowfax', StatusTime: 't1', HealthPoints: 100 };
      const puts = [
        { ref: 'first', item: replayed },
        { ref: 'replay', item: { ...replayed } },
      ];

      // Act
      const result = await batchWriteItems(client, input(time, { puts }));

      // Assess
      expect(sentItems()).toEqual([[replayed]]);
      expect(result).toEqual({ written: ['replay'], superseded: ['first'], failed: [], attempts: 1 });
    });

    it('writes the earlier put and fails only the later one when DynamoDB rejects the later one for good', async () => {
      // Prepare: DynamoDB rejects any request that holds the later put ("Number underflow")
      ddbMock.on(BatchWriteItemCommand).callsFake((request: BatchWriteItemCommandInput) => {
        if (requestsOf(request).some(isBad)) throw serviceError('ValidationException', 'Number underflow');
        return {};
      });
      const puts = [
        { ref: 'old', item: { Name: 'Shadowfax', StatusTime: 't1', Distance: 0 } },
        { ref: 'new', item: { Name: 'Shadowfax', StatusTime: 't1', Distance: 1 } },
      ];

      // Act
      const result = await batchWriteItems(client, input(time, { puts }));

      // Assess
      expect(result.written).toEqual(['old']);
      expect(result.superseded).toEqual([]);
      expect(result.failed).toEqual([
        { ref: 'new', retryable: false, code: 'Invalid', reason: 'ValidationException: Number underflow', cause: expect.any(Error) },
      ]);
      expect(sentItems()).toEqual([[puts[0]!.item], [puts[1]!.item]]);
    });

    it('goes on with the next put of a key after one that fails for good', async () => {
      // Prepare
      ddbMock.on(BatchWriteItemCommand).callsFake((request: BatchWriteItemCommandInput) => {
        if (requestsOf(request).some(isBad)) throw serviceError('ValidationException', 'Number underflow');
        return {};
      });
      const puts = [0, 1, 2].map((distance) => ({ ref: `v${distance}`, item: { Name: 'Shadowfax', StatusTime: 't1', Distance: distance } }));

      // Act
      const result = await batchWriteItems(client, input(time, { puts }));

      // Assess
      expect(result.written).toEqual(['v0', 'v2']);
      expect(result.failed.map(({ ref, retryable }) => ({ ref, retryable }))).toEqual([{ ref: 'v1', retryable: false }]);
      expect(sentItems().map((items) => items.map((item) => item['Distance']))).toEqual([[0], [1], [2]]);
    });

    it('fails an item repeated by the next put of its key for good with it: the same item, the same verdict', async () => {
      // Prepare
      ddbMock.on(BatchWriteItemCommand).rejects(serviceError('ValidationException', 'Number underflow'));
      const bad = { Name: 'Shadowfax', StatusTime: 't1', Distance: 1 };
      const puts = [
        { ref: 'first', item: bad },
        { ref: 'replay', item: { ...bad } },
      ];

      // Act
      const result = await batchWriteItems(client, input(time, { puts }));

      // Assess
      expect(result.failed.map(({ ref, retryable, code }) => ({ ref, retryable, code }))).toEqual([
        { ref: 'first', retryable: false, code: 'Invalid' },
        { ref: 'replay', retryable: false, code: 'Invalid' },
      ]);
      expect(sentItems()).toEqual([[bad]]);
    });

    it('holds a key behind a put that fails retryably: its later puts are not sent and fail BlockedByEarlierFailure', async () => {
      // Prepare: every request holding the first put of Shadowfax is throttled
      ddbMock.on(BatchWriteItemCommand).callsFake((request: BatchWriteItemCommandInput) => {
        const requests = requestsOf(request);
        const held = requests.filter((write) => write.PutRequest?.Item?.['HealthPoints']?.N === '100');
        return held.length === 0 ? {} : { UnprocessedItems: { [TABLE]: held } };
      });
      const puts = [
        { ref: 'old', item: { Name: 'Shadowfax', StatusTime: 't1', HealthPoints: 100 } },
        { ref: 'other', item: { Name: 'Rocinante', StatusTime: 't1', HealthPoints: 90 } },
        { ref: 'new', item: { Name: 'Shadowfax', StatusTime: 't1', HealthPoints: 80 } },
      ];

      // Act
      const result = await batchWriteItems(client, input(time, { puts, retry: { maxAttempts: 2 } }));

      // Assess
      expect(result.written).toEqual(['other']);
      expect(result.failed.map(({ ref, retryable, code, reason }) => ({ ref, retryable, code, reason }))).toEqual([
        { ref: 'old', retryable: true, code: 'MaxAttemptsReached', reason: 'MaxAttemptsReached: UnprocessedItems after 2 attempt(s)' },
        {
          ref: 'new',
          retryable: true,
          code: 'BlockedByEarlierFailure',
          reason: 'BlockedByEarlierFailure: not sent, because the earlier put at input position 0 with the same key was not written',
        },
      ]);
      expect(sentItems().flat().filter((item) => item['HealthPoints'] === 80)).toEqual([]);
    });

    it('fails an item repeated by the next put of its key retryable with it when that one is still unprocessed at the end', async () => {
      // Prepare
      ddbMock.on(BatchWriteItemCommand).callsFake((request: BatchWriteItemCommandInput) => ({
        UnprocessedItems: { [TABLE]: requestsOf(request) },
      }));
      const puts = [
        { ref: 'old', item: { Name: 'Shadowfax', StatusTime: 't1' } },
        { ref: 'new', item: { Name: 'Shadowfax', StatusTime: 't1' } },
      ];

      // Act
      const result = await batchWriteItems(client, input(time, { puts, retry: { maxAttempts: 2 } }));

      // Assess
      expect(result.failed.map(({ ref, retryable, code, reason }) => ({ ref, retryable, code, reason }))).toEqual([
        { ref: 'old', retryable: true, code: 'MaxAttemptsReached', reason: 'MaxAttemptsReached: UnprocessedItems after 2 attempt(s)' },
        { ref: 'new', retryable: true, code: 'MaxAttemptsReached', reason: 'MaxAttemptsReached: UnprocessedItems after 2 attempt(s)' },
      ]);
    });
  });

  describe('retries', () => {
    it('resends exactly the UnprocessedItems, after a jittered backoff', async () => {
      // Prepare
      const puts = readings(5);
      ddbMock
        .on(BatchWriteItemCommand)
        .callsFakeOnce((request: BatchWriteItemCommandInput) => {
          const requests = requestsOf(request);
          return { UnprocessedItems: { [TABLE]: [requests[1]!, requests[3]!] } };
        })
        .resolves({});

      // Act
      const result = await batchWriteItems(client, input(time, { puts }));

      // Assess
      const sent = sentItems();
      expect(sent).toHaveLength(2);
      expect(sent[1]).toEqual([puts[1]!.item, puts[3]!.item]);
      expect(result).toEqual({ written: puts.map((put) => put.ref), superseded: [], failed: [], attempts: 2 });
      expect(time.sleeps).toEqual([50]);
    });

    it('retries a throttled request until it succeeds, with growing delays', async () => {
      // Prepare
      const throttled = new ProvisionedThroughputExceededException({ message: 'Throughput exceeded', $metadata: {} });
      ddbMock.on(BatchWriteItemCommand).rejectsOnce(throttled).rejectsOnce(throttled).resolves({});

      // Act
      const result = await batchWriteItems(client, input(time));

      // Assess
      expect(result).toEqual({ written: ['seq-0', 'seq-1', 'seq-2'], superseded: [], failed: [], attempts: 3 });
      expect(time.sleeps).toEqual([50, 100]);
      const sent = sentItems();
      expect(sent).toHaveLength(3);
      expect(sent[1]).toEqual(sent[0]);
      expect(sent[2]).toEqual(sent[0]);
    });

    it('stops at maxAttempts and fails what remains, retryable, with the last error', async () => {
      // Prepare
      const throttled = new ProvisionedThroughputExceededException({ message: 'Throughput exceeded', $metadata: {} });
      ddbMock.on(BatchWriteItemCommand).rejects(throttled);

      // Act
      const result = await batchWriteItems(client, input(time, { retry: { maxAttempts: 3 } }));

      // Assess
      expect(ddbMock.commandCalls(BatchWriteItemCommand)).toHaveLength(3);
      expect(result.attempts).toBe(3);
      expect(result.failed).toHaveLength(3);
      expect(result.failed[0]).toEqual({
        ref: 'seq-0',
        retryable: true,
        code: 'MaxAttemptsReached',
        reason: 'MaxAttemptsReached: ProvisionedThroughputExceededException: Throughput exceeded after 3 attempt(s)',
        cause: throttled,
      });
    });

    it('uses the default retry settings when none are given', async () => {
      // Prepare
      ddbMock.on(BatchWriteItemCommand).rejects(serviceError('ThrottlingException', 'slow', 400));

      // Act
      const result = await batchWriteItems(client, input(time, { retry: undefined, random: undefined }));

      // Assess: 10 attempts, delays capped at 2 s, all within the 30 s deadline
      expect(result.attempts).toBe(10);
      expect(time.sleeps).toHaveLength(9);
      for (const [retryIndex, delay] of time.sleeps.entries()) expect(delay).toBeLessThan(Math.min(2_000, 50 * 2 ** retryIndex));
    });
  });

  describe('the deadline', () => {
    it('makes no call at all when too little time is left, failing everything retryable', async () => {
      // Prepare
      const late = fakeTime(150);

      // Act
      const result = await batchWriteItems(client, input(late));

      // Assess
      expect(ddbMock.calls()).toHaveLength(0);
      expect(result.failed).toEqual(
        ['seq-0', 'seq-1', 'seq-2'].map((ref) => ({ ref, retryable: true, code: 'DeadlineReached', reason: 'DeadlineReached: not attempted' })),
      );
      expect(result.attempts).toBe(0);
    });

    it('stops retrying when the time left does not cover the delay and a call', async () => {
      // Prepare: each call takes 29.76 s, leaving 240 ms < 50 ms delay + 200 ms budget
      ddbMock.on(BatchWriteItemCommand).callsFake((request: BatchWriteItemCommandInput) => {
        time.advance(29_760);
        return { UnprocessedItems: { [TABLE]: requestsOf(request).slice(2) } };
      });

      // Act
      const result = await batchWriteItems(client, input(time));

      // Assess
      expect(ddbMock.calls()).toHaveLength(1);
      expect(time.sleeps).toEqual([]);
      expect(result.written).toEqual(['seq-0', 'seq-1']);
      expect(result.failed).toEqual([
        { ref: 'seq-2', retryable: true, code: 'DeadlineReached', reason: 'DeadlineReached: UnprocessedItems after 1 attempt(s)' },
      ]);
    });

    it('does not call again when a backoff sleep overran the deadline', async () => {
      // Prepare: the sleep takes far longer than asked (a frozen container, a slow event loop)
      ddbMock.on(BatchWriteItemCommand).rejects(serviceError('ThrottlingException', 'slow'));
      const overrunningSleep = async (ms: number) => {
        time.sleeps.push(ms);
        time.advance(29_900);
      };

      // Act
      const result = await batchWriteItems(client, input(time, { sleep: overrunningSleep }));

      // Assess
      expect(ddbMock.calls()).toHaveLength(1);
      expect(result.failed.map(({ code, reason }) => ({ code, reason }))).toEqual(
        Array(3).fill({ code: 'DeadlineReached', reason: 'DeadlineReached: ThrottlingException: slow after 1 attempt(s)' }),
      );
    });

    it('stops chunks that have not started once the deadline is near', async () => {
      // Prepare: the first chunk uses up the time, the second never starts
      ddbMock.on(BatchWriteItemCommand).callsFake(() => {
        time.advance(29_900);
        return {};
      });

      // Act
      const result = await batchWriteItems(client, input(time, { puts: readings(30), concurrency: 1 }));

      // Assess
      expect(ddbMock.calls()).toHaveLength(1);
      expect(result.written).toHaveLength(25);
      expect(result.failed.map((failure) => failure.reason)).toEqual(Array(5).fill('DeadlineReached: not attempted'));
    });
  });

  describe('rejected requests', () => {
    it('isolates a ValidationException to the one bad item', async () => {
      // Prepare: DynamoDB rejects any request that contains the bad item
      ddbMock.on(BatchWriteItemCommand).callsFake((request: BatchWriteItemCommandInput) => {
        if (requestsOf(request).some(isBad)) throw serviceError('ValidationException', 'Type mismatch for attribute Distance');
        return {};
      });

      // Act
      const result = await batchWriteItems(client, input(time));

      // Assess
      expect(result.written).toEqual(['seq-0', 'seq-2']);
      expect(result.failed).toEqual([
        { ref: 'seq-1', retryable: false, code: 'Invalid', reason: 'ValidationException: Type mismatch for attribute Distance', cause: expect.any(Error) },
      ]);
      expect(sentItems().map((items) => items.length)).toEqual([3, 1, 1, 1]);
      expect(result.attempts).toBe(4);
    });

    it('fails an item DynamoDB refuses for its size with code TooLarge, not retryable', async () => {
      // Prepare: an item the estimate let through, but DynamoDB finds over 400 KB
      ddbMock.on(BatchWriteItemCommand).callsFake((request: BatchWriteItemCommandInput) => {
        if (requestsOf(request).some(isBad)) throw serviceError('ValidationException', 'Item size has exceeded the maximum allowed size');
        return {};
      });

      // Act
      const result = await batchWriteItems(client, input(time));

      // Assess
      expect(result.written).toEqual(['seq-0', 'seq-2']);
      expect(result.failed).toEqual([
        { ref: 'seq-1', retryable: false, code: 'TooLarge', reason: 'ValidationException: Item size has exceeded the maximum allowed size', cause: expect.any(Error) },
      ]);
    });

    it('retries an isolated item that is throttled, on its own budget', async () => {
      // Prepare
      let throttledOnce = false;
      ddbMock.on(BatchWriteItemCommand).callsFake((request: BatchWriteItemCommandInput) => {
        const requests = requestsOf(request);
        if (requests.some(isBad)) throw serviceError('ValidationException', 'bad');
        if (requests.length === 1 && !throttledOnce) {
          throttledOnce = true;
          throw serviceError('ThrottlingException', 'slow');
        }
        return {};
      });

      // Act
      const result = await batchWriteItems(client, input(time, { puts: readings(2).reverse() }));

      // Assess: [1,0] rejected; 1 alone rejected; 0 alone throttled, then written
      expect(result.written).toEqual(['seq-0']);
      expect(result.failed.map((failure) => failure.ref)).toEqual(['seq-1']);
      expect(result.attempts).toBe(4);
    });

    it('fails the request items retryable, without retrying or splitting, when the table is missing', async () => {
      // Prepare
      const missing = new ResourceNotFoundException({ message: 'Requested resource not found', $metadata: { httpStatusCode: 400 } });
      ddbMock.on(BatchWriteItemCommand).rejects(missing);

      // Act
      const result = await batchWriteItems(client, input(time));

      // Assess
      expect(ddbMock.calls()).toHaveLength(1);
      expect(result.failed).toEqual(
        ['seq-0', 'seq-1', 'seq-2'].map((ref) => ({
          ref,
          retryable: true,
          code: 'Environment',
          reason: 'ResourceNotFoundException: Requested resource not found',
          cause: missing,
        })),
      );
    });
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    // Prepare
    let inFlight = 0;
    let peak = 0;
    ddbMock.on(BatchWriteItemCommand).callsFake(async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
      return {};
    });

    // Act
    const result = await batchWriteItems(client, input(time, { puts: readings(200), concurrency: 3 }));

    // Assess
    expect(result.written).toHaveLength(200);
    expect(result.attempts).toBe(8);
    expect(peak).toBe(3);
  });

  describe('programmer errors', () => {
    it.each([
      ['no key attributes', { keyAttributes: [] }, "keyAttributes must name the table's key attributes (given [])"],
      ['an empty table name', { tableName: '' }, 'tableName must not be empty'],
      ['a concurrency of 0', { concurrency: 0 }, 'concurrency must be an integer >= 1 (given 0)'],
      ['no attempts', { retry: { maxAttempts: 0 } }, 'retry.maxAttempts must be an integer >= 1 (given 0)'],
    ])('throws for %s', async (_label, overrides, message) => {
      // Act & Assess
      await expect(batchWriteItems(client, input(time, overrides))).rejects.toThrow(new InvalidOptionsError(message));
      expect(ddbMock.calls()).toHaveLength(0);
    });
  });
});

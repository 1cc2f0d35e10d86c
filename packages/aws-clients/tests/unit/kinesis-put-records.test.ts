import {
  InvalidArgumentException,
  KinesisClient,
  ProvisionedThroughputExceededException,
  PutRecordsCommand,
  ResourceNotFoundException,
  type PutRecordsCommandInput,
  type PutRecordsResultEntry,
} from '@aws-sdk/client-kinesis';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidOptionsError, putRecords, type KinesisRecordInput, type PutRecordsInput, type WriteFailureCode } from '../../src/index.js';
import { fakeTime, type FakeTime } from '../support/fake-time.js';
import { randomInt, seededRandom } from '../support/seeded-random.js';
import { serviceError } from '../support/service-errors.js';

const STREAM = 'unicorn-telemetry-clean';
const kinesisMock = mockClient(KinesisClient);
const client = new KinesisClient({ region: 'eu-west-1' });
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Records `r<i>` with ref `seq-<i>`; the partition key of each is given by `keys` (default: one key per record). */
function records(count: number, keys: (index: number) => string = (index) => `unicorn-${index}`): Array<KinesisRecordInput<string>> {
  return Array.from({ length: count }, (_, index) => ({ ref: `seq-${index}`, partitionKey: keys(index), data: encoder.encode(`r${index}`) }));
}

/** Records for a sequence of partition keys: `keyed('A', 'A', 'B')`. */
function keyed(...keys: string[]): Array<KinesisRecordInput<string>> {
  return records(keys.length, (index) => keys[index] as string);
}

function input(time: FakeTime, overrides: Partial<PutRecordsInput<string>> = {}): PutRecordsInput<string> {
  return {
    streamName: STREAM,
    records: records(3),
    deadline: time.deadline,
    sleep: time.sleep,
    random: () => 0.5,
    retry: { baseDelayMs: 100, maxDelayMs: 1_000, maxAttempts: 5, minCallBudgetMs: 200 },
    ...overrides,
  };
}

/** The data (`r<i>`) each PutRecords call carried. */
function sentData(): string[][] {
  return kinesisMock.commandCalls(PutRecordsCommand).map((call) => (call.args[0].input.Records ?? []).map((entry) => decoder.decode(entry.Data)));
}

function dataOf(entry: { Data?: Uint8Array }): string {
  return decoder.decode(entry.Data);
}

const throttled: PutRecordsResultEntry = {
  ErrorCode: 'ProvisionedThroughputExceededException',
  ErrorMessage: 'Rate exceeded for shard shardId-000000000000 in stream unicorn-telemetry-clean',
};
const internalFailure: PutRecordsResultEntry = { ErrorCode: 'InternalFailure', ErrorMessage: 'Internal service failure.' };

/**
 * A fake stream: each call's entries succeed unless `failure` names an error for them (given the
 * entry's data and how many times it was sent). It logs every successful write in order.
 */
function fakeStream(failure: (data: string, sendCount: number) => PutRecordsResultEntry | undefined = () => undefined) {
  const writes: Array<{ partitionKey: string; data: string; sequenceNumber: string }> = [];
  const sendCounts = new Map<string, number>();
  let sequence = 0;
  kinesisMock.on(PutRecordsCommand).callsFake((request: PutRecordsCommandInput) => {
    const results = (request.Records ?? []).map((entry): PutRecordsResultEntry => {
      const data = dataOf(entry);
      const sendCount = (sendCounts.get(data) ?? 0) + 1;
      sendCounts.set(data, sendCount);
      const error = failure(data, sendCount);
      if (error) return error;
      const sequenceNumber = String(++sequence).padStart(6, '0');
      writes.push({ partitionKey: entry.PartitionKey ?? '', data, sequenceNumber });
      return { SequenceNumber: sequenceNumber, ShardId: `shardId-${entry.PartitionKey}` };
    });
    return { FailedRecordCount: results.filter((result) => result.ErrorCode).length, Records: results };
  });
  return { writes };
}

describe('putRecords', () => {
  let time: FakeTime;

  beforeEach(() => {
    kinesisMock.reset();
    time = fakeTime(30_000);
  });

  afterEach(() => {
    kinesisMock.reset();
  });

  it('writes every record and reports its sequence number and shard, in input order', async () => {
    // Prepare
    fakeStream();

    // Act
    const result = await putRecords(client, input(time));

    // Assess
    expect(result).toEqual({
      written: [
        { ref: 'seq-0', sequenceNumber: '000001', shardId: 'shardId-unicorn-0' },
        { ref: 'seq-1', sequenceNumber: '000002', shardId: 'shardId-unicorn-1' },
        { ref: 'seq-2', sequenceNumber: '000003', shardId: 'shardId-unicorn-2' },
      ],
      failed: [],
      attempts: 1,
    });
    expect(time.sleeps).toEqual([]);
  });

  it('sends the stream name, partition keys, data and explicit hash keys, with an abort signal for the deadline', async () => {
    // Prepare
    fakeStream();
    const withHashKey = [{ ref: 'a', partitionKey: 'Shadowfax', data: encoder.encode('x'), explicitHashKey: '42' }];

    // Act
    await putRecords(client, input(time, { records: withHashKey }));

    // Assess
    const [call] = kinesisMock.commandCalls(PutRecordsCommand);
    expect(call?.args[0].input).toEqual({
      StreamName: STREAM,
      Records: [{ PartitionKey: 'Shadowfax', Data: encoder.encode('x'), ExplicitHashKey: '42' }],
    });
    const options = (call?.args as unknown[] | undefined)?.[1] as { abortSignal?: AbortSignal } | undefined;
    expect(options?.abortSignal).toBeInstanceOf(AbortSignal);
  });

  it('makes no calls for no records', async () => {
    // Act
    const result = await putRecords(client, input(time, { records: [] }));

    // Assess
    expect(result).toEqual({ written: [], failed: [], attempts: 0 });
    expect(kinesisMock.calls()).toHaveLength(0);
  });

  describe('request splitting', () => {
    it('sends at most 500 records per request', async () => {
      // Prepare
      fakeStream();

      // Act
      const result = await putRecords(client, input(time, { records: records(1_200) }));

      // Assess
      expect(sentData().map((request) => request.length)).toEqual([500, 500, 200]);
      expect(result.written).toHaveLength(1_200);
      expect(result.attempts).toBe(3);
    });

    it('keeps requests within 5 MiB, counting data and partition keys', async () => {
      // Prepare: 6 records of 1 MiB - 5 bytes (data 1 MiB - 12, key 7 bytes): 5 fit in 5 MiB, not 6
      fakeStream();
      const big = Array.from({ length: 6 }, (_, index) => ({
        ref: `seq-${index}`,
        partitionKey: `key-${index}`.padEnd(7, '_'),
        data: new Uint8Array(1024 * 1024 - 12),
      }));

      // Act
      const result = await putRecords(client, input(time, { records: big }));

      // Assess
      expect(kinesisMock.commandCalls(PutRecordsCommand).map((call) => call.args[0].input.Records?.length)).toEqual([5, 1]);
      expect(result.written).toHaveLength(6);
    });

    it('follows the limits given as settings', async () => {
      // Prepare: records of 2 + 3 = 5 bytes
      fakeStream();

      // Act
      await putRecords(client, input(time, { records: records(7, (index) => `k${index}`), limits: { maxRecordsPerRequest: 3, maxRequestBytes: 10, maxRecordBytes: 10 } }));

      // Assess
      expect(sentData()).toEqual([['r0', 'r1'], ['r2', 'r3'], ['r4', 'r5'], ['r6']]);
    });
  });

  describe('records that can never be written', () => {
    it('fails a record over 1 MiB (data plus partition key) upfront, not retryable, and writes the rest', async () => {
      // Prepare
      fakeStream();
      const batch = records(3);
      batch[1] = { ...batch[1]!, data: new Uint8Array(1024 * 1024) };

      // Act
      const result = await putRecords(client, input(time, { records: batch }));

      // Assess
      expect(result.failed).toEqual([
        { ref: 'seq-1', retryable: false, code: 'TooLarge', reason: 'RecordTooLarge: 1048585 bytes > limit 1048576 bytes (data plus partition key)' },
      ]);
      expect(result.written.map((written) => written.ref)).toEqual(['seq-0', 'seq-2']);
      expect(sentData()).toEqual([['r0', 'r2']]);
    });

    it('fails empty and over-long partition keys upfront, not retryable', async () => {
      // Prepare
      fakeStream();
      const batch = keyed('', 'x'.repeat(257), 'ok');

      // Act
      const result = await putRecords(client, input(time, { records: batch }));

      // Assess
      expect(result.failed).toEqual([
        { ref: 'seq-0', retryable: false, code: 'Invalid', reason: 'InvalidPartitionKey: must be 1 to 256 characters (given 0)' },
        { ref: 'seq-1', retryable: false, code: 'Invalid', reason: 'InvalidPartitionKey: must be 1 to 256 characters (given 257)' },
      ]);
      expect(sentData()).toEqual([['r2']]);
    });

    it('does not hold a key behind a record that can never be written: it goes to the quarantine', async () => {
      // Prepare
      fakeStream();
      const batch = keyed('A', 'A', 'A');
      batch[0] = { ...batch[0]!, data: new Uint8Array(1024 * 1024) };

      // Act
      const result = await putRecords(client, input(time, { records: batch }));

      // Assess
      expect(result.written.map((written) => written.ref)).toEqual(['seq-1', 'seq-2']);
      expect(result.failed.map(({ ref, retryable }) => ({ ref, retryable }))).toEqual([{ ref: 'seq-0', retryable: false }]);
    });
  });

  describe('retries', () => {
    it('resends exactly the failed entries of a partial failure, after a jittered backoff', async () => {
      // Prepare: the first call fails entries 1 and 3
      kinesisMock
        .on(PutRecordsCommand)
        .resolvesOnce({
          FailedRecordCount: 2,
          Records: [{ SequenceNumber: '1', ShardId: 's-0' }, throttled, { SequenceNumber: '2', ShardId: 's-0' }, internalFailure, { SequenceNumber: '3', ShardId: 's-1' }],
        })
        .resolves({ FailedRecordCount: 0, Records: [{ SequenceNumber: '4', ShardId: 's-1' }, { SequenceNumber: '5', ShardId: 's-0' }] });
      const batch = records(5);

      // Act
      const result = await putRecords(client, input(time, { records: batch }));

      // Assess
      const calls = kinesisMock.commandCalls(PutRecordsCommand);
      expect(calls).toHaveLength(2);
      expect(calls[1]?.args[0].input).toEqual({
        StreamName: STREAM,
        Records: [
          { PartitionKey: 'unicorn-1', Data: encoder.encode('r1') },
          { PartitionKey: 'unicorn-3', Data: encoder.encode('r3') },
        ],
      });
      expect(result).toEqual({
        written: [
          { ref: 'seq-0', sequenceNumber: '1', shardId: 's-0' },
          { ref: 'seq-1', sequenceNumber: '4', shardId: 's-1' },
          { ref: 'seq-2', sequenceNumber: '2', shardId: 's-0' },
          { ref: 'seq-3', sequenceNumber: '5', shardId: 's-0' },
          { ref: 'seq-4', sequenceNumber: '3', shardId: 's-1' },
        ],
        failed: [],
        attempts: 2,
      });
      expect(time.sleeps).toEqual([50]);
    });

    it('retries KMS throttling of an entry', async () => {
      // Prepare
      fakeStream((_data, sendCount) => (sendCount === 1 ? { ErrorCode: 'KMSThrottlingException', ErrorMessage: 'Rate exceeded' } : undefined));

      // Act
      const result = await putRecords(client, input(time, { records: records(1) }));

      // Assess
      expect(result.written).toHaveLength(1);
      expect(result.attempts).toBe(2);
    });

    it('retries a throttled request until it succeeds, with growing delays', async () => {
      // Prepare
      const error = new ProvisionedThroughputExceededException({ message: 'Rate exceeded for stream', $metadata: {} });
      kinesisMock
        .on(PutRecordsCommand)
        .rejectsOnce(error)
        .rejectsOnce(error)
        .resolves({ FailedRecordCount: 0, Records: [0, 1, 2].map((index) => ({ SequenceNumber: String(index), ShardId: 's' })) });

      // Act
      const result = await putRecords(client, input(time));

      // Assess
      expect(result.written.map((written) => written.ref)).toEqual(['seq-0', 'seq-1', 'seq-2']);
      expect(result.attempts).toBe(3);
      expect(time.sleeps).toEqual([50, 100]);
      expect(sentData()).toEqual([
        ['r0', 'r1', 'r2'],
        ['r0', 'r1', 'r2'],
        ['r0', 'r1', 'r2'],
      ]);
    });

    it('stops at maxAttempts for a record, fails it with its last error, and goes on with other keys', async () => {
      // Prepare: r0 always fails
      fakeStream((data) => (data === 'r0' ? internalFailure : undefined));
      const batch = keyed('A', 'B', 'A', 'B');

      // Act
      const result = await putRecords(client, input(time, { records: batch, retry: { maxAttempts: 3 } }));

      // Assess
      expect(result.written.map((written) => written.ref)).toEqual(['seq-1', 'seq-3']);
      expect(result.failed).toEqual([
        { ref: 'seq-0', retryable: true, code: 'MaxAttemptsReached', reason: 'MaxAttemptsReached: InternalFailure: Internal service failure. after 3 attempt(s)' },
        {
          ref: 'seq-2',
          retryable: true,
          code: 'BlockedByEarlierFailure',
          reason: 'BlockedByEarlierFailure: not sent, because the earlier record at input position 0 with the same partition key was not written (MaxAttemptsReached)',
        },
      ]);
      expect(sentData()).toEqual([['r0', 'r1'], ['r0', 'r3'], ['r0']]);
    });

    it('uses the default retry settings when none are given', async () => {
      // Prepare
      kinesisMock.on(PutRecordsCommand).rejects(serviceError('ThrottlingException', 'slow'));

      // Act
      const result = await putRecords(client, input(time, { retry: undefined, random: undefined }));

      // Assess: 10 attempts, delays under the capped exponential ceiling
      expect(result.attempts).toBe(10);
      expect(time.sleeps).toHaveLength(9);
      for (const [retryIndex, delay] of time.sleeps.entries()) expect(delay).toBeLessThan(Math.min(2_000, 50 * 2 ** retryIndex));
      expect(result.failed.map(({ code, reason }) => ({ code, reason }))).toEqual(
        Array(3).fill({ code: 'MaxAttemptsReached', reason: 'MaxAttemptsReached: ThrottlingException: slow after 10 attempt(s)' }),
      );
    });
  });

  describe('errors that retrying now will not fix', () => {
    it('fails a KMS access error of an entry retryable, without retrying it, holding its key', async () => {
      // Prepare
      fakeStream((data) => (data === 'r0' ? { ErrorCode: 'KMSAccessDeniedException', ErrorMessage: 'User is not authorized to use the key' } : undefined));
      const batch = keyed('A', 'B', 'A');

      // Act
      const result = await putRecords(client, input(time, { records: batch }));

      // Assess
      expect(sentData()).toEqual([['r0', 'r1']]);
      expect(result.written.map((written) => written.ref)).toEqual(['seq-1']);
      expect(result.failed).toEqual([
        { ref: 'seq-0', retryable: true, code: 'Environment', reason: 'KMSAccessDeniedException: User is not authorized to use the key' },
        {
          ref: 'seq-2',
          retryable: true,
          code: 'BlockedByEarlierFailure',
          reason: 'BlockedByEarlierFailure: not sent, because the earlier record at input position 0 with the same partition key was not written (KMSAccessDeniedException)',
        },
      ]);
      expect(time.sleeps).toEqual([]);
    });

    it('fails every record retryable after one call when the stream is missing', async () => {
      // Prepare
      const missing = new ResourceNotFoundException({ message: 'Stream unicorn-telemetry-clean not found', $metadata: { httpStatusCode: 400 } });
      kinesisMock.on(PutRecordsCommand).rejects(missing);

      // Act
      const result = await putRecords(client, input(time, { records: keyed('A', 'B', 'A') }));

      // Assess
      expect(result.attempts).toBe(1);
      expect(result.failed.map(({ ref, retryable, code, reason }) => ({ ref, retryable, code, reason }))).toEqual([
        { ref: 'seq-0', retryable: true, code: 'Environment', reason: 'ResourceNotFoundException: Stream unicorn-telemetry-clean not found' },
        { ref: 'seq-1', retryable: true, code: 'Environment', reason: 'ResourceNotFoundException: Stream unicorn-telemetry-clean not found' },
        {
          ref: 'seq-2',
          retryable: true,
          code: 'BlockedByEarlierFailure',
          reason: 'BlockedByEarlierFailure: not sent, because the earlier record at input position 0 with the same partition key was not written (ResourceNotFoundException)',
        },
      ]);
      expect(result.failed[0]?.cause).toBe(missing);
    });

    it('isolates a request rejected as invalid to its bad record, which then does not hold its key', async () => {
      // Prepare: any request with r1 in it is rejected
      let sequence = 0;
      kinesisMock.on(PutRecordsCommand).callsFake((request: PutRecordsCommandInput) => {
        const entries = request.Records ?? [];
        if (entries.some((entry) => dataOf(entry) === 'r1')) throw new InvalidArgumentException({ message: 'Bad record', $metadata: {} });
        return { FailedRecordCount: 0, Records: entries.map(() => ({ SequenceNumber: String(++sequence), ShardId: 's' })) };
      });

      // Act
      const result = await putRecords(client, input(time, { records: keyed('A', 'B', 'B') }));

      // Assess: [r0, r1] rejected; r0 and r1 alone; r1 rejected alone; then r2
      expect(sentData()).toEqual([['r0', 'r1'], ['r0'], ['r1'], ['r2']]);
      expect(result.written.map((written) => written.ref)).toEqual(['seq-0', 'seq-2']);
      expect(result.failed).toEqual([
        { ref: 'seq-1', retryable: false, code: 'Invalid', reason: 'InvalidArgumentException: Bad record', cause: expect.any(InvalidArgumentException) },
      ]);
      expect(time.sleeps).toEqual([]);
    });

    it('fails an entry whose code says it is invalid, not retryable', async () => {
      // Prepare
      fakeStream((data) => (data === 'r0' ? { ErrorCode: 'InvalidArgument', ErrorMessage: 'Bad data' } : undefined));

      // Act
      const result = await putRecords(client, input(time, { records: records(1) }));

      // Assess
      expect(result.failed).toEqual([{ ref: 'seq-0', retryable: false, code: 'Invalid', reason: 'InvalidArgument: Bad data' }]);
    });
  });

  describe('responses that cannot be trusted', () => {
    it('retries every record of a response whose results do not line up with the request', async () => {
      // Prepare
      kinesisMock
        .on(PutRecordsCommand)
        .resolvesOnce({ FailedRecordCount: 0, Records: [{ SequenceNumber: '1', ShardId: 's' }] })
        .resolves({ FailedRecordCount: 0, Records: [{ SequenceNumber: '2', ShardId: 's' }, { SequenceNumber: '3', ShardId: 's' }] });

      // Act
      const result = await putRecords(client, input(time, { records: records(2) }));

      // Assess
      expect(result.written.map((written) => written.sequenceNumber)).toEqual(['2', '3']);
      expect(result.attempts).toBe(2);
    });

    it('retries an entry that has neither a sequence number nor an error, and reports why it gave up', async () => {
      // Prepare
      kinesisMock.on(PutRecordsCommand).resolves({ FailedRecordCount: 0, Records: [{}] });

      // Act
      const result = await putRecords(client, input(time, { records: records(1), retry: { maxAttempts: 2 } }));

      // Assess
      expect(result.failed).toEqual([
        {
          ref: 'seq-0',
          retryable: true,
          code: 'MaxAttemptsReached',
          reason: 'MaxAttemptsReached: MissingSequenceNumber: the result has neither a sequence number nor an error after 2 attempt(s)',
        },
      ]);
    });
  });

  describe('the deadline', () => {
    it('makes no call at all when too little time is left, failing everything retryable', async () => {
      // Prepare
      const late = fakeTime(150);

      // Act
      const result = await putRecords(client, input(late, { records: keyed('A', 'A', 'B') }));

      // Assess
      expect(kinesisMock.calls()).toHaveLength(0);
      expect(result).toEqual({
        written: [],
        failed: ['seq-0', 'seq-1', 'seq-2'].map((ref) => ({ ref, retryable: true, code: 'DeadlineReached', reason: 'DeadlineReached: not attempted' })),
        attempts: 0,
      });
    });

    it('stops retrying when the time left does not cover the delay and a call', async () => {
      // Prepare: the call takes 29.76 s, leaving 240 ms < 50 ms delay + 200 ms budget
      kinesisMock.on(PutRecordsCommand).callsFake(() => {
        time.advance(29_760);
        return { FailedRecordCount: 1, Records: [{ SequenceNumber: '1', ShardId: 's' }, throttled] };
      });

      // Act
      const result = await putRecords(client, input(time, { records: keyed('A', 'B', 'B') }));

      // Assess
      expect(kinesisMock.calls()).toHaveLength(1);
      expect(time.sleeps).toEqual([]);
      expect(result.written.map((written) => written.ref)).toEqual(['seq-0']);
      expect(result.failed).toEqual([
        { ref: 'seq-1', retryable: true, code: 'DeadlineReached', reason: `DeadlineReached: ${throttled.ErrorCode}: ${throttled.ErrorMessage} after 1 attempt(s)` },
        {
          ref: 'seq-2',
          retryable: true,
          code: 'BlockedByEarlierFailure',
          reason: 'BlockedByEarlierFailure: not sent, because the earlier record at input position 1 with the same partition key was not written (DeadlineReached)',
        },
      ]);
    });

    it('still sends the next records of other keys when only the retry does not fit', async () => {
      // Prepare: the first call leaves 240 ms: no time for a backoff, but for a call
      let calls = 0;
      kinesisMock.on(PutRecordsCommand).callsFake((request: PutRecordsCommandInput) => {
        if (++calls === 1) time.advance(29_760);
        const entries = request.Records ?? [];
        return {
          FailedRecordCount: 0,
          Records: entries.map((entry) => (dataOf(entry) === 'r0' ? throttled : { SequenceNumber: dataOf(entry), ShardId: 's' })),
        };
      });

      // Act
      const result = await putRecords(client, input(time, { records: keyed('A', 'B', 'A', 'B') }));

      // Assess
      expect(sentData()).toEqual([['r0', 'r1'], ['r3']]);
      expect(result.written.map((written) => written.ref)).toEqual(['seq-1', 'seq-3']);
      expect(result.failed.map((failure) => failure.reason.split(':')[0])).toEqual(['DeadlineReached', 'BlockedByEarlierFailure']);
    });

    it('does not call again when a backoff sleep overran the deadline', async () => {
      // Prepare
      kinesisMock.on(PutRecordsCommand).resolves({ FailedRecordCount: 1, Records: [throttled] });
      const overrunningSleep = async (ms: number) => {
        time.sleeps.push(ms);
        time.advance(29_900);
      };

      // Act
      const result = await putRecords(client, input(time, { records: keyed('A', 'A'), sleep: overrunningSleep }));

      // Assess
      expect(kinesisMock.calls()).toHaveLength(1);
      expect(result.failed.map((failure) => failure.reason.split(':')[0])).toEqual(['DeadlineReached', 'BlockedByEarlierFailure']);
    });

    it('does not start a request of a round when the deadline came during the round', async () => {
      // Prepare: 3 keys, 1 record per request, 1 call at a time; the first call uses up the time
      kinesisMock.on(PutRecordsCommand).callsFake(() => {
        time.advance(29_900);
        return { FailedRecordCount: 0, Records: [{ SequenceNumber: '1', ShardId: 's' }] };
      });

      // Act
      const result = await putRecords(client, input(time, { limits: { maxRecordsPerRequest: 1 }, concurrency: 1 }));

      // Assess
      expect(kinesisMock.calls()).toHaveLength(1);
      expect(result.failed.map((failure) => failure.reason)).toEqual(Array(2).fill('DeadlineReached: not attempted'));
    });
  });

  describe('order per partition key', () => {
    it('never sends two records of one key together, nor one before the previous is written', async () => {
      // Prepare: A1 is throttled once
      fakeStream((data, sendCount) => (data === 'r0' && sendCount === 1 ? throttled : undefined));

      // Act
      const result = await putRecords(client, input(time, { records: keyed('A', 'A', 'A', 'B', 'B') }));

      // Assess
      expect(sentData()).toEqual([
        ['r0', 'r3'],
        ['r0', 'r4'],
        ['r1'],
        ['r2'],
      ]);
      expect(result.written).toHaveLength(5);
      expect(time.sleeps).toEqual([50]);
    });

    it('writes each key in input order although PutRecords fails earlier entries and not later ones', async () => {
      // Prepare: the first send of every record fails, so any two records of a key in one
      // request would be written out of order
      const { writes } = fakeStream((_data, sendCount) => (sendCount === 1 ? throttled : undefined));
      const batch = keyed('A', 'B', 'A', 'A', 'B', 'C', 'A');

      // Act
      const result = await putRecords(client, input(time, { records: batch, retry: { maxAttempts: 2 } }));

      // Assess
      expect(result.failed).toEqual([]);
      for (const key of ['A', 'B', 'C']) {
        const expected = batch.filter((record) => record.partitionKey === key).map((record) => decoder.decode(record.data));
        expect(writes.filter((write) => write.partitionKey === key).map((write) => write.data)).toEqual(expected);
      }
    });

    describe('property: over random failure patterns', () => {
      const RETRYABLE_CODES = new Set(['MaxAttemptsReached', 'DeadlineReached', 'BlockedByEarlierFailure', 'KMSAccessDeniedException']);
      const NON_RETRYABLE_CODES = new Set(['RecordTooLarge', 'InvalidArgument']);
      /** The `code` each reason prefix the scenarios can produce stands for. */
      const CODE_OF_PREFIX: Record<string, WriteFailureCode> = {
        MaxAttemptsReached: 'MaxAttemptsReached',
        DeadlineReached: 'DeadlineReached',
        BlockedByEarlierFailure: 'BlockedByEarlierFailure',
        KMSAccessDeniedException: 'Environment',
        RecordTooLarge: 'TooLarge',
        InvalidArgument: 'Invalid',
      };

      /**
       * A batch over a few keys, and a stream that fails entries at random: throttling, internal
       * failures, KMS access errors, whole-request throttling, and calls that write their records
       * but time out before answering. Some records are invalid (always refused) or too large.
       */
      async function scenario(seed: number) {
        const random = seededRandom(seed);
        const keys = Array.from({ length: randomInt(random, 1, 6) }, (_, key) => `unicorn-${key}`);
        const batch = Array.from({ length: randomInt(random, 1, 60) }, (_, index) => ({
          ref: `seq-${index}`,
          partitionKey: keys[randomInt(random, 0, keys.length - 1)] as string,
          data: encoder.encode(random() < 0.05 ? `r${index}`.padEnd(200, '!') : `r${index}`),
        }));
        const invalid = new Set(batch.filter(() => random() < 0.03).map((record) => decoder.decode(record.data)));
        const log: Array<{ partitionKey: string; data: string; sequenceNumber: string }> = [];
        let sequence = 0;
        kinesisMock.reset();
        kinesisMock.on(PutRecordsCommand).callsFake((request: PutRecordsCommandInput) => {
          time.advance(randomInt(random, 1, 20));
          if (random() < 0.08) throw new ProvisionedThroughputExceededException({ message: 'Rate exceeded', $metadata: {} });
          const results = (request.Records ?? []).map((entry): PutRecordsResultEntry => {
            const data = dataOf(entry);
            const draw = random();
            if (invalid.has(data)) return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Refused' };
            if (draw < 0.25) return throttled;
            if (draw < 0.3) return internalFailure;
            if (draw < 0.32) return { ErrorCode: 'KMSAccessDeniedException', ErrorMessage: 'Denied' };
            const sequenceNumber = String(++sequence);
            log.push({ partitionKey: entry.PartitionKey ?? '', data, sequenceNumber });
            return { SequenceNumber: sequenceNumber, ShardId: 's' };
          });
          if (random() < 0.05) throw serviceError('TimeoutError', 'written, but the answer was lost', 500);
          return { FailedRecordCount: results.filter((result) => result.ErrorCode).length, Records: results };
        });
        time = fakeTime(randomInt(random, 50, 3_000));
        const result = await putRecords(client, {
          streamName: STREAM,
          records: batch,
          deadline: time.deadline,
          sleep: time.sleep,
          random,
          limits: { maxRecordsPerRequest: randomInt(random, 1, 12), maxRequestBytes: 1_000, maxRecordBytes: 100 },
          retry: { baseDelayMs: 5, maxDelayMs: 40, maxAttempts: randomInt(random, 1, 6), minCallBudgetMs: 20 },
        });
        return { batch, log, result };
      }

      it('writes every key in input order and accounts for every record, over 200 scenarios', async () => {
        for (let seed = 0; seed < 200; seed++) {
          // Act
          const { batch, log, result } = await scenario(seed);

          // Assess: every ref exactly once
          const replay = `seed ${seed}`;
          const refs = [...result.written.map((written) => written.ref), ...result.failed.map((failure) => failure.ref)];
          expect(refs.sort(), replay).toEqual(batch.map((record) => record.ref).sort());
          const indexOf = (ref: string) => Number(ref.slice('seq-'.length));
          const failedByIndex = new Map(result.failed.map((failure) => [indexOf(failure.ref), failure]));

          for (const failure of result.failed) {
            const code = failure.reason.split(':')[0] as string;
            expect(failure.retryable ? RETRYABLE_CODES.has(code) : NON_RETRYABLE_CODES.has(code), `${replay}: ${failure.reason}`).toBe(true);
            expect(failure.code, `${replay}: ${failure.reason}`).toBe(CODE_OF_PREFIX[code]);
          }
          for (const written of result.written) {
            const data = decoder.decode(batch[indexOf(written.ref)]?.data);
            expect(log.some((write) => write.data === data && write.sequenceNumber === written.sequenceNumber), replay).toBe(true);
          }

          for (const key of new Set(batch.map((record) => record.partitionKey))) {
            const ofKey = batch.map((record, index) => ({ ...record, index })).filter((record) => record.partitionKey === key);
            // What reached the stream, first writes only, is the key's writable records in input order, without gaps
            const writable = ofKey.filter(({ index }) => failedByIndex.get(index)?.retryable !== false).map((record) => decoder.decode(record.data));
            const firstWrites = [...new Set(log.filter((write) => write.partitionKey === key).map((write) => write.data))];
            expect(firstWrites, `${replay}, key ${key}`).toEqual(writable.slice(0, firstWrites.length));
            // Lambda resumes at the lowest failed record: nothing of the key after it is reported written
            const firstRetryableFailure = ofKey.find(({ index }) => failedByIndex.get(index)?.retryable === true);
            if (firstRetryableFailure !== undefined) {
              const writtenAfter = ofKey.filter(({ index }) => index > firstRetryableFailure.index && !failedByIndex.has(index));
              expect(writtenAfter, `${replay}, key ${key}`).toEqual([]);
            }
          }
        }
      });
    });

    it("packs every pending record with ordering 'none', retrying only the failed ones", async () => {
      // Prepare
      fakeStream((data, sendCount) => (data === 'r0' && sendCount === 1 ? throttled : undefined));

      // Act
      const result = await putRecords(client, input(time, { records: keyed('A', 'A', 'A'), ordering: 'none' }));

      // Assess
      expect(sentData()).toEqual([['r0', 'r1', 'r2'], ['r0']]);
      expect(result.written.map((written) => written.ref)).toEqual(['seq-0', 'seq-1', 'seq-2']);
    });

    it('sends the requests of a round concurrently, never more than `concurrency`', async () => {
      // Prepare
      let inFlight = 0;
      let peak = 0;
      kinesisMock.on(PutRecordsCommand).callsFake(async (request: PutRecordsCommandInput) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight--;
        return { FailedRecordCount: 0, Records: (request.Records ?? []).map(() => ({ SequenceNumber: '1', ShardId: 's' })) };
      });

      // Act
      const result = await putRecords(client, input(time, { records: records(2_000), concurrency: 3 }));

      // Assess
      expect(result.written).toHaveLength(2_000);
      expect(result.attempts).toBe(4);
      expect(peak).toBe(3);
    });
  });

  describe('programmer errors', () => {
    it.each([
      ['an empty stream name', { streamName: '' }, 'streamName must be 1 to 128 of a-z, A-Z, 0-9, _, . and - (given "")'],
      ['a stream ARN', { streamName: 'arn:aws:kinesis:eu-west-1:123456789012:stream/s' }, 'streamName must be 1 to 128'],
      ['an unknown ordering', { ordering: 'strict' as never }, `ordering must be 'per-partition-key' or 'none' (given "strict")`],
      ['a concurrency of 0', { concurrency: 0 }, 'concurrency must be an integer >= 1 (given 0)'],
      ['no attempts', { retry: { maxAttempts: 0 } }, 'retry.maxAttempts must be an integer >= 1 (given 0)'],
      ['a record limit above the request limit', { limits: { maxRecordBytes: 6 * 1024 * 1024 } }, 'limits.maxRecordBytes must not exceed limits.maxRequestBytes'],
    ])('throws for %s', async (_label, overrides, message) => {
      // Act & Assess
      await expect(putRecords(client, input(time, overrides))).rejects.toThrow(InvalidOptionsError);
      await expect(putRecords(client, input(time, overrides))).rejects.toThrow(message);
      expect(kinesisMock.calls()).toHaveLength(0);
    });
  });
});

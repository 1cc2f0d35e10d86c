import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type GetObjectCommandOutput,
  type ListObjectsV2CommandInput,
  type ListObjectsV2CommandOutput,
  type PutObjectCommandInput,
} from '@aws-sdk/client-s3';
import type { QuarantineRecord } from '@wildrydes/schemas';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  deleteQuarantined,
  InvalidOptionsError,
  InvalidQuarantinedObjectError,
  listQuarantined,
  quarantineRecords,
  readQuarantined,
} from '../../src/index.js';
import { fakeTime, type FakeTime } from '../support/fake-time.js';
import { serviceError } from '../support/service-errors.js';

const BUCKET = 'wildrydes-quarantine';
const s3Mock = mockClient(S3Client);
const client = new S3Client({ region: 'eu-west-1' });

function record(sequence: number, overrides: Partial<QuarantineRecord> = {}): QuarantineRecord {
  return {
    schemaVersion: 1,
    quarantinedBy: 'kinesis-ddb-writer',
    quarantinedAt: '2026-11-21T10:00:05.000Z',
    reason: 'INVALID_JSON',
    detail: 'Unexpected token',
    origin: {
      kind: 'kinesis',
      eventSourceArn: 'arn:aws:kinesis:eu-west-1:123456789012:stream/unicorn-telemetry-clean',
      shardId: 'shardId-000000000001',
      sequenceNumber: `4959033827149025660855969253836157109592157598913658889${sequence}`,
      partitionKey: 'Shadowfax',
      approximateArrivalTimestamp: 1_763_719_200.123,
    },
    data: 'bm90IGpzb24=',
    ...overrides,
  };
}

function keyOf(sequence: number): string {
  return `kinesis-ddb-writer/unicorn-telemetry-clean/2025/11/21/shardId-000000000001/4959033827149025660855969253836157109592157598913658889${sequence}.json`;
}

function body(text: string): GetObjectCommandOutput['Body'] {
  return { transformToString: async () => text } as unknown as GetObjectCommandOutput['Body'];
}

describe('quarantineRecords', () => {
  let time: FakeTime;

  beforeEach(() => {
    s3Mock.reset();
    time = fakeTime(30_000);
  });

  it('stores each record as JSON at its deterministic key', async () => {
    // Prepare
    s3Mock.on(PutObjectCommand).resolves({});
    const records = [record(1), record(2)];

    // Act
    const result = await quarantineRecords(client, { bucketName: BUCKET, records, deadline: time.deadline, sleep: time.sleep });

    // Assess
    expect(result).toEqual({ stored: records, failed: [] });
    const inputs = s3Mock.commandCalls(PutObjectCommand).map((call) => call.args[0].input);
    expect(inputs).toEqual([
      { Bucket: BUCKET, Key: keyOf(1), Body: JSON.stringify(records[0]), ContentType: 'application/json' },
      { Bucket: BUCKET, Key: keyOf(2), Body: JSON.stringify(records[1]), ContentType: 'application/json' },
    ]);
    const options = (s3Mock.commandCalls(PutObjectCommand)[0]?.args as unknown[] | undefined)?.[1] as { abortSignal?: unknown };
    expect(options.abortSignal).toBeInstanceOf(AbortSignal);
  });

  it('overwrites the same object when a record is quarantined again: idempotent', async () => {
    // Prepare
    s3Mock.on(PutObjectCommand).resolves({});
    const first = record(1);
    const again = record(1, { quarantinedAt: '2026-11-21T10:05:00.000Z', detail: 'retried batch' });

    // Act
    await quarantineRecords(client, { bucketName: BUCKET, records: [first], deadline: time.deadline });
    await quarantineRecords(client, { bucketName: BUCKET, records: [again], deadline: time.deadline });

    // Assess
    const keys = s3Mock.commandCalls(PutObjectCommand).map((call) => call.args[0].input.Key);
    expect(keys).toEqual([keyOf(1), keyOf(1)]);
  });

  it('reports a partial failure per record: retried, rejected and blocked', async () => {
    // Prepare
    const slowDown = serviceError('SlowDown', 'Please reduce your request rate', 503);
    const denied = serviceError('AccessDenied', 'Access Denied', 403);
    const invalid = serviceError('InvalidArgument', 'Invalid argument', 400);
    let slowedDown = false;
    s3Mock.on(PutObjectCommand).callsFake((input: PutObjectCommandInput) => {
      if (input.Key === keyOf(1) && !slowedDown) {
        slowedDown = true;
        throw slowDown;
      }
      if (input.Key === keyOf(2)) throw denied;
      if (input.Key === keyOf(3)) throw invalid;
      return {};
    });
    const records = [record(1), record(2), record(3), record(4)];

    // Act
    const result = await quarantineRecords(client, {
      bucketName: BUCKET,
      records,
      deadline: time.deadline,
      sleep: time.sleep,
      random: () => 0.5,
    });

    // Assess
    expect(result.stored).toEqual([records[0], records[3]]);
    expect(result.failed).toEqual([
      { record: records[1], retryable: true, code: 'Environment', reason: 'AccessDenied: Access Denied', cause: denied },
      { record: records[2], retryable: false, code: 'Invalid', reason: 'InvalidArgument: Invalid argument', cause: invalid },
    ]);
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(5);
    expect(time.sleeps).toEqual([25]);
  });

  it('fails a record S3 refuses for its size with code TooLarge, not retryable', async () => {
    // Prepare
    const tooLarge = serviceError('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', 400);
    s3Mock.on(PutObjectCommand).rejects(tooLarge);

    // Act
    const result = await quarantineRecords(client, { bucketName: BUCKET, records: [record(1)], deadline: time.deadline, sleep: time.sleep });

    // Assess
    expect(result.failed).toEqual([
      { record: record(1), retryable: false, code: 'TooLarge', reason: 'EntityTooLarge: Your proposed upload exceeds the maximum allowed size', cause: tooLarge },
    ]);
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(1);
  });

  it('gives up on transient errors at maxAttempts, retryable', async () => {
    // Prepare
    s3Mock.on(PutObjectCommand).rejects(serviceError('InternalError', 'We encountered an internal error', 500));

    // Act
    const result = await quarantineRecords(client, {
      bucketName: BUCKET,
      records: [record(1)],
      deadline: time.deadline,
      sleep: time.sleep,
      retry: { maxAttempts: 2 },
    });

    // Assess
    expect(result.failed[0]).toMatchObject({
      retryable: true,
      code: 'MaxAttemptsReached',
      reason: 'MaxAttemptsReached: InternalError: We encountered an internal error after 2 attempt(s)',
    });
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(2);
  });

  it('makes no call when the deadline has come, failing every record retryable', async () => {
    // Prepare
    const late = fakeTime(0);

    // Act
    const result = await quarantineRecords(client, { bucketName: BUCKET, records: [record(1), record(2)], deadline: late.deadline });

    // Assess
    expect(s3Mock.calls()).toHaveLength(0);
    expect(result.failed.map(({ retryable, code, reason }) => ({ retryable, code, reason }))).toEqual([
      { retryable: true, code: 'DeadlineReached', reason: 'DeadlineReached: not attempted' },
      { retryable: true, code: 'DeadlineReached', reason: 'DeadlineReached: not attempted' },
    ]);
  });

  it('refuses a record the re-drive could not read back, without sending it', async () => {
    // Prepare
    s3Mock.on(PutObjectCommand).resolves({});
    const invalid = { ...record(1), reason: 'BAD_LUCK' } as unknown as QuarantineRecord;

    // Act
    const result = await quarantineRecords(client, { bucketName: BUCKET, records: [invalid, record(2)], deadline: time.deadline });

    // Assess
    expect(result.stored).toEqual([record(2)]);
    expect(result.failed).toEqual([
      { record: invalid, retryable: false, code: 'Invalid', reason: expect.stringMatching(/^InvalidQuarantineRecord: /), cause: expect.anything() },
    ]);
    expect(s3Mock.commandCalls(PutObjectCommand).map((call) => call.args[0].input.Key)).toEqual([keyOf(2)]);
  });

  it('keeps at most `concurrency` uploads in flight', async () => {
    // Prepare
    let inFlight = 0;
    let peak = 0;
    s3Mock.on(PutObjectCommand).callsFake(async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
      return {};
    });
    const records = Array.from({ length: 9 }, (_, index) => record(index));

    // Act
    const result = await quarantineRecords(client, { bucketName: BUCKET, records, deadline: time.deadline, concurrency: 2 });

    // Assess
    expect(result.stored).toHaveLength(9);
    expect(peak).toBe(2);
  });

  it.each([
    [{ bucketName: '' }, 'bucketName must not be empty'],
    [{ concurrency: 0 }, 'concurrency must be an integer >= 1 (given 0)'],
  ])('throws for %o', async (overrides, message) => {
    // Act & Assess
    await expect(
      quarantineRecords(client, { bucketName: BUCKET, records: [record(1)], deadline: time.deadline, ...overrides }),
    ).rejects.toThrow(new InvalidOptionsError(message));
  });
});

describe('listQuarantined', () => {
  beforeEach(() => {
    s3Mock.reset();
  });

  it('yields the keys of every page under the prefix', async () => {
    // Prepare: the paginator reuses its input object, so record each call's input as sent
    const pages: ListObjectsV2CommandOutput[] = [
      { Contents: [{ Key: keyOf(1) }, { Key: keyOf(2) }, {}], IsTruncated: true, NextContinuationToken: 'page-2' },
      { Contents: [{ Key: keyOf(3) }], IsTruncated: false },
    ] as ListObjectsV2CommandOutput[];
    const sent: ListObjectsV2CommandInput[] = [];
    s3Mock.on(ListObjectsV2Command).callsFake((input: ListObjectsV2CommandInput) => {
      sent.push({ ...input });
      return pages[sent.length - 1];
    });

    // Act
    const keys: string[] = [];
    for await (const key of listQuarantined(client, { bucketName: BUCKET, prefix: 'kinesis-ddb-writer/' })) keys.push(key);

    // Assess
    expect(keys).toEqual([keyOf(1), keyOf(2), keyOf(3)]);
    expect(sent).toEqual([
      { Bucket: BUCKET, Prefix: 'kinesis-ddb-writer/' },
      { Bucket: BUCKET, Prefix: 'kinesis-ddb-writer/', ContinuationToken: 'page-2' },
    ]);
  });

  it('yields nothing for an empty bucket', async () => {
    // Prepare
    s3Mock.on(ListObjectsV2Command).resolves({ KeyCount: 0 });

    // Act
    const keys: string[] = [];
    for await (const key of listQuarantined(client, { bucketName: BUCKET })) keys.push(key);

    // Assess
    expect(keys).toEqual([]);
  });
});

describe('readQuarantined', () => {
  beforeEach(() => {
    s3Mock.reset();
  });

  it('reads back a record exactly as stored', async () => {
    // Prepare
    s3Mock.on(GetObjectCommand, { Bucket: BUCKET, Key: keyOf(1) }).resolves({ Body: body(JSON.stringify(record(1))) });

    // Act
    const read = await readQuarantined(client, { bucketName: BUCKET, key: keyOf(1) });

    // Assess
    expect(read).toEqual(record(1));
  });

  it.each([
    ['is empty', { Body: body('') }, /is empty$/],
    ['has no body', {}, /is empty$/],
    ['is not JSON', { Body: body('{not json') }, /is not JSON$/],
    ['is not a record', { Body: body('{"schemaVersion":2}') }, /is not a quarantine record$/],
  ])('throws InvalidQuarantinedObjectError when the object %s', async (_label, output, message) => {
    // Prepare
    s3Mock.on(GetObjectCommand).resolves(output);

    // Act
    const reading = readQuarantined(client, { bucketName: BUCKET, key: 'some/key.json' });

    // Assess
    await expect(reading).rejects.toThrow(InvalidQuarantinedObjectError);
    await expect(reading).rejects.toThrow(message);
  });

  it('lets S3 errors through, such as NoSuchKey', async () => {
    // Prepare
    s3Mock.on(GetObjectCommand).rejects(serviceError('NoSuchKey', 'The specified key does not exist.', 404));

    // Act & Assess
    await expect(readQuarantined(client, { bucketName: BUCKET, key: 'gone.json' })).rejects.toMatchObject({ name: 'NoSuchKey' });
  });
});

describe('deleteQuarantined', () => {
  it('deletes the object at the key', async () => {
    // Prepare
    s3Mock.reset();
    s3Mock.on(DeleteObjectCommand).resolves({});

    // Act
    await deleteQuarantined(client, { bucketName: BUCKET, key: keyOf(1) });

    // Assess
    expect(s3Mock.commandCalls(DeleteObjectCommand).map((call) => call.args[0].input)).toEqual([{ Bucket: BUCKET, Key: keyOf(1) }]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  InvalidOptionsError,
  kinesisRecordSizeBytes,
  KINESIS_RECORD_MAX_BYTES,
  PUT_RECORDS_MAX_RECORDS,
  PUT_RECORDS_MAX_REQUEST_BYTES,
  resolvePutRecordsLimits,
} from '../../src/index.js';
import { planRecords } from '../../src/kinesis-record-plan.js';

const MiB = 1024 * 1024;

describe('resolvePutRecordsLimits', () => {
  it('defaults to the current AWS limits', () => {
    // Act & Assess
    expect(resolvePutRecordsLimits()).toEqual({ maxRecordsPerRequest: 500, maxRequestBytes: 5 * MiB, maxRecordBytes: MiB });
    expect([PUT_RECORDS_MAX_RECORDS, PUT_RECORDS_MAX_REQUEST_BYTES, KINESIS_RECORD_MAX_BYTES]).toEqual([500, 5 * MiB, MiB]);
  });

  it('takes settings for streams with large records', () => {
    // Act & Assess
    expect(resolvePutRecordsLimits({ maxRecordBytes: 10 * MiB, maxRequestBytes: 10 * MiB })).toMatchObject({ maxRecordBytes: 10 * MiB });
  });

  it.each([
    [{ maxRecordsPerRequest: 0 }, 'limits.maxRecordsPerRequest must be an integer >= 1 (given 0)'],
    [{ maxRequestBytes: 1.5 }, 'limits.maxRequestBytes must be an integer >= 1 (given 1.5)'],
    [{ maxRecordBytes: -1 }, 'limits.maxRecordBytes must be an integer >= 1 (given -1)'],
    [{ maxRecordBytes: 10 * MiB }, 'limits.maxRecordBytes must not exceed limits.maxRequestBytes (given 10485760 > 5242880)'],
  ])('rejects %o', (limits, message) => {
    // Act & Assess
    expect(() => resolvePutRecordsLimits(limits)).toThrow(new InvalidOptionsError(message));
  });
});

describe('kinesisRecordSizeBytes', () => {
  it('counts the data and the UTF-8 bytes of the partition key', () => {
    // Act & Assess
    expect(kinesisRecordSizeBytes({ partitionKey: 'Shadowfax', data: new Uint8Array(100) })).toBe(109);
    expect(kinesisRecordSizeBytes({ partitionKey: 'Épona', data: new Uint8Array(0) })).toBe(6);
  });
});

describe('planRecords', () => {
  const limits = resolvePutRecordsLimits();

  it('sizes valid records and keeps their positions and explicit hash keys', () => {
    // Act
    const plan = planRecords(
      [
        { partitionKey: 'a', data: new Uint8Array(3) },
        { partitionKey: 'b', data: new Uint8Array(0), explicitHashKey: '0' },
      ],
      limits,
    );

    // Assess
    expect(plan.rejected).toEqual([]);
    expect(plan.planned).toEqual([
      { index: 0, partitionKey: 'a', data: new Uint8Array(3), sizeBytes: 4 },
      { index: 1, partitionKey: 'b', data: new Uint8Array(0), explicitHashKey: '0', sizeBytes: 1 },
    ]);
  });

  it('accepts a record of exactly the limit and rejects one byte more, counting the partition key', () => {
    // Prepare
    const key = 'Shadowfax';
    const atLimit = { partitionKey: key, data: new Uint8Array(MiB - key.length) };
    const overLimit = { partitionKey: key, data: new Uint8Array(MiB) };

    // Act
    const plan = planRecords([atLimit, overLimit], limits);

    // Assess
    expect(plan.planned.map((record) => record.index)).toEqual([0]);
    expect(plan.rejected).toEqual([{ index: 1, code: 'TooLarge', reason: 'RecordTooLarge: 1048585 bytes > limit 1048576 bytes (data plus partition key)' }]);
  });

  it.each([
    ['', 0],
    ['x'.repeat(257), 257],
  ])('rejects the partition key %j (length %i)', (partitionKey, length) => {
    // Act
    const plan = planRecords([{ partitionKey, data: new Uint8Array(1) }], limits);

    // Assess
    expect(plan.rejected).toEqual([{ index: 0, code: 'Invalid', reason: `InvalidPartitionKey: must be 1 to 256 characters (given ${length})` }]);
  });

  it('accepts a partition key of 256 characters', () => {
    // Act & Assess
    expect(planRecords([{ partitionKey: 'x'.repeat(256), data: new Uint8Array(1) }], limits).rejected).toEqual([]);
  });

  it.each(['-1', '01', '1.5', 'abc', String(2n ** 128n)])('rejects the explicit hash key %s', (explicitHashKey) => {
    // Act
    const plan = planRecords([{ partitionKey: 'a', data: new Uint8Array(1), explicitHashKey }], limits);

    // Assess
    expect(plan.rejected[0]).toMatchObject({ code: 'Invalid', reason: expect.stringMatching(/^InvalidExplicitHashKey: must be a decimal integer from 0 to 2\^128 - 1/) });
  });

  it('accepts the largest explicit hash key', () => {
    // Act & Assess
    expect(planRecords([{ partitionKey: 'a', data: new Uint8Array(1), explicitHashKey: String(2n ** 128n - 1n) }], limits).rejected).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { putRecordsRewriter } from '../../src/faults/put-records-rewriter';

const request = {
  StreamName: 'unicorn-telemetry',
  Records: [
    { Data: 'YQ==', PartitionKey: 'a' },
    { Data: 'Yg==', PartitionKey: 'b' },
    { Data: 'Yw==', PartitionKey: 'c' },
    { Data: 'ZA==', PartitionKey: 'd' },
  ],
};
const [throttled] = putRecordsRewriter.entryErrors;
const internal = putRecordsRewriter.entryErrors[1]!;

describe('putRecordsRewriter (Kinesis API Reference, PutRecords response: FailedRecordCount and Records in request order)', () => {
  it('forwards only the kept records, in order, with the rest of the request', () => {
    // Prepare
    const failures = new Map([
      [1, throttled],
      [3, internal],
    ]);

    // Act
    const split = putRecordsRewriter.withhold(request, failures);

    // Assess
    expect(split.forward).toEqual({ StreamName: 'unicorn-telemetry', Records: [request.Records[0], request.Records[2]] });
    expect(putRecordsRewriter.entryCount(request)).toBe(4);
  });

  it('rebuilds Records in the original order, withheld ones with ErrorCode and ErrorMessage, and counts them', () => {
    // Prepare
    const split = putRecordsRewriter.withhold(request, new Map([[1, throttled], [3, internal]]));
    const emulatorAnswer = {
      FailedRecordCount: 0,
      EncryptionType: 'NONE',
      Records: [
        { SequenceNumber: '1', ShardId: 'shardId-000000000000' },
        { SequenceNumber: '2', ShardId: 'shardId-000000000001' },
      ],
    };

    // Act
    const answer = split.respond(emulatorAnswer);

    // Assess
    expect(answer).toEqual({
      FailedRecordCount: 2,
      EncryptionType: 'NONE',
      Records: [
        { SequenceNumber: '1', ShardId: 'shardId-000000000000' },
        { ErrorCode: 'ProvisionedThroughputExceededException', ErrorMessage: throttled.message },
        { SequenceNumber: '2', ShardId: 'shardId-000000000001' },
        { ErrorCode: 'InternalFailure', ErrorMessage: internal.message },
      ],
    });
  });

  it('adds to failures the emulator itself reported', () => {
    // Prepare
    const split = putRecordsRewriter.withhold(request, new Map([[0, throttled]]));

    // Act
    const answer = split.respond({
      FailedRecordCount: 1,
      Records: [{ SequenceNumber: '1', ShardId: 's' }, { ErrorCode: 'InternalFailure', ErrorMessage: 'x' }, { SequenceNumber: '2', ShardId: 's' }],
    });

    // Assess
    expect(answer['FailedRecordCount']).toBe(2);
    expect((answer['Records'] as unknown[])[2]).toEqual({ ErrorCode: 'InternalFailure', ErrorMessage: 'x' });
  });

  it('forwards nothing when every record is withheld, and answers every record failed', () => {
    // Prepare
    const failures = new Map(request.Records.map((_, index) => [index, throttled] as const));

    // Act
    const split = putRecordsRewriter.withhold(request, failures);
    const answer = split.respond(undefined);

    // Assess
    expect(split.forward).toBeUndefined();
    expect(answer['FailedRecordCount']).toBe(4);
    expect(answer['Records']).toHaveLength(4);
    expect(putRecordsRewriter.canFailAll).toBe(true);
  });

  it('counts no entries in a request that is not a PutRecords request', () => {
    expect(putRecordsRewriter.entryCount({ Records: 'nope' })).toBe(0);
    expect(putRecordsRewriter.entryCount(undefined)).toBe(0);
  });
});

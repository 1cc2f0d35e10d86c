import type { _Record } from '@aws-sdk/client-kinesis';
import { describe, expect, it } from 'vitest';
import { InvalidKinesisRecordError, kinesisEventFromRecords } from '../../src/index';

const streamArn = 'arn:aws:kinesis:eu-west-1:123456789012:stream/rides';
const record = (overrides: Partial<_Record> = {}): _Record => ({
  SequenceNumber: '49590338271490256608559692538361571095921575989136588898',
  PartitionKey: 'unicorn-1',
  Data: new TextEncoder().encode('{"ride":1}'),
  ApproximateArrivalTimestamp: new Date(1_700_000_000_123),
  ...overrides,
});

describe('kinesisEventFromRecords', () => {
  it('builds exactly the record shape Lambda delivers', () => {
    const event = kinesisEventFromRecords([record()], { streamArn, shardId: 'shardId-000000000003' });

    expect(event).toEqual({
      Records: [
        {
          kinesis: {
            kinesisSchemaVersion: '1.0',
            partitionKey: 'unicorn-1',
            sequenceNumber: '49590338271490256608559692538361571095921575989136588898',
            data: Buffer.from('{"ride":1}').toString('base64'),
            approximateArrivalTimestamp: 1_700_000_000.123,
          },
          eventSource: 'aws:kinesis',
          eventVersion: '1.0',
          eventID: 'shardId-000000000003:49590338271490256608559692538361571095921575989136588898',
          eventName: 'aws:kinesis:record',
          invokeIdentityArn: 'arn:aws:iam::123456789012:role/lambda-role',
          awsRegion: 'eu-west-1',
          eventSourceARN: streamArn,
        },
      ],
    });
  });

  it('honours explicit region and invokeIdentityArn and keeps record order', () => {
    const event = kinesisEventFromRecords([record({ SequenceNumber: '1' }), record({ SequenceNumber: '2' })], {
      streamArn,
      shardId: 'shardId-000000000000',
      region: 'us-west-2',
      invokeIdentityArn: 'arn:aws:iam::123456789012:role/custom',
    });

    expect(event.Records.map((r) => r.eventID)).toEqual(['shardId-000000000000:1', 'shardId-000000000000:2']);
    expect(event.Records[0]!.awsRegion).toBe('us-west-2');
    expect(event.Records[0]!.invokeIdentityArn).toBe('arn:aws:iam::123456789012:role/custom');
  });

  it('encodes only the bytes of a Uint8Array view, not its whole buffer', () => {
    const backing = new TextEncoder().encode('xxhelloxx');
    const view = backing.subarray(2, 7);
    const event = kinesisEventFromRecords([record({ Data: view })], { streamArn, shardId: 's' });

    expect(Buffer.from(event.Records[0]!.kinesis.data, 'base64').toString()).toBe('hello');
  });

  it('rejects records without the fields Lambda needs', () => {
    expect(() => kinesisEventFromRecords([record({ Data: undefined })], { streamArn, shardId: 's' })).toThrow(
      InvalidKinesisRecordError,
    );
  });
});

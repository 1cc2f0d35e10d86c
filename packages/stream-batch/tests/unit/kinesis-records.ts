import type { KinesisStreamRecord } from 'aws-lambda';

export const STREAM_ARN = 'arn:aws:kinesis:eu-west-1:111122223333:stream/readings';

/** Base64 of the UTF-8 of `text`, as Lambda delivers record data. */
export const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/**
 * A Kinesis record as Lambda delivers it, from shard 0, with sequence number 49000000000 +
 * `position` and `data` as given (base64 or not).
 */
export function kinesisRecord(position: number, data: string, partitionKey = 'pk'): KinesisStreamRecord {
  const sequenceNumber = String(49_000_000_000 + position);
  return {
    eventSource: 'aws:kinesis',
    eventVersion: '1.0',
    eventID: `shardId-000000000000:${sequenceNumber}`,
    eventName: 'aws:kinesis:record',
    invokeIdentityArn: 'arn:aws:iam::111122223333:role/consumer',
    awsRegion: 'eu-west-1',
    eventSourceARN: STREAM_ARN,
    kinesis: { kinesisSchemaVersion: '1.0', partitionKey, sequenceNumber, data, approximateArrivalTimestamp: 1_763_719_230.25 },
  };
}

/** `count` records whose data is `{"n":<position>}`. */
export const jsonRecords = (count: number) => Array.from({ length: count }, (_, n) => kinesisRecord(n, b64(JSON.stringify({ n }))));

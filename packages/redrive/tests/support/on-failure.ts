import { onFailureObjectKey, type DynamoDbStreamOnFailureRecord, type KinesisOnFailureRecord } from '@wildrydes/schemas';

export const MAPPING_UUID = '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';
export const PREFIX = `aws/lambda/${MAPPING_UUID}/`;
export const REACTOR_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:ddb-stream-reactor';
export const REPUBLISHER_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:kinesis-republisher';

/** One Kinesis record of a stored batch. */
export interface BatchSpec {
  partitionKey: string;
  /** The original bytes, as text (or a Buffer for binary). */
  data: string | Buffer;
  sequenceNumber: string;
}

let randomCounter = 0;
const randomUuid = (): string => `00000000-0000-4000-8000-${String(++randomCounter).padStart(12, '0')}`;

/**
 * A Kinesis S3 on-failure object exactly as Lambda writes it ("Retain discarded batch records for
 * a Kinesis Data Streams event source in Lambda"), with its key. `at` sets the key's time;
 * `functionArn` the function that failed (default kinesis-republisher); `mappingUuid` the mapping
 * in the key (default {@link MAPPING_UUID}).
 */
export function kinesisOnFailure(
  streamName: string,
  shardId: string,
  records: readonly BatchSpec[],
  options: { at?: Date; withPayload?: boolean; functionArn?: string; mappingUuid?: string } = {},
): { key: string; record: KinesisOnFailureRecord } {
  const streamArn = `arn:aws:kinesis:us-east-1:123456789012:stream/${streamName}`;
  const at = options.at ?? new Date('2026-12-07T10:20:30Z');
  const payload = {
    Records: records.map(({ partitionKey, data, sequenceNumber }) => ({
      kinesis: {
        kinesisSchemaVersion: '1.0',
        partitionKey,
        sequenceNumber,
        data: Buffer.from(data).toString('base64'),
        approximateArrivalTimestamp: at.getTime() / 1000,
      },
      eventSource: 'aws:kinesis',
      eventVersion: '1.0',
      eventID: `${shardId}:${sequenceNumber}`,
      eventName: 'aws:kinesis:record',
      invokeIdentityArn: 'arn:aws:iam::123456789012:role/kinesis-republisher',
      awsRegion: 'us-east-1',
      eventSourceARN: streamArn,
    })),
  };
  const record: KinesisOnFailureRecord = {
    requestContext: { requestId: randomUuid(), functionArn: options.functionArn ?? REPUBLISHER_ARN, condition: 'RetryAttemptsExhausted', approximateInvokeCount: 6 },
    responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
    version: '1.0',
    timestamp: at.toISOString(),
    KinesisBatchInfo: {
      shardId,
      startSequenceNumber: records[0]?.sequenceNumber ?? '0',
      endSequenceNumber: records.at(-1)?.sequenceNumber ?? '0',
      approximateArrivalOfFirstRecord: at.toISOString(),
      approximateArrivalOfLastRecord: at.toISOString(),
      batchSize: records.length,
      streamArn,
    },
    ...(options.withPayload === false ? {} : { payload: JSON.stringify(payload) }),
  };
  return { key: onFailureObjectKey({ mappingUuid: options.mappingUuid ?? MAPPING_UUID, shardId, at, randomUuid: randomUuid() }), record };
}

/** A DynamoDB Streams S3 on-failure object as Lambda writes it, for changes of the given items (options as {@link kinesisOnFailure}'s; function default ddb-stream-reactor). */
export function dynamoDbOnFailure(
  shardId: string,
  changes: ReadonlyArray<{ name: string; sequenceNumber: string }>,
  options: { at?: Date; functionArn?: string; mappingUuid?: string } = {},
): { key: string; record: DynamoDbStreamOnFailureRecord; payload: string } {
  const streamArn = 'arn:aws:dynamodb:us-east-1:123456789012:table/UnicornSensorData/stream/2026-12-07T00:00:00.000';
  const at = options.at ?? new Date('2026-12-07T10:20:30Z');
  const payload = JSON.stringify({
    Records: changes.map(({ name, sequenceNumber }) => ({
      eventID: `event-${sequenceNumber}`,
      eventName: 'INSERT',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'us-east-1',
      dynamodb: {
        ApproximateCreationDateTime: at.getTime() / 1000,
        Keys: { Name: { S: name }, StatusTime: { S: '2026-12-07T10:20:00.000Z' } },
        NewImage: { Name: { S: name }, StatusTime: { S: '2026-12-07T10:20:00.000Z' }, HealthPoints: { N: '12' } },
        SequenceNumber: sequenceNumber,
        SizeBytes: 120,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      eventSourceARN: streamArn,
    })),
  });
  const record: DynamoDbStreamOnFailureRecord = {
    requestContext: { requestId: randomUuid(), functionArn: options.functionArn ?? REACTOR_ARN, condition: 'RetryAttemptsExhausted', approximateInvokeCount: 4 },
    responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
    version: '1.0',
    timestamp: at.toISOString(),
    DDBStreamBatchInfo: {
      shardId,
      startSequenceNumber: changes[0]?.sequenceNumber ?? '0',
      endSequenceNumber: changes.at(-1)?.sequenceNumber ?? '0',
      approximateArrivalOfFirstRecord: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      approximateArrivalOfLastRecord: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      batchSize: changes.length,
      streamArn,
    },
    payload,
  };
  return { key: onFailureObjectKey({ mappingUuid: options.mappingUuid ?? MAPPING_UUID, shardId, at, randomUuid: randomUuid() }), record, payload };
}

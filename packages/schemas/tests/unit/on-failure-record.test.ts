import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import {
  AsyncOnFailureRecordSchema,
  DynamoDbStreamOnFailureRecordSchema,
  KinesisOnFailureRecordSchema,
  StreamOnFailureRecordSchema,
  onFailureObjectKey,
  parseOnFailureObjectKey,
} from '../../src/index.js';

// The examples of the AWS Lambda Developer Guide: "Retain discarded batch records for a Kinesis
// Data Streams event source in Lambda" (Example Amazon S3 invocation record), "Retain discarded
// records for a DynamoDB event source in Lambda" and "Capturing records of Lambda asynchronous invocations".
const kinesisS3Example = {
  requestContext: {
    requestId: 'c9b8fa9f-5a7f-xmpl-af9c-0c604cde93a5',
    functionArn: 'arn:aws:lambda:us-east-2:123456789012:function:myfunction',
    condition: 'RetryAttemptsExhausted',
    approximateInvokeCount: 1,
  },
  responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
  version: '1.0',
  timestamp: '2019-11-14T00:38:06.021Z',
  KinesisBatchInfo: {
    shardId: 'shardId-000000000001',
    startSequenceNumber: '49601189658422359378836298521827638475320189012309704722',
    endSequenceNumber: '49601189658422359378836298522902373528957594348623495186',
    approximateArrivalOfFirstRecord: '2019-11-14T00:38:04.835Z',
    approximateArrivalOfLastRecord: '2019-11-14T00:38:05.580Z',
    batchSize: 500,
    streamArn: 'arn:aws:kinesis:us-east-2:123456789012:stream/mystream',
  },
  payload: '{"Records":[]}',
};

const dynamoDbExample = {
  requestContext: {
    requestId: '316aa6d0-8154-xmpl-9af7-85c5f4a6bc81',
    functionArn: 'arn:aws:lambda:us-east-2:123456789012:function:myfunction',
    condition: 'RecordAgeExceeded',
    approximateInvokeCount: 1,
  },
  version: '1.0',
  timestamp: '2019-11-14T00:13:49.717Z',
  DDBStreamBatchInfo: {
    shardId: 'shardId-00000001573689847184-864758bb',
    startSequenceNumber: '800000000003126276362',
    endSequenceNumber: '800000000003126276362',
    approximateArrivalOfFirstRecord: '2019-11-14T00:13:19Z',
    approximateArrivalOfLastRecord: '2019-11-14T00:13:19Z',
    batchSize: 1,
    streamArn: 'arn:aws:dynamodb:us-east-2:123456789012:table/mytable/stream/2019-11-14T00:04:06.388',
  },
};

describe('on-failure invocation records (AWS Lambda Developer Guide)', () => {
  test('the Kinesis S3 invocation record example parses, payload included', () => {
    const parsed = KinesisOnFailureRecordSchema.parse(kinesisS3Example);
    expect(parsed.KinesisBatchInfo.batchSize).toBe(500);
    expect(JSON.parse(parsed.payload ?? '')).toEqual({ Records: [] });
    expect(z.safeParse(StreamOnFailureRecordSchema, kinesisS3Example).success).toBe(true);
  });

  test('the DynamoDB example parses without responseContext (RecordAgeExceeded: never invoked)', () => {
    const parsed = DynamoDbStreamOnFailureRecordSchema.parse(dynamoDbExample);
    expect(parsed.responseContext).toBeUndefined();
    expect(parsed.requestContext.condition).toBe('RecordAgeExceeded');
  });

  test('an unknown condition or a missing batch info is refused', () => {
    const badCondition = { ...kinesisS3Example, requestContext: { ...kinesisS3Example.requestContext, condition: 'Gone' } };
    expect(z.safeParse(StreamOnFailureRecordSchema, badCondition).success).toBe(false);
    const { KinesisBatchInfo: _omitted, ...noBatchInfo } = kinesisS3Example;
    expect(z.safeParse(StreamOnFailureRecordSchema, noBatchInfo).success).toBe(false);
  });

  test('the asynchronous invocation record example parses, with the event in requestPayload', () => {
    const parsed = AsyncOnFailureRecordSchema.parse({
      version: '1.0',
      timestamp: '2019-11-14T18:16:05.568Z',
      requestContext: {
        requestId: 'e4b46cbf-b738-xmpl-8880-a18cdf61200e',
        functionArn: 'arn:aws:lambda:us-east-2:123456789012:function:my-function:$LATEST',
        condition: 'RetriesExhausted',
        approximateInvokeCount: 3,
      },
      requestPayload: { ORDER_IDS: ['9e07af03-ce31-4ff3-xmpl-36dce652cb4f'] },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: { errorMessage: 'RequestId: e4b46cbf-b738-xmpl-8880-a18cdf61200e Process exited before completing request' },
    });
    expect(parsed.requestPayload).toEqual({ ORDER_IDS: ['9e07af03-ce31-4ff3-xmpl-36dce652cb4f'] });
  });
});

describe('S3 on-failure object keys: aws/lambda/<ESM-UUID>/<shardID>/YYYY/MM/DD/YYYY-MM-DDTHH.MM.SS-<Random UUID>', () => {
  test('are built in UTC, zero-padded, and parse back', () => {
    const key = onFailureObjectKey({
      mappingUuid: '1f0e2d3c-0000-4000-8000-000000000001',
      shardId: 'shardId-000000000001',
      at: new Date('2026-02-03T04:05:06.789Z'),
      randomUuid: '9a8b7c6d-0000-4000-8000-000000000002',
    });
    expect(key).toBe(
      'aws/lambda/1f0e2d3c-0000-4000-8000-000000000001/shardId-000000000001/2026/02/03/2026-02-03T04.05.06-9a8b7c6d-0000-4000-8000-000000000002',
    );
    expect(parseOnFailureObjectKey(key)).toEqual({
      mappingUuid: '1f0e2d3c-0000-4000-8000-000000000001',
      shardId: 'shardId-000000000001',
      day: '2026-02-03',
      at: '2026-02-03T04:05:06Z',
    });
  });

  test('a key of another form is not one', () => {
    expect(parseOnFailureObjectKey('kinesis-republisher/unicorn-telemetry/2026/02/03/shardId-1/1.json')).toBeUndefined();
    expect(parseOnFailureObjectKey('aws/lambda/uuid/shard/2026/02/03/not-a-stamp')).toBeUndefined();
  });
});

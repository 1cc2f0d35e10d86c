import { describe, expect, test } from 'vitest';
import { DynamoDbStreamOnFailureRecordSchema, KinesisOnFailureRecordSchema } from '@wildrydes/schemas';
import { streamOnFailureRecord, type DiscardedBatch } from '../../src/event-source-mapping/on-failure-record.js';

const batch: DiscardedBatch = {
  kind: 'kinesis',
  functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:kinesis-ddb-writer',
  requestId: 'c9b8fa9f-5a7f-4af9-8c60-0c604cde93a5',
  condition: 'RetryAttemptsExhausted',
  attempts: { invokeCount: 4, functionError: true },
  at: new Date('2026-12-07T10:00:06.021Z'),
  shardId: 'shardId-000000000001',
  streamArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/unicorn-telemetry-clean',
  firstSequenceNumber: '49601189658422359378836298521827638475320189012309704722',
  lastSequenceNumber: '49601189658422359378836298522902373528957594348623495186',
  firstArrivalMs: Date.parse('2026-12-07T10:00:04.835Z'),
  lastArrivalMs: Date.parse('2026-12-07T10:00:05.580Z'),
  batchSize: 2,
  event: { Records: [{ kinesis: { data: 'e30=' } }, { kinesis: { data: 'W10=' } }] },
};

// Field by field as the Lambda Developer Guide shows them: "Retain discarded batch records for a Kinesis
// Data Streams event source in Lambda" (Example Amazon S3 invocation record) and its DynamoDB twin.
describe('the on-failure invocation record a local stream mapping writes', () => {
  test('a Kinesis batch whose retries ran out: every documented field, in the documented order, the batch in payload', () => {
    const record = streamOnFailureRecord(batch);
    expect(Object.keys(record)).toEqual(['requestContext', 'responseContext', 'version', 'timestamp', 'KinesisBatchInfo', 'payload']);
    expect(KinesisOnFailureRecordSchema.parse(record)).toEqual({
      requestContext: { requestId: batch.requestId, functionArn: batch.functionArn, condition: 'RetryAttemptsExhausted', approximateInvokeCount: 4 },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      version: '1.0',
      timestamp: '2026-12-07T10:00:06.021Z',
      KinesisBatchInfo: {
        shardId: 'shardId-000000000001',
        startSequenceNumber: batch.firstSequenceNumber,
        endSequenceNumber: batch.lastSequenceNumber,
        approximateArrivalOfFirstRecord: '2026-12-07T10:00:04.835Z',
        approximateArrivalOfLastRecord: '2026-12-07T10:00:05.580Z',
        batchSize: 2,
        streamArn: batch.streamArn,
      },
      payload: JSON.stringify(batch.event),
    });
  });

  test('a partial batch response (the function returned): responseContext without functionError', () => {
    const record = streamOnFailureRecord({ ...batch, attempts: { invokeCount: 3, functionError: false } });
    expect(record.responseContext).toEqual({ statusCode: 200, executedVersion: '$LATEST' });
  });

  test('RecordAgeExceeded: no responseContext; DynamoDB arrival times in whole seconds under DDBStreamBatchInfo', () => {
    const record = streamOnFailureRecord({
      ...batch,
      kind: 'dynamodb-stream',
      condition: 'RecordAgeExceeded',
      attempts: { invokeCount: 0, functionError: false },
      streamArn: 'arn:aws:dynamodb:ddblocal:000000000000:table/UnicornSensorData/stream/2026-12-07T09:00:00.000',
    });
    expect(Object.keys(record)).toEqual(['requestContext', 'version', 'timestamp', 'DDBStreamBatchInfo', 'payload']);
    const parsed = DynamoDbStreamOnFailureRecordSchema.parse(record);
    expect(parsed.DDBStreamBatchInfo.approximateArrivalOfFirstRecord).toBe('2026-12-07T10:00:04Z');
    expect(parsed.DDBStreamBatchInfo.approximateArrivalOfLastRecord).toBe('2026-12-07T10:00:05Z');
    expect(parsed.requestContext.approximateInvokeCount).toBe(0);
  });
});

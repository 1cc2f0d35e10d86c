import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AsyncOnFailureRecordSchema, KinesisOnFailureRecordSchema, onFailureMappingPrefix, parseOnFailureObjectKey } from '@wildrydes/schemas';
import { startEmulators, type RunningEmulators } from '@wildrydes/emulators';
import { FailureDestinations } from '../../src/runtime/failure-destinations.js';
import { failureInventory, totalLeft } from '../../src/runtime/failure-inventory.js';
import { streamOnFailureRecord } from '../../src/event-source-mapping/on-failure-record.js';

let emulators: RunningEmulators;
let s3: S3Client;
let sqs: SQSClient;
const BUCKET = 'failures-under-test';

beforeAll(async () => {
  emulators = await startEmulators({ s3: true, sqs: true });
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  s3 = new S3Client({ endpoint: emulators.env['AWS_ENDPOINT_URL_S3'], region: 'us-east-1', forcePathStyle: true, credentials });
  sqs = new SQSClient({ endpoint: emulators.env['AWS_ENDPOINT_URL_SQS'], region: 'us-east-1', credentials });
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
}, 60_000);
afterAll(async () => {
  s3?.destroy();
  sqs?.destroy();
  await emulators?.stop();
});

describe('the local on-failure destinations, on the S3 and SQS emulators', () => {
  it('files a given-up stream batch as Lambda does, counts it, and the inventory finds it under the mapping prefix', async () => {
    // Prepare
    const destinations = new FailureDestinations({ s3, sqs }, BUCKET);
    const mappingUuid = '0b1c2d3e-0000-4000-8000-000000000001';
    destinations.locate('kinesis-ddb-writer', { onFailurePrefix: onFailureMappingPrefix(mappingUuid) });
    const record = streamOnFailureRecord({
      kind: 'kinesis',
      functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:kinesis-ddb-writer',
      requestId: 'r-1',
      condition: 'RetryAttemptsExhausted',
      attempts: { invokeCount: 6, functionError: false },
      at: new Date(),
      shardId: 'shardId-000000000000',
      streamArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/unicorn-telemetry-clean',
      firstSequenceNumber: '1',
      lastSequenceNumber: '2',
      firstArrivalMs: Date.now(),
      lastArrivalMs: Date.now(),
      batchSize: 2,
      event: { Records: [{}, {}] },
    });

    // Act
    await destinations.streamBatch('kinesis-ddb-writer', { mappingUuid, shardId: 'shardId-000000000000', record, recordCount: 2 });

    // Assess: aws/lambda/<ESM-UUID>/<shardID>/YYYY/MM/DD/YYYY-MM-DDTHH.MM.SS-<Random UUID>, the record as written.
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: onFailureMappingPrefix(mappingUuid) }));
    const key = listed.Contents?.[0]?.Key ?? '';
    expect(parseOnFailureObjectKey(key)).toMatchObject({ mappingUuid, shardId: 'shardId-000000000000' });
    const body = await (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body?.transformToString();
    expect(KinesisOnFailureRecordSchema.parse(JSON.parse(body ?? ''))).toEqual(record);
    expect([destinations.totalReached, destinations.totalRecordsReached, destinations.totalDeliveryFailures]).toEqual([1, 2, 0]);
    expect(totalLeft(await failureInventory({ s3, sqs }, BUCKET, destinations.locations))).toBe(1);
  });

  it("sends an undeliverable event to the rule target's dead-letter queue with EventBridge's attributes, and a failed asynchronous invocation's record to the on-failure queue", async () => {
    // Prepare
    const destinations = new FailureDestinations({ s3, sqs }, BUCKET);
    const { deadLetterQueueUrl, onFailureQueueUrl } = await destinations.createQueues('eventbridge-consumer');
    const event = { id: 'e-1', 'detail-type': 'RideCompleted', source: 'wildrydes.rides', detail: { rideId: 'r-1' } };

    // Act
    await destinations.deadLetter('eventbridge-consumer', event, {
      ruleArn: 'arn:aws:events:us-east-1:000000000000:rule/wildrydes-bus/eventbridge-consumer-rule',
      targetArn: 'arn:aws:lambda:us-east-1:000000000000:function:eventbridge-consumer',
      errorCode: 'THROTTLING',
      errorMessage: 'Rate exceeded',
      exhaustedRetryCondition: 'MaximumRetryAttempts',
      retryAttempts: 8,
    });
    await destinations.asyncInvocation('eventbridge-consumer', {
      functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:eventbridge-consumer',
      event,
      condition: 'RetriesExhausted',
      invokeCount: 3,
      lastError: 'DynamoDB unreachable',
    });

    // Assess
    const [dlq] = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: deadLetterQueueUrl, MessageAttributeNames: ['All'] }))).Messages ?? [];
    expect(JSON.parse(dlq?.Body ?? '')).toEqual(event);
    const attributes = Object.fromEntries(Object.entries(dlq?.MessageAttributes ?? {}).map(([name, value]) => [name, value.StringValue]));
    expect(attributes).toEqual({
      RULE_ARN: 'arn:aws:events:us-east-1:000000000000:rule/wildrydes-bus/eventbridge-consumer-rule',
      TARGET_ARN: 'arn:aws:lambda:us-east-1:000000000000:function:eventbridge-consumer',
      ERROR_CODE: 'THROTTLING',
      ERROR_MESSAGE: 'Rate exceeded',
      EXHAUSTED_RETRY_CONDITION: 'MaximumRetryAttempts',
      RETRY_ATTEMPTS: '8',
    });
    const [failure] = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: onFailureQueueUrl }))).Messages ?? [];
    const record = AsyncOnFailureRecordSchema.parse(JSON.parse(failure?.Body ?? ''));
    expect(record.requestPayload).toEqual(event);
    expect(record.requestContext).toMatchObject({ condition: 'RetriesExhausted', approximateInvokeCount: 3 });
    expect(destinations.reached.get('eventbridge-consumer')).toBe(2);
  });
});

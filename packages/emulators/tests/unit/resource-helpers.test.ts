import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  CreateStreamCommand,
  DescribeStreamSummaryCommand,
  KinesisClient,
  ListShardsCommand,
  type Shard,
  type StreamDescriptionSummary,
  type StreamStatus,
} from '@aws-sdk/client-kinesis';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { createKinesisStream, createTable, readDynamoDbStream, ResourceNotReadyError } from '../../src/index';

// What the emulators answer at once (or never) is faked here: a stream that takes a while,
// paginated listings, a table whose stream ARN comes late.
const kinesisMock = mockClient(KinesisClient);
const dynamodbMock = mockClient(DynamoDBClient);
const streamsMock = mockClient(DynamoDBStreamsClient);
const ARN = 'arn:aws:kinesis:us-east-1:000000000000:stream/rides';
const TABLE_ARN = 'arn:aws:dynamodb:ddblocal:000000000000:table/Rides';

const summary = (StreamStatus: StreamStatus): StreamDescriptionSummary => ({
  StreamName: 'rides',
  StreamARN: ARN,
  StreamStatus,
  RetentionPeriodHours: 24,
  StreamCreationTimestamp: new Date(0),
  EnhancedMonitoring: [],
  OpenShardCount: 2,
});
const shard = (ShardId: string): Shard => ({
  ShardId,
  HashKeyRange: { StartingHashKey: '0', EndingHashKey: '1' },
  SequenceNumberRange: { StartingSequenceNumber: '0' },
});

afterEach(() => {
  kinesisMock.reset();
  dynamodbMock.reset();
  streamsMock.reset();
});

describe('createKinesisStream', () => {
  it('waits for ACTIVE and collects the shard ids of every ListShards page', async () => {
    // Prepare
    kinesisMock.on(CreateStreamCommand).resolves({});
    kinesisMock
      .on(DescribeStreamSummaryCommand)
      .resolvesOnce({ StreamDescriptionSummary: summary('CREATING') })
      .resolves({ StreamDescriptionSummary: summary('ACTIVE') });
    kinesisMock.on(ListShardsCommand, { StreamName: 'rides' }).resolves({ Shards: [shard('shardId-000000000000')], NextToken: 'page-2' });
    kinesisMock.on(ListShardsCommand, { NextToken: 'page-2' }).resolves({ Shards: [shard('shardId-000000000001')] });
    const client = new KinesisClient({});

    // Act
    const stream = await createKinesisStream(client, 'rides', { shardCount: 2, pollIntervalMs: 1 });

    // Assess
    expect(stream).toEqual({ streamName: 'rides', streamArn: ARN, shardIds: ['shardId-000000000000', 'shardId-000000000001'] });
    expect(kinesisMock.commandCalls(CreateStreamCommand)[0]?.args[0].input).toEqual({ StreamName: 'rides', ShardCount: 2 });
    expect(kinesisMock.commandCalls(DescribeStreamSummaryCommand)).toHaveLength(2);
    expect(kinesisMock.commandCalls(ListShardsCommand)[1]?.args[0].input).toEqual({ NextToken: 'page-2' });
  });

  it('throws ResourceNotReadyError when the stream stays CREATING past the timeout', async () => {
    // Prepare
    kinesisMock.on(CreateStreamCommand).resolves({});
    kinesisMock.on(DescribeStreamSummaryCommand).resolves({ StreamDescriptionSummary: summary('CREATING') });

    // Act
    const error = await createKinesisStream(new KinesisClient({}), 'slow', { timeoutMs: 20, pollIntervalMs: 5 }).catch((thrown: unknown) => thrown);

    // Assess
    expect(error).toBeInstanceOf(ResourceNotReadyError);
    expect((error as Error).message).toBe('Kinesis stream slow did not become ACTIVE within 20 ms (last status: CREATING)');
    expect(kinesisMock.commandCalls(ListShardsCommand)).toEqual([]);
  });
});

describe('createTable', () => {
  it('creates string keys on demand and waits until the table is ACTIVE with its stream ARN', async () => {
    // Prepare
    dynamodbMock.on(CreateTableCommand).resolves({ TableDescription: { TableStatus: 'CREATING', TableArn: TABLE_ARN } });
    dynamodbMock
      .on(DescribeTableCommand)
      .resolvesOnce({ Table: { TableStatus: 'ACTIVE', TableArn: TABLE_ARN } })
      .resolves({ Table: { TableStatus: 'ACTIVE', TableArn: TABLE_ARN, LatestStreamArn: `${TABLE_ARN}/stream/1` } });

    // Act
    const table = await createTable(new DynamoDBClient({}), {
      tableName: 'Rides',
      partitionKey: 'pk',
      sortKey: 'sk',
      stream: 'NEW_AND_OLD_IMAGES',
      pollIntervalMs: 1,
    });

    // Assess
    expect(table).toEqual({ tableName: 'Rides', tableArn: TABLE_ARN, streamArn: `${TABLE_ARN}/stream/1` });
    expect(dynamodbMock.commandCalls(CreateTableCommand)[0]?.args[0].input).toEqual({
      TableName: 'Rides',
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
    expect(dynamodbMock.commandCalls(DescribeTableCommand)).toHaveLength(2);
  });

  it('says the stream ARN is missing when a table asked to have a stream never gets one', async () => {
    // Prepare
    dynamodbMock.on(CreateTableCommand).resolves({ TableDescription: { TableStatus: 'ACTIVE', TableArn: TABLE_ARN } });
    dynamodbMock.on(DescribeTableCommand).resolves({ Table: { TableStatus: 'ACTIVE', TableArn: TABLE_ARN } });

    // Act
    const error = await createTable(new DynamoDBClient({}), { tableName: 'Rides', partitionKey: 'pk', stream: 'KEYS_ONLY', timeoutMs: 10, pollIntervalMs: 2 }).catch(
      (thrown: unknown) => thrown,
    );

    // Assess
    expect(error).toBeInstanceOf(ResourceNotReadyError);
    expect((error as Error).message).toBe('DynamoDB table Rides did not become ACTIVE within 10 ms (last status: ACTIVE without a stream ARN)');
  });
});

describe('readDynamoDbStream', () => {
  it('reads every shard of every DescribeStream page from TRIM_HORIZON up to its first empty page', async () => {
    // Prepare
    const streamArn = `${TABLE_ARN}/stream/1`;
    streamsMock.on(DescribeStreamCommand, { StreamArn: streamArn }).resolves({ StreamDescription: { Shards: [{ ShardId: 'parent' }], LastEvaluatedShardId: 'parent' } });
    streamsMock.on(DescribeStreamCommand, { StreamArn: streamArn, ExclusiveStartShardId: 'parent' }).resolves({ StreamDescription: { Shards: [{ ShardId: 'child' }] } });
    streamsMock.on(GetShardIteratorCommand, { ShardId: 'parent' }).resolves({ ShardIterator: 'parent-0' });
    streamsMock.on(GetShardIteratorCommand, { ShardId: 'child' }).resolves({ ShardIterator: 'child-0' });
    streamsMock.on(GetRecordsCommand, { ShardIterator: 'parent-0' }).resolves({ Records: [{ eventID: 'p1' }, { eventID: 'p2' }] });
    streamsMock.on(GetRecordsCommand, { ShardIterator: 'child-0' }).resolves({ Records: [{ eventID: 'c1' }], NextShardIterator: 'child-1' });
    streamsMock.on(GetRecordsCommand, { ShardIterator: 'child-1' }).resolves({ Records: [], NextShardIterator: 'child-2' });

    // Act
    const records = await readDynamoDbStream(new DynamoDBStreamsClient({}), streamArn);

    // Assess
    expect(records.map(({ eventID }) => eventID)).toEqual(['p1', 'p2', 'c1']);
    expect(streamsMock.commandCalls(GetRecordsCommand).map((call) => call.args[0].input.ShardIterator)).toEqual(['parent-0', 'child-0', 'child-1']);
  });
});

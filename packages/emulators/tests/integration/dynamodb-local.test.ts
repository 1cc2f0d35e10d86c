import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JavaNotFoundError, PortInUseError, isPortFree, startDynamoDbLocal, type RunningEmulator } from '../../src/index';
import { postAwsJson } from '../../src/raw-aws-call';
import { clientConfig, occupyPort } from './helpers';

/** Calls the DynamoDB Streams JSON API directly (@aws-sdk/client-dynamodb-streams is not installed). */
async function streams<T>(port: number, operation: string, payload: unknown): Promise<T> {
  const response = await postAwsJson(port, `DynamoDBStreams_20120810.${operation}`, payload);
  if (response.status !== 200) throw new Error(`${operation}: HTTP ${response.status} ${response.body}`);
  return JSON.parse(response.body) as T;
}

interface StreamRecord {
  eventName: string;
  eventSource: string;
  dynamodb: { Keys: unknown; NewImage?: unknown; OldImage?: unknown; StreamViewType: string };
}

describe('startDynamoDbLocal', () => {
  let ddb: RunningEmulator;
  let client: DynamoDBClient;

  beforeAll(async () => {
    ddb = await startDynamoDbLocal();
    client = new DynamoDBClient({ ...clientConfig, endpoint: ddb.endpoint });
  });

  afterAll(async () => {
    client?.destroy();
    await ddb?.stop();
    if (ddb) expect(await isPortFree(ddb.port)).toBe(true);
  });

  it('serves DynamoDB with Streams: NEW_AND_OLD_IMAGES records for put and update', async () => {
    expect(ddb.endpoint).toBe(`http://127.0.0.1:${ddb.port}`);
    await client.send(
      new CreateTableCommand({
        TableName: 'Rides',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'RideId', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'RideId', KeyType: 'HASH' }],
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      }),
    );
    const { Table } = await client.send(new DescribeTableCommand({ TableName: 'Rides' }));
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(Table?.LatestStreamArn).toMatch(/^arn:aws:dynamodb:ddblocal:000000000000:table\/Rides\/stream\//);

    await client.send(new PutItemCommand({ TableName: 'Rides', Item: { RideId: { S: 'r1' }, Unicorn: { S: 'Shadowfax' } } }));
    await client.send(
      new UpdateItemCommand({
        TableName: 'Rides',
        Key: { RideId: { S: 'r1' } },
        UpdateExpression: 'SET Unicorn = :u',
        ExpressionAttributeValues: { ':u': { S: 'Rocinante' } },
      }),
    );

    const { StreamDescription } = await streams<{
      StreamDescription: { Shards: Array<{ ShardId: string }> };
    }>(ddb.port, 'DescribeStream', { StreamArn: Table!.LatestStreamArn });
    const shardId = StreamDescription.Shards[0]!.ShardId;
    const { ShardIterator } = await streams<{ ShardIterator: string }>(ddb.port, 'GetShardIterator', {
      StreamArn: Table!.LatestStreamArn,
      ShardId: shardId,
      ShardIteratorType: 'TRIM_HORIZON',
    });
    const { Records } = await streams<{ Records: StreamRecord[] }>(ddb.port, 'GetRecords', { ShardIterator });

    expect(Records.map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY']);
    expect(Records[0]!.eventSource).toBe('aws:dynamodb');
    expect(Records[1]!.dynamodb).toMatchObject({
      Keys: { RideId: { S: 'r1' } },
      OldImage: { RideId: { S: 'r1' }, Unicorn: { S: 'Shadowfax' } },
      NewImage: { RideId: { S: 'r1' }, Unicorn: { S: 'Rocinante' } },
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    });
  });

  it('throws JavaNotFoundError when java is missing', async () => {
    const error = await startDynamoDbLocal({ javaBinary: 'definitely-not-java' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(JavaNotFoundError);
    expect((error as Error).message).toMatch(/Java 17/);
    expect((error as Error).message).toMatch(/java -version/);
  });

  it('throws PortInUseError naming the port when an explicit port is taken', async () => {
    const taken = await occupyPort();
    try {
      const error = await startDynamoDbLocal({ port: taken.port }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PortInUseError);
      expect((error as Error).message).toContain(String(taken.port));
    } finally {
      await taken.release();
    }
  });
});

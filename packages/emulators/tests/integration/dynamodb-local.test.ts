import { DescribeTableCommand, DynamoDBClient, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EmulatorStartError,
  JavaNotFoundError,
  PortInUseError,
  createTable,
  dynamoDbStreamEventFromRecords,
  isPortFree,
  readDynamoDbStream,
  startDynamoDbLocal,
  type RunningEmulator,
} from '../../src/index';
import { clientConfig, occupyPort } from './helpers';
import { accepts, otherLocalAddresses } from './other-local-addresses';

describe('startDynamoDbLocal', () => {
  let ddb: RunningEmulator;
  let client: DynamoDBClient;
  let streams: DynamoDBStreamsClient;

  beforeAll(async () => {
    ddb = await startDynamoDbLocal();
    client = new DynamoDBClient({ ...clientConfig, endpoint: ddb.endpoint });
    streams = new DynamoDBStreamsClient({ ...clientConfig, endpoint: ddb.endpoint });
  });

  afterAll(async () => {
    client?.destroy();
    streams?.destroy();
    await ddb?.stop();
    if (ddb) expect(await isPortFree(ddb.port)).toBe(true);
  });

  it('serves DynamoDB with Streams: NEW_AND_OLD_IMAGES records for put and update', async () => {
    expect(ddb.endpoint).toBe(`http://127.0.0.1:${ddb.port}`);
    const { tableArn, streamArn } = await createTable(client, { tableName: 'Rides', partitionKey: 'RideId', stream: 'NEW_AND_OLD_IMAGES' });
    const { Table } = await client.send(new DescribeTableCommand({ TableName: 'Rides' }));
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(Table?.KeySchema).toEqual([{ AttributeName: 'RideId', KeyType: 'HASH' }]);
    expect(tableArn).toBe(Table?.TableArn);
    expect(streamArn).toBe(Table?.LatestStreamArn);
    expect(streamArn).toMatch(/^arn:aws:dynamodb:ddblocal:000000000000:table\/Rides\/stream\//);

    await client.send(new PutItemCommand({ TableName: 'Rides', Item: { RideId: { S: 'r1' }, Unicorn: { S: 'Shadowfax' } } }));
    await client.send(
      new UpdateItemCommand({
        TableName: 'Rides',
        Key: { RideId: { S: 'r1' } },
        UpdateExpression: 'SET Unicorn = :u',
        ExpressionAttributeValues: { ':u': { S: 'Rocinante' } },
      }),
    );

    const records = await readDynamoDbStream(streams, streamArn);
    expect(records.map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY']);
    expect(records[0]!.eventSource).toBe('aws:dynamodb');
    expect(records[1]!.dynamodb).toMatchObject({
      Keys: { RideId: { S: 'r1' } },
      OldImage: { RideId: { S: 'r1' }, Unicorn: { S: 'Shadowfax' } },
      NewImage: { RideId: { S: 'r1' }, Unicorn: { S: 'Rocinante' } },
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    });
    const event = dynamoDbStreamEventFromRecords(records, { streamArn });
    expect(event.Records.map((record) => [record.eventName, record.eventSourceARN])).toEqual([
      ['INSERT', streamArn],
      ['MODIFY', streamArn],
    ]);
  });

  it('creates string-keyed tables without a stream, and passes on the error for a table that exists', async () => {
    // Act
    const table = await createTable(client, { tableName: 'ReadModel', partitionKey: 'pk', sortKey: 'sk' });
    const again = await createTable(client, { tableName: 'ReadModel', partitionKey: 'pk' }).catch((e: unknown) => e);

    // Assess
    expect(table).toEqual({ tableName: 'ReadModel', tableArn: 'arn:aws:dynamodb:ddblocal:000000000000:table/ReadModel' });
    const { Table } = await client.send(new DescribeTableCommand({ TableName: 'ReadModel' }));
    expect(Table).toMatchObject({ TableStatus: 'ACTIVE', BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' } });
    expect(Table?.KeySchema?.map(({ AttributeName, KeyType }) => `${AttributeName} ${KeyType}`)).toEqual(['pk HASH', 'sk RANGE']);
    expect(Table?.AttributeDefinitions?.map(({ AttributeName, AttributeType }) => `${AttributeName} ${AttributeType}`)).toEqual(['pk S', 'sk S']);
    expect(Table?.LatestStreamArn).toBeUndefined();
    expect(again).toMatchObject({ name: 'ResourceInUseException' });
  });

  it('listens on 127.0.0.1 only, not on the other addresses of this machine (the jar alone listens on every interface)', async () => {
    // Prepare
    const others = await otherLocalAddresses();

    // Act
    const reachable = await Promise.all(others.map(async (address) => [address, await accepts(address, ddb.port)] as const));

    // Assess
    expect(others.length).toBeGreaterThan(0);
    expect(await accepts('127.0.0.1', ddb.port)).toBe(true);
    expect(reachable).toEqual(others.map((address) => [address, false]));
  });

  it('allows CORS for its own origin only, so a web page cannot drive it (DynamoDB local usage notes: -cors defaults to *)', async () => {
    // Prepare
    const preflight = (origin: string) =>
      fetch(ddb.endpoint, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-amz-target' },
      });

    // Act
    const foreign = await preflight('https://attacker.example');
    const own = await preflight(ddb.endpoint);

    // Assess
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect(own.headers.get('access-control-allow-origin')).toBe(ddb.endpoint);
  });

  it('says a JDK is needed when Java cannot compile the loopback launcher', async () => {
    // Act: a JVM without the jdk.compiler module, as a JRE-only install is
    const error = await startDynamoDbLocal({ jvmArgs: ['--limit-modules', 'java.base'] }).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(EmulatorStartError);
    expect((error as Error).message).toMatch(/needs a Java 17\+ JDK/);
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

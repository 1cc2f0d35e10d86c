import { BatchWriteItemCommand, DynamoDBClient, GetItemCommand, PutItemCommand, ScanCommand, UpdateItemCommand, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { request } from 'node:http';
import { crc32 } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTable, startDynamoDbLocal, startFaultProxy, type RunningEmulator, type RunningFaultProxy } from '../../src/index';
import { clientConfig } from './helpers';

/** One POST of the JSON 1.0 protocol, answering status, headers and the raw body bytes. */
function postRaw(port: number, target: string, payload: unknown): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/',
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': target,
          authorization: 'AWS4-HMAC-SHA256 Credential=local/20240101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
        },
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body: Buffer.concat(chunks) }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

describe('fault proxy in front of DynamoDB Local, with the SDK v3 DynamoDB client', () => {
  let ddb: RunningEmulator;
  let direct: DynamoDBClient;
  let proxy: RunningFaultProxy;
  let client: DynamoDBClient;
  let tableName: string;
  let tables = 0;

  beforeAll(async () => {
    ddb = await startDynamoDbLocal();
    direct = new DynamoDBClient({ ...clientConfig, endpoint: ddb.endpoint });
  });

  afterAll(async () => {
    direct?.destroy();
    await ddb?.stop();
  });

  beforeEach(async () => {
    tables += 1;
    tableName = `Faults${tables}`;
    await createTable(direct, { tableName, partitionKey: 'Id' });
    proxy = await startFaultProxy({ service: 'dynamodb', target: ddb.endpoint, seed: 3 });
    client = new DynamoDBClient({ ...clientConfig, endpoint: proxy.endpoint });
  });

  afterEach(async () => {
    client.destroy();
    await proxy.stop();
  });

  const storedIds = async (): Promise<string[]> =>
    ((await direct.send(new ScanCommand({ TableName: tableName }))).Items ?? []).map((item) => item['Id']?.S ?? '').sort();

  it('throttles with a JSON 1.0 ProvisionedThroughputExceededException or ThrottlingException that the SDK retries', async () => {
    // Prepare
    proxy.failNext('throttle', 2);
    const once = new DynamoDBClient({ ...clientConfig, endpoint: proxy.endpoint, maxAttempts: 1 });

    // Act
    const error = await once.send(new PutItemCommand({ TableName: tableName, Item: { Id: { S: 'not retried' } } })).catch((caught: unknown) => caught);
    const retried = await client.send(new PutItemCommand({ TableName: tableName, Item: { Id: { S: 'retried' } } }));
    once.destroy();

    // Assess
    expect((error as Error).name).toMatch(/^(ProvisionedThroughputExceededException|ThrottlingException)$/);
    expect(error).toMatchObject({ $metadata: { httpStatusCode: 400 } });
    expect(retried.$metadata.attempts).toBe(2);
    expect(await storedIds()).toEqual(['retried']);
  });

  it('fails with InternalServerError or ServiceUnavailable, which the SDK retries', async () => {
    // Prepare
    proxy.failNext('serverError');

    // Act
    const result = await client.send(new PutItemCommand({ TableName: tableName, Item: { Id: { S: 'a' } } }));

    // Assess
    expect(result.$metadata.attempts).toBe(2);
    expect(proxy.counts().serverError).toBe(1);
  });

  it('drops the connection after the update was applied: the retry applies it once more', async () => {
    // Prepare
    proxy.failNext('dropAfter');
    const add = new UpdateItemCommand({ TableName: tableName, Key: { Id: { S: 'counter' } }, UpdateExpression: 'ADD Hits :one', ExpressionAttributeValues: { ':one': { N: '1' } } });

    // Act
    const result = await client.send(add);

    // Assess
    const { Item } = await direct.send(new GetItemCommand({ TableName: tableName, Key: { Id: { S: 'counter' } } }));
    expect(result.$metadata.attempts).toBe(2);
    expect(Item?.['Hits']).toEqual({ N: '2' });
  });

  it('fails part of a BatchWriteItem: the withheld requests come back in UnprocessedItems and are really not written', async () => {
    // Prepare
    const ids = Array.from({ length: 20 }, (_, index) => `item-${String(index).padStart(2, '0')}`);
    const writes: WriteRequest[] = ids.map((id) => ({ PutRequest: { Item: { Id: { S: id }, Payload: { S: `payload of ${id}` } } } }));
    proxy.failNext('partialBatch');

    // Act
    const result = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: writes } }));

    // Assess
    const unprocessed = result.UnprocessedItems?.[tableName] ?? [];
    const unprocessedIds = unprocessed.map((write) => write.PutRequest?.Item?.['Id']?.S ?? '');
    expect(unprocessed.length).toBeGreaterThan(0);
    expect(unprocessed.length).toBeLessThan(ids.length);
    expect(unprocessed).toEqual(writes.filter((write) => unprocessedIds.includes(write.PutRequest?.Item?.['Id']?.S ?? '')));
    expect(proxy.counts()).toMatchObject({ partialBatch: 1, partialEntries: unprocessed.length });
    expect(await storedIds()).toEqual(ids.filter((id) => !unprocessedIds.includes(id)));
  });

  it('sends a rewritten answer with its own Content-Length and a recomputed x-amz-crc32', async () => {
    // Prepare
    proxy.failNext('partialBatch');
    const writes = ['a', 'b', 'c'].map((id) => ({ PutRequest: { Item: { Id: { S: id } } } }));

    // Act
    const answer = await postRaw(proxy.port, 'DynamoDB_20120810.BatchWriteItem', { RequestItems: { [tableName]: writes } });

    // Assess
    expect(answer.status).toBe(200);
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(answer.headers['x-amz-crc32']).toBe(String(crc32(answer.body)));
    expect(JSON.parse(answer.body.toString('utf8')).UnprocessedItems[tableName].length).toBe(proxy.counts().partialEntries);
  });

  it('leaves a BatchWriteItem of one request whole: DynamoDB never answers every request unprocessed', async () => {
    // Prepare
    proxy.failNext('partialBatch');

    // Act
    const result = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: [{ PutRequest: { Item: { Id: { S: 'only' } } } }] } }));

    // Assess
    expect(result.UnprocessedItems).toEqual({});
    expect(proxy.counts().partialBatch).toBe(0);
    expect(await storedIds()).toEqual(['only']);
  });
});

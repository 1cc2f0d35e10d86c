import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createKinesisClient, createS3Client, deadlineAt, listQuarantined, quarantineRecords } from '@wildrydes/aws-clients';
import { createKinesisStream, readShard, startEmulators, type CreatedKinesisStream, type RunningEmulators } from '@wildrydes/emulators';
import { main } from '../../src/main.js';
import { PREFIX, REPUBLISHER_ARN, dynamoDbOnFailure, kinesisOnFailure } from '../support/on-failure.js';
import { quarantinedChange } from '../support/quarantined.js';

let emulators: RunningEmulators;
let s3: S3Client;
let kinesis: KinesisClient;
let lambda: Server;
/** What the Lambda endpoint was invoked with: the FunctionName as sent (name or ARN), and the payload. */
const invocations: Array<{ functionName: string; payload: string }> = [];
/** The names of the functions the endpoint knows; any other is answered ResourceNotFoundException, as Lambda does. */
let served: ReadonlySet<string> = new Set(['ddb-stream-reactor']);
/** Decides what the function answers: an error, failed records, or success. */
let answer: (payload: string) => { functionError?: string; body: string } = () => ({ body: '{"batchItemFailures":[]}' });

beforeAll(async () => {
  emulators = await startEmulators({ kinesis: true, s3: true });
  lambda = await startLambda();
  Object.assign(process.env, emulators.env, { AWS_ENDPOINT_URL_LAMBDA: `http://127.0.0.1:${(lambda.address() as AddressInfo).port}` });
  s3 = createS3Client();
  kinesis = createKinesisClient();
});

beforeEach(() => {
  served = new Set(['ddb-stream-reactor']);
});

afterAll(async () => {
  s3?.destroy();
  kinesis?.destroy();
  await new Promise((resolve) => (lambda ? lambda.close(resolve) : resolve(undefined)));
  await emulators?.stop();
});

/**
 * The function name in Invoke's `FunctionName` ("Invoke", AWS Lambda API Reference: a name, a
 * partial ARN `<account>:function:<name>` or an ARN, each optionally with `:<qualifier>`).
 */
function nameIn(functionName: string): string {
  const parts = functionName.split(':');
  const at = parts.indexOf('function');
  return (at >= 0 ? parts[at + 1] : parts[0]) ?? '';
}

/**
 * A small Lambda Invoke endpoint (`POST /2015-03-31/functions/<name>/invocations`, per "Invoke",
 * AWS Lambda API Reference): answers 404 `ResourceNotFoundException` for a function it does not
 * serve, records the payload, answers with `X-Amz-Function-Error` when the function "throws".
 */
async function startLambda(): Promise<Server> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const match = /^\/2015-03-31\/functions\/([^/]+)\/invocations/.exec(request.url ?? '');
      if (request.method !== 'POST' || !match) {
        response.statusCode = 404;
        response.end(JSON.stringify({ Type: 'User', message: 'Function not found' }));
        return;
      }
      const functionName = decodeURIComponent(match[1] as string);
      if (!served.has(nameIn(functionName))) {
        response.statusCode = 404;
        response.setHeader('x-amzn-errortype', 'ResourceNotFoundException');
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ Type: 'User', Message: `Function not found: ${functionName}` }));
        return;
      }
      const payload = Buffer.concat(chunks).toString('utf8');
      const { functionError, body } = answer(payload);
      invocations.push({ functionName, payload });
      response.setHeader('content-type', 'application/json');
      response.setHeader('x-amz-executed-version', '$LATEST');
      if (functionError !== undefined) response.setHeader('x-amz-function-error', functionError);
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

async function putObjects(bucket: string, objects: ReadonlyArray<{ key: string; record: unknown }>): Promise<void> {
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  for (const { key, record } of objects) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: JSON.stringify(record) }));
}

async function keysIn(bucket: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of listQuarantined(s3, { bucketName: bucket })) keys.push(key);
  return keys.sort();
}

async function byPartitionKey({ streamName, shardIds }: CreatedKinesisStream): Promise<Map<string, string[]>> {
  const byKey = new Map<string, string[]>();
  for (const shardId of shardIds) {
    for (const record of await readShard(kinesis, streamName, shardId)) {
      byKey.set(record.PartitionKey!, [...(byKey.get(record.PartitionKey!) ?? []), Buffer.from(record.Data!).toString('latin1')]);
    }
  }
  return byKey;
}

async function runCommand(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

describe('npm run redrive -- --source on-failure, Kinesis objects against s3rver and kinesalite', () => {
  it('changes nothing in a dry run, then puts every record back (bytes, partition keys, order per key) and deletes the objects, then finds nothing', async () => {
    // Prepare: two failed batches of one shard, the later one listed first, and one without payload.
    const bucket = 'redrive-on-failure-kinesis';
    const stream = await createKinesisStream(kinesis, 'redrive-on-failure-source', { shardCount: 2 });
    const later = kinesisOnFailure(stream.streamName, 'shardId-000000000000', [
      { partitionKey: 'Shadowfax', data: 'shadowfax-3', sequenceNumber: '49600000000000000000000000000000000000000000000000000100' },
      { partitionKey: 'Rocinante', data: Buffer.from([0x00, 0xff, 0x80]), sequenceNumber: '49600000000000000000000000000000000000000000000000000101' },
    ], { at: new Date('2026-12-07T10:00:00Z') });
    const earlier = kinesisOnFailure(stream.streamName, 'shardId-000000000000', [
      { partitionKey: 'Shadowfax', data: 'shadowfax-1', sequenceNumber: '4960000000000000000000000000000000000000000000000000009' },
      { partitionKey: 'Shadowfax', data: 'shadowfax-2', sequenceNumber: '4960000000000000000000000000000000000000000000000000010' },
    ], { at: new Date('2026-12-07T11:00:00Z') });
    const metadataOnly = kinesisOnFailure(stream.streamName, 'shardId-000000000001', [{ partitionKey: 'X', data: 'x', sequenceNumber: '5' }], { withPayload: false });
    await putObjects(bucket, [later, earlier, metadataOnly]);
    const argv = ['--function', 'kinesis-republisher', '--source', 'on-failure', '--failure-bucket', bucket, '--on-failure-prefix', PREFIX, '--function-arn', REPUBLISHER_ARN];

    // Act
    const dryRun = await runCommand([...argv, '--dry-run']);
    const afterDryRun = { keys: await keysIn(bucket), records: await byPartitionKey(stream) };
    const real = await runCommand(argv);
    const again = await runCommand(argv);

    // Assess
    expect(dryRun.code).toBe(0);
    expect(afterDryRun.keys).toEqual([later.key, earlier.key, metadataOnly.key].sort());
    expect(afterDryRun.records.size).toBe(0);
    expect(dryRun.out[0]).toBe(`Re-driving on-failure batches of function kinesis-republisher from s3://${bucket}/${PREFIX} (dry run: nothing will be changed)`);

    expect(real.err).toEqual([]);
    expect(real.code).toBe(0);
    const records = await byPartitionKey(stream);
    expect(records.get('Shadowfax')).toEqual(['shadowfax-1', 'shadowfax-2', 'shadowfax-3']);
    expect(records.get('Rocinante')).toEqual([Buffer.from([0x00, 0xff, 0x80]).toString('latin1')]);
    expect(await keysIn(bucket)).toEqual([metadataOnly.key]);
    expect(real.out).toContain(`Summary for kinesis-republisher in bucket ${bucket} under ${PREFIX}:`);
    expect(real.out).toContain('  skipped            1  (NO_PAYLOAD: 1)');
    expect(real.out).toContain('  deleted            2');
    expect(real.out.at(-1)).toBe('1 kept: they cannot be re-driven as they are (see the skipped lines above)');

    expect(again.code).toBe(0);
    expect(again.out).toContain('  re-driven          0');
    expect((await byPartitionKey(stream)).get('Shadowfax')).toHaveLength(3);
  });

  it("re-drives the function's objects under every mapping's prefix, a replaced mapping's too, and never touches another function's", async () => {
    // Prepare: the mapping was replaced (objects under two prefixes), and another function's object sits under the current one.
    const bucket = 'redrive-on-failure-by-function';
    const stream = await createKinesisStream(kinesis, 'redrive-on-failure-by-function', { shardCount: 1 });
    const oldMapping = kinesisOnFailure(stream.streamName, 'shardId-000000000000', [{ partitionKey: 'Shadowfax', data: 'shadowfax-1', sequenceNumber: '1' }], {
      mappingUuid: 'ffffffff-0000-4000-8000-000000000001',
      at: new Date('2026-12-06T10:00:00Z'),
    });
    const current = kinesisOnFailure(stream.streamName, 'shardId-000000000000', [{ partitionKey: 'Shadowfax', data: 'shadowfax-2', sequenceNumber: '2' }]);
    const writers = kinesisOnFailure(stream.streamName, 'shardId-000000000000', [{ partitionKey: 'Rocinante', data: 'not-ours', sequenceNumber: '3' }], {
      functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:kinesis-ddb-writer',
    });
    await putObjects(bucket, [oldMapping, current, writers]);

    // Act: no --on-failure-prefix, the deployed function as its ARN with an alias.
    const { code, out } = await runCommand(['--function', 'kinesis-republisher', '--source', 'on-failure', '--failure-bucket', bucket, '--function-arn', `${REPUBLISHER_ARN}:live`]);

    // Assess
    expect(code).toBe(0);
    const records = await byPartitionKey(stream);
    expect(records.get('Shadowfax')).toEqual(['shadowfax-1', 'shadowfax-2']);
    expect(records.has('Rocinante')).toBe(false);
    expect(await keysIn(bucket)).toEqual([writers.key]);
    expect(out[0]).toBe(`Re-driving on-failure batches of function kinesis-republisher from s3://${bucket}/aws/lambda/`);
    expect(out).toContain("  filtered out       1  (--since, other functions' objects)");
    expect(out).toContain('  re-driven          2');
  });

  it('keeps every object and exits 1 when the stream does not exist', async () => {
    // Prepare
    const bucket = 'redrive-on-failure-missing-stream';
    const object = kinesisOnFailure('redrive-no-such-stream', 'shardId-000000000000', [{ partitionKey: 'A', data: 'a', sequenceNumber: '1' }]);
    await putObjects(bucket, [object]);

    // Act
    const { code, out } = await runCommand(['--function', 'kinesis-republisher', '--source', 'on-failure', '--failure-bucket', bucket, '--function-arn', 'kinesis-republisher']);

    // Assess
    expect(code).toBe(1);
    expect(await keysIn(bucket)).toEqual([object.key]);
    expect(out.some((line) => line.startsWith(`failed ${object.key}: ResourceNotFoundException: 1 of its 1 records were not written`))).toBe(true);
  });
});

describe('npm run redrive -- DynamoDB stream failures against s3rver and a Lambda Invoke endpoint', () => {
  it('re-delivers stored batches exactly as stored, in stream order per shard, keeps what the function failed on, and exits 1; then idempotent once fixed', async () => {
    // Prepare
    const bucket = 'redrive-on-failure-ddb';
    const second = dynamoDbOnFailure('shardId-00000001700000000000-aaaaaaaa', [{ name: 'Shadowfax', sequenceNumber: '300' }], { at: new Date('2026-12-07T09:00:00Z') });
    const first = dynamoDbOnFailure('shardId-00000001700000000000-aaaaaaaa', [{ name: 'Rocinante', sequenceNumber: '100' }, { name: 'Shadowfax', sequenceNumber: '200' }]);
    const failing = dynamoDbOnFailure('shardId-00000001700000000000-bbbbbbbb', [{ name: 'Bucephalus', sequenceNumber: '150' }]);
    await putObjects(bucket, [second, first, failing]);
    invocations.length = 0;
    answer = (payload) =>
      payload.includes('Bucephalus') ? { body: '{"batchItemFailures":[{"itemIdentifier":"150"}]}' } : { body: '{"batchItemFailures":[]}' };
    const argv = ['--function', 'ddb-stream-reactor', '--source', 'on-failure', '--failure-bucket', bucket, '--function-arn', 'ddb-stream-reactor'];

    // Act
    const firstRun = await runCommand(argv);
    const keysAfterFirstRun = await keysIn(bucket);
    answer = () => ({ body: '{"batchItemFailures":[]}' });
    const fixedRun = await runCommand(argv);
    const idleRun = await runCommand(argv);

    // Assess
    expect(firstRun.code).toBe(1);
    expect(invocations.slice(0, 3)).toEqual([
      { functionName: 'ddb-stream-reactor', payload: first.payload },
      { functionName: 'ddb-stream-reactor', payload: second.payload },
      { functionName: 'ddb-stream-reactor', payload: failing.payload },
    ]);
    expect(keysAfterFirstRun).toEqual([failing.key]);
    expect(firstRun.out).toContain(`failed ${failing.key}: BatchItemFailures: the function reported 1 record(s) as failed (150)`);
    expect(fixedRun.code).toBe(0);
    expect(await keysIn(bucket)).toEqual([]);
    expect(idleRun.code).toBe(0);
    expect(invocations).toHaveLength(4);
  });

  it('re-delivers quarantined DynamoDB stream records to the deployed reactor (--function-arn), and keeps the one whose invocation fails with X-Amz-Function-Error', async () => {
    // Prepare: deployed, the reactor has the name CloudFormation gave it, not its project name.
    const deployedName = 'WildRydes-DdbStreamReactor-ConsumerFunction1A2B3C4D';
    const deployedArn = `arn:aws:lambda:us-east-1:123456789012:function:${deployedName}`;
    served = new Set([deployedName]);
    const bucket = 'redrive-quarantine-ddb';
    const fine = quarantinedChange({ sequenceNumber: '1', name: 'Rocinante', hp: 5 });
    const throws = quarantinedChange({ sequenceNumber: '2', name: 'Shadowfax', hp: 6 });
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const { failed } = await quarantineRecords(s3, { bucketName: bucket, records: [fine.record, throws.record], deadline: deadlineAt(Date.now() + 10_000) });
    expect(failed).toEqual([]);
    invocations.length = 0;
    answer = (payload) => (payload.includes('Shadowfax') ? { functionError: 'Unhandled', body: '{"errorType":"Error","errorMessage":"bus unreachable"}' } : { body: '{"batchItemFailures":[]}' });

    const argv = ['--function', 'ddb-stream-reactor', '--source', 'quarantine', '--bucket', bucket, '--function-arn', deployedArn];

    // Act
    const dryRun = await runCommand([...argv, '--dry-run']);
    const { code, out } = await runCommand(argv);

    // Assess
    expect(dryRun.out).toContain(`would re-deliver ${fine.key} to function ${deployedArn} (a one-record DynamoDB stream event, item "Rocinante")`);
    expect(code).toBe(1);
    expect(invocations).toEqual([
      { functionName: deployedArn, payload: `{"Records":[${fine.json}]}` },
      { functionName: deployedArn, payload: `{"Records":[${throws.json}]}` },
    ]);
    expect(await keysIn(bucket)).toEqual([throws.key]);
    expect(out).toContain(`failed ${throws.key}: FunctionError: Unhandled: Error: bus unreachable`);
  });

  it('refuses a source the function does not have, and a Function URL function, with exit 2', async () => {
    // Act
    const lacking = await runCommand(['--function', 'ddb-stream-reactor', '--source', 'dead-letter']);
    const producer = await runCommand(['--function', 'eventbridge-producer']);
    const unknown = await runCommand(['--function', 'no-such-function']);

    // Assess
    expect([lacking.code, producer.code, unknown.code]).toEqual([2, 2, 2]);
    expect(lacking.err[0]).toBe('redrive: ddb-stream-reactor (dynamodb-stream) has no dead-letter source; it has quarantine and on-failure');
    expect(producer.err[0]).toMatch(/^redrive: eventbridge-producer is invoked through its Function URL/);
    expect(unknown.err[0]).toMatch(/^redrive: --function must name a function of this workspace: ddb-stream-reactor, eventbridge-consumer/);
  });
});

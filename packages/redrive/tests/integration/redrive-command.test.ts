import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createKinesisClient, createS3Client, deadlineAt, listQuarantined, quarantineRecords } from '@wildrydes/aws-clients';
import { createKinesisStream, readShard, startEmulators, type CreatedKinesisStream, type RunningEmulators } from '@wildrydes/emulators';
import { PLATFORM_PARAMETERS } from '@wildrydes/infra/function-declaration';
import type { QuarantineRecord } from '@wildrydes/schemas';
import { main } from '../../src/main.js';
import { quarantined } from '../support/quarantined.js';

let emulators: RunningEmulators;
let s3: S3Client;
let kinesis: KinesisClient;
let ssm: Server;
/** What the SSM endpoint holds; each test sets what it needs. */
const ssmParameters = new Map<string, string>();

beforeAll(async () => {
  emulators = await startEmulators({ kinesis: true, s3: true });
  ssm = await startSsm(ssmParameters);
  Object.assign(process.env, emulators.env, { AWS_ENDPOINT_URL_SSM: `http://127.0.0.1:${(ssm.address() as AddressInfo).port}` });
  s3 = createS3Client();
  kinesis = createKinesisClient();
});

afterAll(async () => {
  s3?.destroy();
  kinesis?.destroy();
  await new Promise((resolve) => (ssm ? ssm.close(resolve) : resolve(undefined)));
  await emulators?.stop();
});

/** Every record on the stream, per partition key in stream order. */
async function recordsByPartitionKey({ streamName, shardIds }: CreatedKinesisStream): Promise<Map<string, Buffer[]>> {
  const byKey = new Map<string, Buffer[]>();
  for (const shardId of shardIds) {
    for (const record of await readShard(kinesis, streamName, shardId)) {
      const list = byKey.get(record.PartitionKey!) ?? [];
      list.push(Buffer.from(record.Data!));
      byKey.set(record.PartitionKey!, list);
    }
  }
  return byKey;
}

/** Creates the bucket and quarantines the records exactly like the functions do. */
async function quarantineInto(bucketName: string, records: QuarantineRecord[]): Promise<void> {
  await s3.send(new CreateBucketCommand({ Bucket: bucketName }));
  const { failed } = await quarantineRecords(s3, { bucketName, records, deadline: deadlineAt(Date.now() + 10_000) });
  expect(failed).toEqual([]);
}

async function keysIn(bucketName: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of listQuarantined(s3, { bucketName })) keys.push(key);
  return keys.sort();
}

async function runCommand(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

/** What JSON.parse says about the body 'not json', in this Node version. */
function notJsonMessage(): string {
  try {
    JSON.parse('not json');
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

const BINARY = Buffer.from([0x00, 0xff, 0x80, 0x0a, 0x7b, 0x22]);

/**
 * Five quarantined records of a stream: two of Shadowfax whose object keys list in the wrong
 * order ('1000' before '999'), a binary one of Rocinante, one that is not base64, and one of
 * another function.
 */
function fixture(streamName: string) {
  const shadowfaxLater = quarantined({ streamName, sequenceNumber: '1000', partitionKey: 'Shadowfax', text: '{"Name":"Shadowfax","n":2}' });
  const shadowfaxEarlier = quarantined({ streamName, sequenceNumber: '999', partitionKey: 'Shadowfax', text: '{"Name":"Shadowfax","n":1}' });
  const rocinante = quarantined({ streamName, sequenceNumber: '1001', shardId: 'shardId-000000000001', partitionKey: 'Rocinante', data: BINARY.toString('base64') });
  const notBase64 = quarantined({ streamName, sequenceNumber: '1002', partitionKey: 'Bucephalus', data: '{"Name":"Bucephalus"}', reason: 'INVALID_BASE64' });
  const otherFunction = quarantined({ streamName, sequenceNumber: '998', functionName: 'kinesis-ddb-writer' });
  return { shadowfaxLater, shadowfaxEarlier, rocinante, notBase64, otherFunction, all: [shadowfaxLater, shadowfaxEarlier, rocinante, notBase64, otherFunction] };
}

describe('npm run redrive, against real emulators', () => {
  it('changes nothing with --dry-run, and says what it would do', async () => {
    // Prepare
    const bucket = 'redrive-dry-run';
    const stream = await createKinesisStream(kinesis, 'redrive-dry-run-source', { shardCount: 2 });
    const records = fixture(stream.streamName);
    await quarantineInto(bucket, records.all.map(({ record }) => record));
    const keysBefore = await keysIn(bucket);

    // Act
    const { code, out } = await runCommand(['--function', 'kinesis-republisher', '--source', 'quarantine', '--bucket', bucket, '--dry-run']);

    // Assess
    expect(code).toBe(0);
    expect(await keysIn(bucket)).toEqual(keysBefore);
    expect((await recordsByPartitionKey(stream)).size).toBe(0);
    expect(out.filter((line) => line.startsWith('would re-drive'))).toEqual([
      `would re-drive ${records.shadowfaxEarlier.key} to ${stream.streamName} (partition key "Shadowfax", 26 bytes)`,
      `would re-drive ${records.shadowfaxLater.key} to ${stream.streamName} (partition key "Shadowfax", 26 bytes)`,
      `would re-drive ${records.rocinante.key} to ${stream.streamName} (partition key "Rocinante", 6 bytes)`,
    ]);
    expect(out).toContain('  would re-drive     3');
    expect(out).toContain('  skipped            1  (INVALID_BASE64: 1)');
  });

  it('puts the original bytes back with their partition keys in per-key order, deletes their objects, and skips and keeps bad base64', async () => {
    // Prepare
    const bucket = 'redrive-real-run';
    const stream = await createKinesisStream(kinesis, 'redrive-real-run-source', { shardCount: 2 });
    const records = fixture(stream.streamName);
    await quarantineInto(bucket, records.all.map(({ record }) => record));

    // Act
    const { code, out, err } = await runCommand(['--function', 'kinesis-republisher', '--source', 'quarantine', '--bucket', bucket]);

    // Assess
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const onStream = await recordsByPartitionKey(stream);
    expect([...onStream.keys()].sort()).toEqual(['Rocinante', 'Shadowfax']);
    expect(onStream.get('Shadowfax')?.map((data) => data.toString())).toEqual(['{"Name":"Shadowfax","n":1}', '{"Name":"Shadowfax","n":2}']);
    expect(onStream.get('Rocinante')).toEqual([BINARY]);
    expect(await keysIn(bucket)).toEqual([records.notBase64.key, records.otherFunction.key].sort());
    expect(out.some((line) => line.startsWith(`skipped ${records.notBase64.key}: INVALID_BASE64`))).toBe(true);
    expect(out).toEqual(
      expect.arrayContaining([
        '  listed             4',
        '  re-driven          3',
        '  skipped            1  (INVALID_BASE64: 1)',
        '  failed             0',
        '  deleted            3',
      ]),
    );
  });

  it('keeps every object and exits 1 when the source stream does not exist', async () => {
    // Prepare
    const bucket = 'redrive-missing-stream';
    const records = fixture('redrive-no-such-stream');
    await quarantineInto(bucket, records.all.map(({ record }) => record));
    const keysBefore = await keysIn(bucket);

    // Act
    const { code, out } = await runCommand(['--function', 'kinesis-republisher', '--source', 'quarantine', '--bucket', bucket]);

    // Assess
    expect(code).toBe(1);
    expect(await keysIn(bucket)).toEqual(keysBefore);
    expect(out.some((line) => line.startsWith(`failed ${records.shadowfaxEarlier.key}: ResourceNotFoundException`))).toBe(true);
    expect(out).toContain(`failed ${records.shadowfaxLater.key}: BlockedByEarlierFailure: not re-driven, so as not to overtake ${records.shadowfaxEarlier.key}, which failed`);
    expect(out).toContain('  failed             3  (BlockedByEarlierFailure: 1, ResourceNotFoundException: 2)');
    expect(out).toContain('  deleted            0');
  });

  it('skips and keeps objects that are not quarantine records, and fails a stream name Kinesis would refuse', async () => {
    // Prepare
    const bucket = 'redrive-odd-objects';
    const badStream = quarantined({ streamName: 'no@such$stream', sequenceNumber: '3' });
    await quarantineInto(bucket, [badStream.record]);
    const garbageKey = 'kinesis-republisher/unicorn-telemetry/2026/11/21/shardId-000000000000/1.json';
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: garbageKey, Body: 'not json' }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'kinesis-republisher/notes.txt', Body: 'hello' }));
    const keysBefore = await keysIn(bucket);

    // Act
    const { code, out } = await runCommand(['--function', 'kinesis-republisher', '--source', 'quarantine', '--bucket', bucket]);

    // Assess
    expect(code).toBe(1);
    expect(await keysIn(bucket)).toEqual(keysBefore);
    expect(out).toContain(`skipped ${garbageKey}: INVALID_OBJECT: Quarantined object ${garbageKey} is not JSON: ${notJsonMessage()}`);
    expect(out).toContain('  skipped            2  (INVALID_OBJECT: 1, UNRECOGNISED_KEY: 1)');
    expect(out.some((line) => line.startsWith(`failed ${badStream.key}: InvalidStreamName: streamName must be`))).toBe(true);
  });

  it('reads the bucket name from the platform SSM parameter when --bucket is not given', async () => {
    // Prepare: an SSM endpoint that knows only the quarantine bucket parameter.
    const bucket = 'redrive-from-ssm';
    const { streamName } = await createKinesisStream(kinesis, 'redrive-from-ssm-source');
    await quarantineInto(bucket, [quarantined({ streamName, sequenceNumber: '1', text: 'hello' }).record]);
    ssmParameters.set(PLATFORM_PARAMETERS.quarantineBucketName, bucket);

    // Act
    const { code, out } = await runCommand(['--function', 'kinesis-republisher', '--source', 'quarantine', '--dry-run']);

    // Assess
    expect(code).toBe(0);
    expect(out[0]).toBe(`Re-driving records from s3://${bucket}/kinesis-republisher/ (dry run: nothing will be changed)`);
    expect(out).toContain('  would re-drive     1');
  });

  it('exits 1 naming the parameter when the SSM parameter is missing, and 2 on bad usage', async () => {
    // Prepare
    ssmParameters.clear();

    // Act
    const missing = await runCommand(['--function', 'kinesis-ddb-writer']);
    const badUsage = await runCommand(['--function', 'kinesis-ddb-writer', '--since', 'yesterday']);

    // Assess
    expect(missing.code).toBe(1);
    expect(missing.err).toEqual([
      `redrive: cannot read the quarantine bucket name from SSM parameter ${PLATFORM_PARAMETERS.quarantineBucketName}: ParameterNotFound: Parameter ${PLATFORM_PARAMETERS.quarantineBucketName} not found. (deploy the platform stack, or pass --bucket)`,
    ]);
    expect(badUsage.code).toBe(2);
    expect(badUsage.err[0]).toBe('redrive: --since must be a UTC day as YYYY-MM-DD, e.g. 2026-11-01 (given "yesterday")');
  });
});

/** A tiny SSM endpoint (JSON 1.1, `AmazonSSM.GetParameter`) serving the given parameters. */
async function startSsm(parameters: ReadonlyMap<string, string>): Promise<Server> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const target = request.headers['x-amz-target'];
      const { Name } = JSON.parse(body || '{}') as { Name?: string };
      const value = Name === undefined ? undefined : parameters.get(Name);
      response.setHeader('content-type', 'application/x-amz-json-1.1');
      if (target !== 'AmazonSSM.GetParameter' || value === undefined) {
        response.statusCode = 400;
        response.end(JSON.stringify({ __type: 'ParameterNotFound', message: `Parameter ${Name} not found.` }));
        return;
      }
      response.end(JSON.stringify({ Parameter: { Name, Type: 'String', Value: value, Version: 1 } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFaultProxy, startS3rver, type RunningFaultProxy, type RunningS3rver } from '../../src/index';
import { clientConfig } from './helpers';

function s3Client(endpoint: string, maxAttempts = 3): S3Client {
  return new S3Client({ ...clientConfig, endpoint, forcePathStyle: true, maxAttempts });
}

describe('fault proxy in front of s3rver, with the SDK v3 S3 client', () => {
  let s3: RunningS3rver;
  let direct: S3Client;
  let proxy: RunningFaultProxy;
  let client: S3Client;

  beforeAll(async () => {
    s3 = await startS3rver();
    direct = s3Client(s3.endpoint);
    await direct.send(new CreateBucketCommand({ Bucket: 'wildrydes-failures' }));
  });

  afterAll(async () => {
    direct?.destroy();
    await s3?.stop();
  });

  beforeEach(async () => {
    proxy = await startFaultProxy({ service: 's3', target: s3.endpoint, seed: 5 });
    client = s3Client(proxy.endpoint);
  });

  afterEach(async () => {
    client.destroy();
    await proxy.stop();
  });

  it('passes objects through byte for byte, both ways', async () => {
    // Prepare
    const body = randomBytes(3 * 1024 * 1024 + 17);

    // Act
    await client.send(new PutObjectCommand({ Bucket: 'wildrydes-failures', Key: 'aws/lambda/pass-through', Body: body }));
    const stored = await direct.send(new GetObjectCommand({ Bucket: 'wildrydes-failures', Key: 'aws/lambda/pass-through' }));
    const read = await client.send(new GetObjectCommand({ Bucket: 'wildrydes-failures', Key: 'aws/lambda/pass-through' }));

    // Assess
    expect(Buffer.from(await stored.Body!.transformToByteArray()).equals(body)).toBe(true);
    expect(Buffer.from(await read.Body!.transformToByteArray()).equals(body)).toBe(true);
    expect(proxy.counts()).toEqual({ throttle: 0, serverError: 0, dropBefore: 0, dropAfter: 0, partialBatch: 0, partialEntries: 0, outage: 0 });
  });

  it('throttles with an XML SlowDown 503 that the SDK retries', async () => {
    // Prepare
    proxy.failNext('throttle');
    const once = s3Client(proxy.endpoint, 1);

    // Act
    const retried = await client.send(new PutObjectCommand({ Bucket: 'wildrydes-failures', Key: 'slow-down', Body: 'after SlowDown' }));
    proxy.failNext('throttle');
    const error = await once.send(new ListObjectsV2Command({ Bucket: 'wildrydes-failures' })).catch((caught: unknown) => caught);
    once.destroy();

    // Assess
    expect(retried.$metadata.attempts).toBe(2);
    expect(error).toMatchObject({ name: 'SlowDown', $metadata: { httpStatusCode: 503 } });
    const stored = await direct.send(new GetObjectCommand({ Bucket: 'wildrydes-failures', Key: 'slow-down' }));
    expect(await stored.Body!.transformToString()).toBe('after SlowDown');
  });

  it('fails with InternalError 500, retried, also for a HEAD request that has no body', async () => {
    // Prepare
    await direct.send(new PutObjectCommand({ Bucket: 'wildrydes-failures', Key: 'head-me', Body: 'x' }));
    proxy.failNext('serverError', 2);
    const once = s3Client(proxy.endpoint, 1);

    // Act
    const error = await once.send(new GetObjectCommand({ Bucket: 'wildrydes-failures', Key: 'head-me' })).catch((caught: unknown) => caught);
    const head = await client.send(new HeadObjectCommand({ Bucket: 'wildrydes-failures', Key: 'head-me' }));
    once.destroy();

    // Assess
    expect(error).toMatchObject({ name: 'InternalError', $metadata: { httpStatusCode: 500 } });
    expect(head.$metadata.attempts).toBe(2);
    expect(head.ContentLength).toBe(1);
  });

  it('drops connections before and after forwarding; the SDK retries both', async () => {
    // Prepare: one at a time, or the first call's retry would take the second fault
    proxy.failNext('dropBefore');

    // Act
    const before = await client.send(new PutObjectCommand({ Bucket: 'wildrydes-failures', Key: 'dropped-before', Body: 'b' }));
    proxy.failNext('dropAfter');
    const after = await client.send(new PutObjectCommand({ Bucket: 'wildrydes-failures', Key: 'dropped-after', Body: 'a' }));

    // Assess
    expect([before.$metadata.attempts, after.$metadata.attempts]).toEqual([2, 2]);
    expect(proxy.counts()).toMatchObject({ dropBefore: 1, dropAfter: 1 });
    const listed = await direct.send(new ListObjectsV2Command({ Bucket: 'wildrydes-failures', Prefix: 'dropped-' }));
    expect(listed.Contents?.map((object) => object.Key)).toEqual(['dropped-after', 'dropped-before']);
  });
});

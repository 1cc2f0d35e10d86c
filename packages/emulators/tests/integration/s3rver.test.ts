import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortInUseError, isPortFree, startS3rver, type RunningS3rver, type S3ObjectEvent } from '../../src/index';
import { clientConfig, occupyPort } from './helpers';

describe('startS3rver', () => {
  let s3: RunningS3rver;
  let client: S3Client;

  beforeAll(async () => {
    s3 = await startS3rver();
    // SDK defaults otherwise: flexible checksums (CRC32) on, response validation WHEN_SUPPORTED.
    client = new S3Client({ ...clientConfig, endpoint: s3.endpoint, forcePathStyle: true });
  });

  afterAll(async () => {
    client?.destroy();
    await s3?.stop();
  });

  it('supports CreateBucket, PutObject, GetObject, ListObjectsV2 and DeleteObject with default checksums', async () => {
    await client.send(new CreateBucketCommand({ Bucket: 'rides' }));
    const body = Buffer.from(JSON.stringify({ ride: 1, unicorn: 'Shadowfax' }));
    await client.send(new PutObjectCommand({ Bucket: 'rides', Key: 'a/1.json', Body: body, ContentType: 'application/json' }));
    await client.send(new PutObjectCommand({ Bucket: 'rides', Key: 'a/2.txt', Body: 'plain string' }));

    const got = await client.send(new GetObjectCommand({ Bucket: 'rides', Key: 'a/1.json' }));
    expect(Buffer.from(await got.Body!.transformToByteArray())).toEqual(body);
    expect(got.ContentType).toBe('application/json');

    const listed = await client.send(new ListObjectsV2Command({ Bucket: 'rides', Prefix: 'a/' }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual(['a/1.json', 'a/2.txt']);

    await client.send(new DeleteObjectCommand({ Bucket: 'rides', Key: 'a/1.json' }));
    const after = await client.send(new ListObjectsV2Command({ Bucket: 'rides' }));
    expect(after.Contents?.map((o) => o.Key)).toEqual(['a/2.txt']);
  });

  it('pages ListObjectsV2 past 1,000 keys (continuation tokens work on OpenSSL 3)', async () => {
    // Prepare: 1,050 objects, more than one page.
    await client.send(new CreateBucketCommand({ Bucket: 'many' }));
    const keys = Array.from({ length: 1_050 }, (_, i) => `k/${String(i).padStart(4, '0')}`);
    for (let i = 0; i < keys.length; i += 50) {
      await Promise.all(keys.slice(i, i + 50).map((Key) => client.send(new PutObjectCommand({ Bucket: 'many', Key, Body: 'x' }))));
    }

    // Act
    const listed: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: 'many', ContinuationToken: token }));
      listed.push(...(page.Contents ?? []).map((object) => object.Key ?? ''));
      token = page.NextContinuationToken;
      pages += 1;
    } while (token);

    // Assess
    expect(pages).toBe(2);
    expect(listed).toEqual(keys);
  });

  it('stores stream bodies sent aws-chunked with a trailing CRC32 checksum without the framing', async () => {
    await client.send(new CreateBucketCommand({ Bucket: 'streams' }));
    const payload = Buffer.alloc(200_000, 'x');
    await client.send(
      new PutObjectCommand({
        Bucket: 'streams',
        Key: 'big.bin',
        Body: Readable.from([payload.subarray(0, 70_000), payload.subarray(70_000)]),
        ContentLength: payload.length,
      }),
    );

    const got = await client.send(new GetObjectCommand({ Bucket: 'streams', Key: 'big.bin' }));
    expect(got.ContentLength).toBe(payload.length);
    expect(got.ContentEncoding).toBeUndefined();
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(payload)).toBe(true);
  });

  it('works without forcePathStyle because the endpoint is an IP address', async () => {
    const virtualHost = new S3Client({ ...clientConfig, endpoint: s3.endpoint });
    try {
      await virtualHost.send(new CreateBucketCommand({ Bucket: 'vhost' }));
      await virtualHost.send(new PutObjectCommand({ Bucket: 'vhost', Key: 'k', Body: 'v' }));
      const got = await virtualHost.send(new GetObjectCommand({ Bucket: 'vhost', Key: 'k' }));
      expect(await got.Body!.transformToString()).toBe('v');
    } finally {
      virtualHost.destroy();
    }
  });

  it('removes its temporary directory on stop, frees the port, and keeps a directory it was given', async () => {
    const own = await mkdtemp(join(tmpdir(), 'emulators-test-'));
    try {
      const given = await startS3rver({ directory: own });
      const temp = await startS3rver();
      expect(existsSync(temp.directory)).toBe(true);
      const tempClient = new S3Client({ ...clientConfig, endpoint: given.endpoint, forcePathStyle: true });
      await tempClient.send(new CreateBucketCommand({ Bucket: 'kept' }));
      tempClient.destroy();
      await Promise.all([given.stop(), temp.stop()]);

      expect(await readdir(own)).toContain('kept');
      expect(await isPortFree(given.port)).toBe(true);
      expect(await isPortFree(temp.port)).toBe(true);
      expect(given.directory).toBe(own);
      expect(existsSync(temp.directory)).toBe(false);
    } finally {
      await rm(own, { recursive: true, force: true });
    }
  });

  it('reports each object created or removed as S3 event names, bucket and key, before answering', async () => {
    // Prepare
    await client.send(new CreateBucketCommand({ Bucket: 'watched' }));
    const events: S3ObjectEvent[] = [];
    const unsubscribe = s3.onObjectEvent((event) => events.push(event));

    // Act
    await client.send(new PutObjectCommand({ Bucket: 'watched', Key: 'kinesis-republisher/a b.json', Body: '{}' }));
    await client.send(new DeleteObjectCommand({ Bucket: 'watched', Key: 'kinesis-republisher/a b.json' }));
    unsubscribe();
    await client.send(new PutObjectCommand({ Bucket: 'watched', Key: 'after-unsubscribe', Body: '{}' }));

    // Assess: the event names of S3 event notifications (Amazon S3 User Guide, "Event message structure").
    expect(events).toEqual([
      { eventName: 'ObjectCreated:Put', bucketName: 'watched', key: 'kinesis-republisher/a b.json' },
      { eventName: 'ObjectRemoved:Delete', bucketName: 'watched', key: 'kinesis-republisher/a b.json' },
    ]);
  });

  it('throws PortInUseError naming the port when an explicit port is taken', async () => {
    const taken = await occupyPort();
    try {
      const error = await startS3rver({ port: taken.port }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PortInUseError);
      expect((error as Error).message).toContain(String(taken.port));
    } finally {
      await taken.release();
    }
  });
});

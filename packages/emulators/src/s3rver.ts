// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the untyped package's declarations must reach every program that compiles this file
/// <reference path="./types/s3rver.d.ts" />
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { EmulatorStartError, PortInUseError } from './errors';
import { closeHttpServer, listenOnLoopback } from './http-server';
import { assertValidPort } from './ports';
import { keepOnExit, removeOnExit } from './process-cleanup';
import { acceptAnyS3rverAccessKey } from './s3rver-access-keys';
import { allowS3rverContinuationTokens } from './s3rver-continuation-tokens';
import { S3rverIncomingMessage } from './s3rver-request';
import { loopbackEndpoint, type RunningEmulator } from './running-emulator';

/** Options for {@link startS3rver}. */
export interface S3rverOptions {
  /** Port on 127.0.0.1; omitted means a free port chosen by the OS. */
  port?: number;
  /**
   * Where buckets and objects are stored. Omitted means a fresh temporary directory that is
   * deleted on `stop()`; a directory you pass is left in place.
   */
  directory?: string;
}

/**
 * An object created or removed, as s3rver reports it: the `eventName`, bucket name and object
 * key of an S3 event notification record (Amazon S3 User Guide, "Event message structure").
 * Unlike S3's notifications, the key is not URL-encoded and no notification configuration is
 * needed; s3rver reports single-object PUT, POST, copy and DELETE (not multi-object delete).
 */
export interface S3ObjectEvent {
  readonly eventName: 'ObjectCreated:Put' | 'ObjectCreated:Post' | 'ObjectCreated:Copy' | 'ObjectRemoved:Delete';
  readonly bucketName: string;
  readonly key: string;
}

/** A running s3rver, plus where it keeps buckets and objects. */
export interface RunningS3rver extends RunningEmulator {
  /** Storage directory (a temporary one unless `directory` was passed). */
  readonly directory: string;
  /**
   * Calls `listener` for every object created or removed, synchronously, before s3rver answers
   * the request that caused it. Returns a function that stops the calls.
   */
  onObjectEvent(listener: (event: S3ObjectEvent) => void): () => void;
}

/** The part of an S3 event notification that s3rver emits as its `event`. */
interface S3rverNotification {
  readonly Records?: ReadonlyArray<{ eventName?: string; s3?: { bucket?: { name?: string }; object?: { key?: string } } }>;
}

/**
 * Starts s3rver (an S3 emulator backed by the file system) in this process on 127.0.0.1,
 * with logging silenced.
 *
 * Use path-style requests (`forcePathStyle: true` on the SDK v3 S3 client). Any access key id
 * is accepted (s3rver itself only knows `S3RVER`). Stream bodies that SDK v3 sends `aws-chunked`
 * with a trailing CRC32 checksum (its default) are decoded before s3rver stores them, so no
 * checksum settings are needed on clients.
 *
 * @example
 * ```ts
 * const s3 = await startS3rver();
 * const client = new S3Client({ endpoint: s3.endpoint, forcePathStyle: true });
 * // ...
 * await s3.stop(); // also removes the temporary directory
 * ```
 */
export async function startS3rver(options: S3rverOptions = {}): Promise<RunningS3rver> {
  if (options.port !== undefined) assertValidPort(options.port);
  acceptAnyS3rverAccessKey();
  allowS3rverContinuationTokens();
  const ownsDirectory = options.directory === undefined;
  const directory = options.directory ?? (await mkdtemp(join(tmpdir(), 'emulators-s3rver-')));
  // Also removed if the process exits without stop(), e.g. on a second Ctrl-C.
  if (ownsDirectory) removeOnExit(directory);
  const removeDirectory = async (): Promise<void> => {
    if (!ownsDirectory) return;
    await rm(directory, { recursive: true, force: true });
    keepOnExit(directory);
  };

  let s3rver: S3rver;
  const server = createServer({ IncomingMessage: S3rverIncomingMessage });
  let port: number;
  try {
    s3rver = new S3rver({ silent: true, directory, address: '127.0.0.1', vhostBuckets: true });
    const handle = s3rver.callback();
    server.on('request', (req, res) => {
      req.prepareBody();
      handle(req, res);
    });
    port = await listenOnLoopback(server, options.port);
  } catch (error) {
    await removeDirectory();
    if (error instanceof PortInUseError) throw error;
    throw new EmulatorStartError('s3rver', 'could not listen on 127.0.0.1', { cause: error });
  }

  const listeners = new Set<(event: S3ObjectEvent) => void>();
  s3rver.on('event', (notification) => {
    for (const record of (notification as S3rverNotification).Records ?? []) {
      const event = { eventName: record.eventName, bucketName: record.s3?.bucket?.name, key: record.s3?.object?.key };
      if (!isObjectEvent(event)) continue;
      for (const listener of listeners) listener(event);
    }
  });

  const stop = async (): Promise<void> => {
    try {
      await closeHttpServer(server);
    } finally {
      listeners.clear();
      s3rver.logger.exceptions.unhandle();
      s3rver.logger.close();
      await removeDirectory();
    }
  };
  let stopping: Promise<void> | undefined;
  return {
    name: 's3rver',
    endpoint: loopbackEndpoint(port),
    port,
    directory,
    onObjectEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: () => (stopping ??= stop()),
  };
}

const EVENT_NAMES: ReadonlySet<string> = new Set(['ObjectCreated:Put', 'ObjectCreated:Post', 'ObjectCreated:Copy', 'ObjectRemoved:Delete']);

function isObjectEvent(event: { eventName: string | undefined; bucketName: string | undefined; key: string | undefined }): event is S3ObjectEvent {
  return event.eventName !== undefined && EVENT_NAMES.has(event.eventName) && event.bucketName !== undefined && event.key !== undefined;
}

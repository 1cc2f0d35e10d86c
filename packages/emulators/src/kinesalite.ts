// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the untyped package's declarations must reach every program that compiles this file
/// <reference path="./types/kinesalite.d.ts" />
import kinesalite from 'kinesalite';
import { EmulatorStartError, PortInUseError } from './errors';
import { closeHttpServer, listenOnLoopback } from './http-server';
import { assertValidPort } from './ports';
import { loopbackEndpoint, type RunningEmulator } from './running-emulator';

/** Options for {@link startKinesalite}. */
export interface KinesaliteOptions {
  /** Port on 127.0.0.1; omitted means a free port chosen by the OS. */
  port?: number;
  /** Maximum total open shards across all streams (kinesalite's default is 10). Default 50. */
  shardLimit?: number;
  /** How long a new stream stays CREATING, in ms. Default 0. */
  createStreamMs?: number;
  /** How long a deleted stream stays DELETING, in ms. Default 0. */
  deleteStreamMs?: number;
  /** How long a resharded stream stays UPDATING, in ms. Default 0. */
  updateStreamMs?: number;
}

/**
 * Starts kinesalite (a Kinesis Data Streams emulator) in this process, in memory, on 127.0.0.1.
 *
 * Clients must use HTTP/1.1: the SDK v3 Kinesis client defaults to HTTP/2, which kinesalite
 * rejects, so pass `requestHandler: new NodeHttpHandler()`. Calls need `StreamName`
 * (kinesalite ignores `StreamARN`). Stream ARNs use the account from `AWS_ACCOUNT_ID`
 * (default `000000000000`) and the region from `AWS_REGION` (default `us-east-1`).
 *
 * @example
 * ```ts
 * const kinesis = await startKinesalite();
 * const client = new KinesisClient({ endpoint: kinesis.endpoint, requestHandler: new NodeHttpHandler() });
 * // ...
 * await kinesis.stop();
 * ```
 */
export async function startKinesalite(options: KinesaliteOptions = {}): Promise<RunningEmulator> {
  if (options.port !== undefined) assertValidPort(options.port);
  const server = kinesalite({
    shardLimit: options.shardLimit ?? 50,
    createStreamMs: options.createStreamMs ?? 0,
    deleteStreamMs: options.deleteStreamMs ?? 0,
    updateStreamMs: options.updateStreamMs ?? 0,
  });

  let port: number;
  try {
    port = await listenOnLoopback(server, options.port);
  } catch (error) {
    if (error instanceof PortInUseError) throw error;
    throw new EmulatorStartError('kinesalite', 'could not listen on 127.0.0.1', { cause: error });
  }

  let stopping: Promise<void> | undefined;
  return {
    name: 'kinesalite',
    endpoint: loopbackEndpoint(port),
    port,
    stop: () => (stopping ??= closeHttpServer(server)),
  };
}

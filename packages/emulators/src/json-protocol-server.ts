import { createServer } from 'node:http';
import { EmulatorStartError, PortInUseError } from './errors';
import { closeHttpServer, listenOnLoopback } from './http-server';
import { createJsonProtocolListener, type JsonOperationHandler, type JsonProtocol } from './json-protocol-listener';
import { assertValidPort } from './ports';
import { loopbackEndpoint, type RunningEmulator } from './running-emulator';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeScript requires a mixin's base constructor to take `...args: any[]` (TS2545)
type HandlerClass = abstract new (...args: any[]) => JsonOperationHandler;

/** The members {@link servedOverJsonProtocol} adds to an emulator. */
export interface JsonProtocolEmulator extends RunningEmulator {
  /**
   * Listens on 127.0.0.1, on `port` or, when omitted, a free one the OS picks.
   *
   * @throws PortInUseError when an explicit `port` is taken; EmulatorStartError if listening fails otherwise
   */
  listen(port?: number): Promise<void>;
}

/**
 * `Base` (an in-memory emulator answering operations, like `LocalSqs` or `LocalEventBridge`) served
 * over HTTP on 127.0.0.1 in the AWS JSON protocol `protocol` describes: the class adds `name`,
 * `port`, `endpoint`, `listen()` and `stop()`, which aborts the operations still waiting (SQS long
 * polls), closes the port and drops keep-alive connections; safe to call more than once.
 *
 * @example
 * ```ts
 * class SqsEmulator extends servedOverJsonProtocol(LocalSqs, 'sqs', SQS_JSON_PROTOCOL) {}
 * const sqs = new SqsEmulator();
 * await sqs.listen();
 * new SQSClient({ endpoint: sqs.endpoint });
 * await sqs.stop();
 * ```
 */
export function servedOverJsonProtocol<Base extends HandlerClass>(Base: Base, name: string, protocol: JsonProtocol) {
  abstract class ServedOverJsonProtocol extends Base implements JsonProtocolEmulator {
    readonly name = name;
    readonly #stopping = new AbortController();
    readonly #server = createServer(createJsonProtocolListener(protocol, this, this.#stopping.signal));
    #port = 0;
    #stopped: Promise<void> | undefined;

    get port(): number {
      return this.#port;
    }

    get endpoint(): string {
      return loopbackEndpoint(this.#port);
    }

    async listen(port?: number): Promise<void> {
      try {
        this.#port = await listenOnLoopback(this.#server, port);
      } catch (error) {
        if (error instanceof PortInUseError) throw error;
        throw new EmulatorStartError(name, 'could not listen on 127.0.0.1', { cause: error });
      }
    }

    stop(): Promise<void> {
      this.#stopping.abort();
      return (this.#stopped ??= closeHttpServer(this.#server));
    }
  }
  return ServedOverJsonProtocol;
}

/**
 * Builds an emulator and makes it listen on `port` (a free one when omitted). An invalid `port` is
 * refused before anything is built.
 *
 * @throws RangeError for an invalid `port`, and what `build` and `listen` throw
 * @example
 * ```ts
 * const sqs = await startListening(4566, () => new SqsEmulator(options));
 * ```
 */
export async function startListening<Emulator extends JsonProtocolEmulator>(port: number | undefined, build: () => Emulator): Promise<Emulator> {
  if (port !== undefined) assertValidPort(port);
  const emulator = build();
  await emulator.listen(port);
  return emulator;
}

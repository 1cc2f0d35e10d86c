import { createServer, type Server } from 'node:http';
import { EmulatorStartError, PortInUseError } from './errors';
import { closeHttpServer, listenOnLoopback } from './http-server';
import { createJsonProtocolListener, type JsonOperationHandler, type JsonProtocol } from './json-protocol-listener';
import { loopbackEndpoint } from './running-emulator';

/**
 * The HTTP side of an in-process emulator speaking the AWS JSON protocol (the EventBridge and SQS
 * emulators): a node:http server on 127.0.0.1 that hands each call to `handler`. `stop()` aborts
 * the operations still waiting (SQS long polls), closes the port and drops keep-alive connections.
 *
 * @example
 * ```ts
 * const http = new JsonProtocolServer('sqs', SQS_JSON_PROTOCOL, new LocalSqs());
 * await http.listen();
 * new SQSClient({ endpoint: http.endpoint });
 * await http.stop();
 * ```
 */
export class JsonProtocolServer {
  readonly #stopping = new AbortController();
  readonly #server: Server;
  #port = 0;
  #stopped: Promise<void> | undefined;

  /** @param name the emulator's name, as {@link EmulatorStartError} reports it */
  constructor(
    readonly name: string,
    protocol: JsonProtocol,
    handler: JsonOperationHandler,
  ) {
    this.#server = createServer(createJsonProtocolListener(protocol, handler, this.#stopping.signal));
  }

  /** The port listened on; 0 before {@link listen}. */
  get port(): number {
    return this.#port;
  }

  /** `http://127.0.0.1:<port>`. */
  get endpoint(): string {
    return loopbackEndpoint(this.#port);
  }

  /**
   * Listens on 127.0.0.1, on `port` or, when omitted, a free one the OS picks.
   *
   * @throws PortInUseError when an explicit `port` is taken; EmulatorStartError if listening fails otherwise
   */
  async listen(port?: number): Promise<void> {
    try {
      this.#port = await listenOnLoopback(this.#server, port);
    } catch (error) {
      if (error instanceof PortInUseError) throw error;
      throw new EmulatorStartError(this.name, 'could not listen on 127.0.0.1', { cause: error });
    }
  }

  /** Aborts the operations still running, then frees the port. Safe to call more than once. */
  stop(): Promise<void> {
    this.#stopping.abort();
    return (this.#stopped ??= closeHttpServer(this.#server));
  }
}

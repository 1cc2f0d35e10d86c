import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { NodeHttpHandler, type NodeHttpHandlerOptions } from '@smithy/node-http-handler';
import { requireIntegerAtLeast, requireNonNegativeMs } from './validate-options.js';

/** Connection settings of the HTTP/1.1 handler every client of this package uses. */
export interface HttpHandlerSettings {
  /**
   * Sockets per agent. Bounds concurrent calls per client; beyond it calls queue.
   * @default 50
   */
  maxSockets?: number;
  /**
   * Time to establish a connection (TCP and TLS). In-region this takes milliseconds; a
   * connection that takes longer is dead, and a fast failure leaves time to retry.
   * @default 3000
   */
  connectionTimeoutMs?: number;
  /**
   * Time for a whole request and response. Without it a stalled connection hangs until the
   * Lambda times out; with it, it fails as a retryable `TimeoutError`.
   * @default 10000
   */
  requestTimeoutMs?: number;
}

/** The defaults of {@link HttpHandlerSettings}. */
export const DEFAULT_HTTP_HANDLER_SETTINGS: Readonly<Required<HttpHandlerSettings>> = Object.freeze({
  maxSockets: 50,
  connectionTimeoutMs: 3_000,
  requestTimeoutMs: 10_000,
});

/**
 * Options for a `NodeHttpHandler` with keep-alive agents: reusing TLS connections across the
 * calls of one invocation, and across invocations of a warm container, saves a handshake
 * (tens of milliseconds) per call. Both agents are set, since local emulators speak plain HTTP.
 *
 * @example
 * ```ts
 * const options = keepAliveHandlerOptions({ maxSockets: 16 });
 * options.httpsAgent; // https.Agent { keepAlive: true, maxSockets: 16 }
 * ```
 */
export function keepAliveHandlerOptions(settings: HttpHandlerSettings = {}): NodeHttpHandlerOptions & {
  httpAgent: HttpAgent;
  httpsAgent: HttpsAgent;
} {
  const maxSockets = settings.maxSockets ?? DEFAULT_HTTP_HANDLER_SETTINGS.maxSockets;
  const connectionTimeout = settings.connectionTimeoutMs ?? DEFAULT_HTTP_HANDLER_SETTINGS.connectionTimeoutMs;
  const requestTimeout = settings.requestTimeoutMs ?? DEFAULT_HTTP_HANDLER_SETTINGS.requestTimeoutMs;
  requireIntegerAtLeast('maxSockets', maxSockets, 1);
  requireNonNegativeMs('connectionTimeoutMs', connectionTimeout);
  requireNonNegativeMs('requestTimeoutMs', requestTimeout);
  return {
    httpAgent: new HttpAgent({ keepAlive: true, maxSockets }),
    httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets }),
    connectionTimeout,
    requestTimeout,
    // Turns an exceeded requestTimeout into an error instead of a logged warning.
    throwOnRequestTimeout: true,
  };
}

/**
 * An HTTP/1.1 `NodeHttpHandler` with keep-alive agents and timeouts.
 *
 * @example
 * ```ts
 * new KinesisClient({ requestHandler: createKeepAliveHttpHandler() });
 * ```
 */
export function createKeepAliveHttpHandler(settings: HttpHandlerSettings = {}): NodeHttpHandler {
  return new NodeHttpHandler(keepAliveHandlerOptions(settings));
}

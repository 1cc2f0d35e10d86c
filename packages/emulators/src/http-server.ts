import type { Server } from 'node:http';
import { PortInUseError } from './errors';
import { LOOPBACK_HOST } from './ports';

/**
 * Starts `server` on 127.0.0.1. With `port` omitted (or 0) the OS picks a free port.
 * An explicit port that is taken rejects with {@link PortInUseError}.
 *
 * @example
 * ```ts
 * const port = await listenOnLoopback(http.createServer(handler), 4567);
 * ```
 */
export async function listenOnLoopback(server: Server, port = 0): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, { cause: error }) : error);
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ port, host: LOOPBACK_HOST, exclusive: true });
  });
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('Server has no TCP address');
  return address.port;
}

/**
 * Closes `server` and drops open keep-alive connections so the port is free when the promise
 * resolves (SDK clients keep sockets open, which would otherwise delay `close` for seconds).
 *
 * @example
 * ```ts
 * await closeHttpServer(server);
 * ```
 */
export async function closeHttpServer(server: Server): Promise<void> {
  if (!server.listening) return;
  await new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

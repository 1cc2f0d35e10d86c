import { createServer } from 'node:net';
import { PortInUseError } from './errors';

/** Loopback address every emulator listens on. */
export const LOOPBACK_HOST = '127.0.0.1';

/**
 * Asks the OS for a free TCP port on 127.0.0.1. The port is released before the promise
 * resolves, so another process could take it in between; callers that spawn a child process
 * should retry on a bind failure.
 *
 * @example
 * ```ts
 * const port = await findFreePort();
 * ```
 */
export async function findFreePort(): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, LOOPBACK_HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : undefined;
      server.close(() => (port === undefined ? reject(new Error('Could not read the bound port')) : resolve(port)));
    });
  });
}

/**
 * Resolves `true` when `port` can be bound on 127.0.0.1 right now.
 *
 * @example
 * ```ts
 * if (!(await isPortFree(8000))) console.log('8000 is taken');
 * ```
 */
export async function isPortFree(port: number): Promise<boolean> {
  return new Promise<boolean>((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
      else reject(error);
    });
    server.listen({ port, host: LOOPBACK_HOST, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * Throws {@link PortInUseError} when `port` cannot be bound on 127.0.0.1.
 *
 * @example
 * ```ts
 * await assertPortFree(4567); // throws PortInUseError if taken
 * ```
 */
export async function assertPortFree(port: number): Promise<void> {
  if (!(await isPortFree(port))) throw new PortInUseError(port);
}

/** Throws a `RangeError` unless `port` is an integer in 1..65535. */
export function assertValidPort(port: number): void {
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new RangeError(`Port must be an integer between 1 and 65535, got ${port}`);
  }
}

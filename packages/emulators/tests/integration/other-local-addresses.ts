import { createServer, connect } from 'node:net';
import { networkInterfaces } from 'node:os';

/** Whether a TCP connection to `host:port` is accepted within `timeoutMs`. */
export function accepts(host: string, port: number, timeoutMs = 2_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Addresses of this machine other than 127.0.0.1 (its other interfaces' IPv4 addresses, and
 * 127.0.0.2, which Linux routes to the loopback interface) on which a server listening on every
 * interface can be reached: the control that makes "not reachable there" mean something.
 */
export async function otherLocalAddresses(): Promise<string[]> {
  const candidates = Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .filter((entry) => entry.family === 'IPv4' && entry.address !== '127.0.0.1')
    .map((entry) => entry.address);
  if (process.platform === 'linux') candidates.push('127.0.0.2');
  const everywhere = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => everywhere.listen(0, '0.0.0.0', resolve));
  const { port } = everywhere.address() as { port: number };
  try {
    const reachable: string[] = [];
    for (const address of new Set(candidates)) if (await accepts(address, port)) reachable.push(address);
    return reachable;
  } finally {
    await new Promise<void>((resolve) => everywhere.close(() => resolve()));
  }
}

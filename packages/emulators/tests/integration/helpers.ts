import { createServer, type Server } from 'node:net';

/** Region and dummy credentials for SDK clients talking to emulators. */
export const clientConfig = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
} as const;

/** Listens on a free loopback port so tests can check that a taken port is reported. */
export async function occupyPort(): Promise<{ port: number; release(): Promise<void> }> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { port, release: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

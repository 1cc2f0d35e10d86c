import type { IncomingMessage } from 'node:http';

/**
 * A request's whole body, or `undefined` as soon as it exceeds `limit` bytes (the rest is not read).
 *
 * @example
 * ```ts
 * const body = await readBody(request, 6 * 1024 * 1024);
 * if (body === undefined) return tooLarge(response);
 * ```
 */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

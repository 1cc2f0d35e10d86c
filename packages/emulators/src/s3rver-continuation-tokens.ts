import crypto from 'node:crypto';

let patched = false;

type CipherLike = { update(data: string | Buffer, encoding?: BufferEncoding): Buffer; final(): Buffer };

/** An identity "cipher": what goes in comes out. */
function passThrough(): CipherLike {
  return {
    update: (data, encoding) => (Buffer.isBuffer(data) ? data : Buffer.from(data, encoding ?? 'utf8')),
    final: () => Buffer.alloc(0),
  };
}

/**
 * s3rver encrypts ListObjectsV2 continuation tokens with DES, which OpenSSL 3 (Node 17+) no
 * longer offers, so the second page of any listing over 1,000 keys fails with a 500. Its token
 * functions are private, so this makes DES (and only DES, which would otherwise throw) an
 * identity transform in this process: the tokens stay opaque to clients and s3rver still reads
 * its own. Done once per process.
 *
 * @example
 * ```ts
 * allowS3rverContinuationTokens();
 * ```
 */
export function allowS3rverContinuationTokens(): void {
  if (patched) return;
  const createCipheriv = crypto.createCipheriv.bind(crypto);
  const createDecipheriv = crypto.createDecipheriv.bind(crypto);
  Object.assign(crypto, {
    createCipheriv: (algorithm: string, ...rest: unknown[]) =>
      algorithm === 'des' ? passThrough() : (createCipheriv as (...args: unknown[]) => unknown)(algorithm, ...rest),
    createDecipheriv: (algorithm: string, ...rest: unknown[]) =>
      algorithm === 'des' ? passThrough() : (createDecipheriv as (...args: unknown[]) => unknown)(algorithm, ...rest),
  });
  patched = true;
}

/**
 * Incremental decoder for the `aws-chunked` content encoding that SDK v3 uses for request bodies
 * of unknown length when it sends a trailing checksum (`x-amz-content-sha256:
 * STREAMING-UNSIGNED-PAYLOAD-TRAILER`, the default for stream bodies since the flexible
 * checksums change). Wire format:
 *
 * ```
 * <hex size>[;chunk-signature=…]\r\n<size bytes>\r\n … 0\r\n<trailer lines>\r\n\r\n
 * ```
 *
 * Only payload bytes are returned; chunk signatures and trailers (e.g. `x-amz-checksum-crc32`)
 * are dropped.
 *
 * @example
 * ```ts
 * const decoder = new AwsChunkedDecoder();
 * const payload = Buffer.concat([...decoder.write(chunk1), ...decoder.write(chunk2)]);
 * decoder.end(); // throws if the body was cut short
 * ```
 */
export class AwsChunkedDecoder {
  private state: 'size' | 'data' | 'data-crlf' | 'trailer' | 'done' = 'size';
  private line = '';
  private remaining = 0;

  /** Feeds encoded bytes and returns the payload bytes they complete. */
  write(input: Uint8Array): Buffer[] {
    const out: Buffer[] = [];
    const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    let i = 0;
    while (i < bytes.length && this.state !== 'done') {
      if (this.state === 'data') {
        const take = Math.min(this.remaining, bytes.length - i);
        out.push(bytes.subarray(i, i + take));
        i += take;
        this.remaining -= take;
        if (this.remaining === 0) this.state = 'data-crlf';
        continue;
      }
      const newline = bytes.indexOf(0x0a, i);
      if (newline === -1) {
        this.line += bytes.toString('latin1', i);
        break;
      }
      const line = (this.line + bytes.toString('latin1', i, newline)).replace(/\r$/, '');
      this.line = '';
      i = newline + 1;
      this.onLine(line);
    }
    return out;
  }

  /** Throws if the encoded body ended before its terminating zero-size chunk. */
  end(): void {
    if (this.state !== 'done' && this.state !== 'trailer') {
      throw new Error(`aws-chunked body ended early (in ${this.state})`);
    }
  }

  private onLine(line: string): void {
    switch (this.state) {
      case 'size': {
        const size = Number.parseInt(line.split(';')[0] ?? '', 16);
        if (!Number.isFinite(size) || size < 0) throw new Error(`Invalid aws-chunked chunk size line: ${line}`);
        this.remaining = size;
        this.state = size === 0 ? 'trailer' : 'data';
        return;
      }
      case 'data-crlf':
        if (line !== '') throw new Error('aws-chunked chunk is longer than its declared size');
        this.state = 'size';
        return;
      case 'trailer':
        if (line === '') this.state = 'done';
        return;
      default:
        return;
    }
  }
}

/**
 * True when request headers announce an `aws-chunked` body.
 *
 * @example
 * ```ts
 * isAwsChunked({ 'content-encoding': 'aws-chunked' }); // true
 * ```
 */
export function isAwsChunked(headers: Record<string, string | string[] | undefined>): boolean {
  const encoding = String(headers['content-encoding'] ?? '');
  const sha = String(headers['x-amz-content-sha256'] ?? '');
  return encoding.split(',').some((token) => token.trim() === 'aws-chunked') || sha.startsWith('STREAMING-');
}

/**
 * Rewrites `aws-chunked` request headers to describe the decoded payload: drops the
 * `aws-chunked` content-encoding token and the trailer headers, and sets `content-length` from
 * `x-amz-decoded-content-length`.
 *
 * @example
 * ```ts
 * normalizeAwsChunkedHeaders(req.headers);
 * ```
 */
export function normalizeAwsChunkedHeaders(headers: Record<string, string | string[] | undefined>): void {
  const encodings = String(headers['content-encoding'] ?? '')
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token !== '' && token !== 'aws-chunked');
  if (encodings.length > 0) headers['content-encoding'] = encodings.join(', ');
  else delete headers['content-encoding'];
  const decodedLength = headers['x-amz-decoded-content-length'];
  if (decodedLength !== undefined) headers['content-length'] = String(decodedLength);
  else delete headers['content-length'];
  delete headers['transfer-encoding'];
  delete headers['x-amz-decoded-content-length'];
  delete headers['x-amz-trailer'];
  headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
}

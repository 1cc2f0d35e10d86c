import { describe, expect, it } from 'vitest';
import { AwsChunkedDecoder, isAwsChunked, normalizeAwsChunkedHeaders } from '../../src/aws-chunked';

const encoded = Buffer.from(
  '5\r\nhello\r\n' +
    '7;chunk-signature=abc\r\n, world\r\n' +
    '0\r\nx-amz-checksum-crc32:gtnkmQ==\r\n\r\n',
  'latin1',
);

function decodeInPieces(pieceSize: number): string {
  const decoder = new AwsChunkedDecoder();
  const out: Buffer[] = [];
  for (let i = 0; i < encoded.length; i += pieceSize) out.push(...decoder.write(encoded.subarray(i, i + pieceSize)));
  decoder.end();
  return Buffer.concat(out).toString();
}

describe('AwsChunkedDecoder', () => {
  it.each([1, 2, 3, 7, 1000])('decodes the payload when fed %i bytes at a time', (size) => {
    expect(decodeInPieces(size)).toBe('hello, world');
  });

  it('rejects a body cut short', () => {
    const decoder = new AwsChunkedDecoder();
    decoder.write(Buffer.from('5\r\nhel'));
    expect(() => decoder.end()).toThrow(/ended early/);
  });

  it('rejects a chunk longer than declared', () => {
    expect(() => new AwsChunkedDecoder().write(Buffer.from('2\r\nabc\r\n'))).toThrow(/longer/);
  });
});

describe('aws-chunked headers', () => {
  it('detects and normalizes what SDK v3 sends for a stream body with a trailing checksum', () => {
    const headers: Record<string, string | undefined> = {
      'content-encoding': 'aws-chunked',
      'content-length': '60',
      'transfer-encoding': 'chunked',
      'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
      'x-amz-decoded-content-length': '12',
      'x-amz-trailer': 'x-amz-checksum-crc32',
    };
    expect(isAwsChunked(headers)).toBe(true);

    normalizeAwsChunkedHeaders(headers);

    expect(headers).toEqual({ 'content-length': '12', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' });
  });

  it('keeps other content encodings and ignores plain bodies', () => {
    const headers: Record<string, string | undefined> = { 'content-encoding': 'gzip, aws-chunked' };
    normalizeAwsChunkedHeaders(headers);
    expect(headers['content-encoding']).toBe('gzip');
    expect(isAwsChunked({ 'content-encoding': 'gzip', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' })).toBe(false);
  });
});

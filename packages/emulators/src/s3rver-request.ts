import { IncomingMessage } from 'node:http';
import { AwsChunkedDecoder, isAwsChunked, normalizeAwsChunkedHeaders } from './aws-chunked';

/**
 * `IncomingMessage` for the s3rver HTTP server that decodes `aws-chunked` bodies before s3rver
 * sees them. s3rver 3.7 predates SDK v3's default trailing checksums and would otherwise store
 * the chunk framing and `x-amz-checksum-crc32` trailer as part of the object when a client
 * uploads a stream body.
 */
export class S3rverIncomingMessage extends IncomingMessage {
  private decoder: AwsChunkedDecoder | undefined;

  /**
   * Called from the `request` listener (headers parsed, body not yet pushed): switches on
   * decoding and rewrites the headers if the body is `aws-chunked`.
   */
  prepareBody(): void {
    if (!isAwsChunked(this.headers)) return;
    this.decoder = new AwsChunkedDecoder();
    normalizeAwsChunkedHeaders(this.headers);
  }

  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    const decoder = this.decoder;
    if (decoder === undefined) return super.push(chunk, encoding);
    if (chunk === null) {
      try {
        decoder.end();
      } catch (error) {
        this.destroy(error as Error);
        return false;
      }
      return super.push(null);
    }
    let more = true;
    try {
      for (const part of decoder.write(chunk as Uint8Array)) more = super.push(part);
    } catch (error) {
      this.destroy(error as Error);
      return false;
    }
    return more;
  }
}

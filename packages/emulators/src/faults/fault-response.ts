import type { OutgoingHttpHeaders } from 'node:http';

/** A complete HTTP answer the proxy sends instead of the emulator's. */
export interface FaultResponse {
  readonly statusCode: number;
  readonly headers: OutgoingHttpHeaders;
  readonly body: Buffer;
}

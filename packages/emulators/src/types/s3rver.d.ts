/** Minimal declarations for the parts of `s3rver` 3.x this package uses. */
declare module 's3rver' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    serviceEndpoint?: string;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    vhostBuckets?: boolean;
  }

  interface S3rverLogger {
    close(): void;
    exceptions: { unhandle(): void };
  }

  class S3rver {
    constructor(options?: S3rverOptions);
    logger: S3rverLogger;
    /** The Koa request listener; mount it on any `http.Server`. */
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    reset(): void;
    /** s3rver is a Koa application: `event` carries an S3 event notification for object changes. */
    on(event: 'event', listener: (notification: unknown) => void): this;
  }

  export = S3rver;
}

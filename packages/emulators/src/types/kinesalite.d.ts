/** Minimal declarations for the parts of `kinesalite` 3.x this package uses. */
declare module 'kinesalite' {
  import type { Server } from 'node:http';

  interface KinesaliteOptions {
    /** Directory for a LevelDB store; omitted means in-memory (memdown). */
    path?: string;
    ssl?: boolean;
    createStreamMs?: number;
    deleteStreamMs?: number;
    updateStreamMs?: number;
    shardLimit?: number;
  }

  /** Creates an HTTP server (not yet listening) that speaks the Kinesis JSON/CBOR API. */
  function kinesalite(options?: KinesaliteOptions): Server;

  export = kinesalite;
}

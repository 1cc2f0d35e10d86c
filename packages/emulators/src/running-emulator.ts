/** A started emulator listening on loopback. */
export interface RunningEmulator {
  /** Short identifier: `kinesalite`, `dynamodb-local` or `s3rver`. */
  readonly name: string;
  /** Base URL for SDK clients, always `http://127.0.0.1:PORT`. */
  readonly endpoint: string;
  readonly port: number;
  /** Stops the emulator and frees its port. Safe to call more than once. */
  stop(): Promise<void>;
}

/** Formats the loopback endpoint for a port. */
export function loopbackEndpoint(port: number): string {
  return `http://127.0.0.1:${port}`;
}

/**
 * Typed errors thrown by the emulator helpers. Every class ends in `Error`, has a stable
 * `name`, and keeps the underlying failure in `cause`.
 */

/** A port that was asked for explicitly is already taken by another process. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';

  constructor(
    readonly port: number,
    options?: { cause?: unknown },
  ) {
    super(
      `Port ${port} on 127.0.0.1 is already in use. Stop whatever is listening on it ` +
        `(e.g. \`lsof -i :${port}\`) or omit the port to get a free one.`,
      options,
    );
  }
}

/**
 * `java` is missing, does not run, is older than the version DynamoDB Local needs, or is a JRE
 * where a JDK is needed (to compile DynamoDB Local's loopback launcher the first time).
 */
export class JavaNotFoundError extends Error {
  override readonly name = 'JavaNotFoundError';

  constructor(
    readonly javaBinary: string,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(
      `DynamoDB Local needs a Java 17+ JDK, but ${detail} (tried \`${javaBinary}\`). ` +
        'Install a Java 17+ JDK (e.g. `apt-get install openjdk-17-jdk-headless`, or Eclipse Temurin 17 JDK), ' +
        'make sure it is on PATH, and check it with `java -version` and `javac -version`.',
      options,
    );
  }
}

/** An emulator did not start (process died, readiness check timed out, listen failed). */
export class EmulatorStartError extends Error {
  override readonly name = 'EmulatorStartError';

  constructor(
    readonly emulator: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${emulator} did not start: ${message}`, options);
  }
}

/** One or more emulators failed to stop cleanly; `cause` is an `AggregateError` of the failures. */
export class EmulatorStopError extends Error {
  override readonly name = 'EmulatorStopError';

  constructor(
    readonly emulators: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(`Failed to stop: ${emulators.join(', ')}`, options);
  }
}

/** A Kinesis record returned by GetRecords lacks a field that a Lambda event needs. */
export class InvalidKinesisRecordError extends Error {
  override readonly name = 'InvalidKinesisRecordError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A resource created on an emulator (a stream, a table) did not reach the status it needs in time. */
export class ResourceNotReadyError extends Error {
  override readonly name = 'ResourceNotReadyError';

  constructor(
    readonly resource: string,
    readonly expectedStatus: string,
    readonly lastStatus: string | undefined,
    readonly timeoutMs: number,
    options?: { cause?: unknown },
  ) {
    super(`${resource} did not become ${expectedStatus} within ${timeoutMs} ms (last status: ${lastStatus ?? 'unknown'})`, options);
  }
}

/**
 * Base class of every error this package throws, so callers can tell ours from the SDK's.
 *
 * @example
 * ```ts
 * try {
 *   fullJitterDelayMs(-1, { baseDelayMs: 50, maxDelayMs: 2000 });
 * } catch (error) {
 *   if (error instanceof AwsClientsError) console.error(error.name, error.message);
 * }
 * ```
 */
export class AwsClientsError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'AwsClientsError';
  }
}

/**
 * A programmer error: an option or argument that can never work (an empty key list, a negative
 * delay, a concurrency of 0). The message names the value given.
 *
 * @example
 * ```ts
 * throw new InvalidOptionsError('concurrency must be an integer >= 1 (given 0)');
 * ```
 */
export class InvalidOptionsError extends AwsClientsError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'InvalidOptionsError';
  }
}

/**
 * An object in the quarantine bucket that is not a valid quarantine record (empty body, not
 * JSON, or not matching `QuarantineRecordSchema`). The message names the key.
 *
 * @example
 * ```ts
 * try {
 *   await readQuarantined(s3, { bucketName, key });
 * } catch (error) {
 *   if (error instanceof InvalidQuarantinedObjectError) skip(key, error.cause);
 * }
 * ```
 */
export class InvalidQuarantinedObjectError extends AwsClientsError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'InvalidQuarantinedObjectError';
  }
}

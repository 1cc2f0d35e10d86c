/**
 * Base class of every error this package throws, so the command can tell its own errors (with
 * messages written for the operator) from unexpected ones.
 *
 * @example
 * ```ts
 * if (error instanceof RedriveError) console.error(error.message);
 * ```
 */
export class RedriveError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'RedriveError';
  }
}

/**
 * A bad command line: the message names the option and the value given. Exit code 2.
 *
 * @example
 * ```ts
 * throw new UsageError('--limit must be an integer >= 1 (given "0")');
 * ```
 */
export class UsageError extends RedriveError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'UsageError';
  }
}

/**
 * The command could not start its work: the bucket name could not be read from SSM, or the
 * bucket could not be listed. Nothing was changed. Exit code 1.
 *
 * @example
 * ```ts
 * throw new SetupError('cannot list bucket my-bucket: NoSuchBucket', { cause: error });
 * ```
 */
export class SetupError extends RedriveError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SetupError';
  }
}

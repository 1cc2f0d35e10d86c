/** Base class of every error thrown by `@wildrydes/infra`. */
export class InfraError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'InfraError';
  }
}

/**
 * A function declaration breaks a Lambda or event-source-mapping limit.
 * `issues` lists every problem found, each naming the value given.
 */
export class FunctionDeclarationError extends InfraError {
  public readonly issues: readonly string[];

  public constructor(functionName: string, issues: readonly string[]) {
    super(`Invalid function declaration "${functionName}": ${issues.join('; ')}`);
    this.name = 'FunctionDeclarationError';
    this.issues = issues;
  }
}

/** A platform stack setting is out of range. */
export class PlatformConfigError extends InfraError {
  public constructor(message: string) {
    super(message);
    this.name = 'PlatformConfigError';
  }
}

/** The deployable bundle of a function is missing (its `build` target has not run). */
export class BundleNotFoundError extends InfraError {
  public constructor(functionName: string, bundleDirectory: string) {
    super(
      `No bundle for "${functionName}" at ${bundleDirectory}/index.mjs; run \`nx build ${functionName}\` first ` +
        '(the synth target depends on build, so `nx synth` does this for you)',
    );
    this.name = 'BundleNotFoundError';
  }
}

/**
 * Base class of every error this package throws, so callers can tell ours from anything else.
 *
 * @example
 * ```ts
 * try {
 *   validatePattern(ruleText);
 * } catch (error) {
 *   if (error instanceof EventPatternError) console.error(error.name, error.message);
 * }
 * ```
 */
export class EventPatternError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'EventPatternError';
  }
}

/**
 * A pattern EventBridge would reject (`InvalidEventPatternException`). The message says what is
 * wrong and where: `Invalid event pattern at detail.price: "numeric" expects ...`. The same facts
 * are on {@link InvalidEventPatternError.path} (dotted field path, `$or` branches as `$or[1]`,
 * empty at the top level) and {@link InvalidEventPatternError.reason}.
 *
 * @example
 * ```ts
 * try {
 *   parsePattern({ detail: { price: [{ numeric: ['>', 'cheap'] }] } });
 * } catch (error) {
 *   if (error instanceof InvalidEventPatternError) {
 *     console.error(error.path); // "detail.price"
 *   }
 * }
 * ```
 */
export class InvalidEventPatternError extends EventPatternError {
  public readonly path: string;
  public readonly reason: string;

  public constructor(path: string, reason: string, options?: ErrorOptions) {
    super(`Invalid event pattern ${path === '' ? 'at the top level' : `at ${path}`}: ${reason}`, options);
    this.name = 'InvalidEventPatternError';
    this.path = path;
    this.reason = reason;
  }
}

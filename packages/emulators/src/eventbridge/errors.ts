/**
 * Typed errors of the EventBridge emulator. Every class ends in `Error`, has a stable `name`,
 * and keeps the underlying failure in `cause`. Errors the HTTP API answers with extend
 * {@link EventBridgeApiError} and carry the AWS error code (`__type`) and HTTP status.
 */

/**
 * Base class of every error the EventBridge emulator throws.
 *
 * @example
 * ```ts
 * try {
 *   eventbridge.addRule({ name: 'r', eventPattern: {}, target: async () => undefined });
 * } catch (error) {
 *   if (error instanceof EventBridgeEmulatorError) console.error(error.name, error.message);
 * }
 * ```
 */
export class EventBridgeEmulatorError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EventBridgeEmulatorError';
  }
}

/**
 * An error the emulator's HTTP API answers with, as `{ "__type": awsErrorCode, "message": ... }`.
 *
 * @example
 * ```ts
 * throw new EventBridgeApiError('ThrottlingException', 'Rate exceeded', 400);
 * ```
 */
export class EventBridgeApiError extends EventBridgeEmulatorError {
  constructor(
    /** The AWS error code, e.g. `ResourceNotFoundException`. */
    readonly awsErrorCode: string,
    message: string,
    /** The HTTP status the API answers with. */
    readonly statusCode = 400,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EventBridgeApiError';
  }
}

/**
 * A request EventBridge rejects as a whole (`ValidationException`): too many entries, a missing
 * required parameter, a value out of range.
 *
 * @example
 * ```ts
 * throw new EventBridgeValidationError("Value null at 'entries' failed to satisfy constraint: Member must not be null");
 * ```
 */
export class EventBridgeValidationError extends EventBridgeApiError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('ValidationException', message, 400, options);
    this.name = 'EventBridgeValidationError';
  }
}

/**
 * No event bus has that name (`ResourceNotFoundException`).
 *
 * @example
 * ```ts
 * throw new EventBusNotFoundError('rides');
 * ```
 */
export class EventBusNotFoundError extends EventBridgeApiError {
  constructor(readonly eventBusName: string) {
    super('ResourceNotFoundException', `Event bus ${eventBusName} does not exist.`);
    this.name = 'EventBusNotFoundError';
  }
}

/**
 * An event bus with that name exists already (`ResourceAlreadyExistsException`).
 *
 * @example
 * ```ts
 * throw new EventBusAlreadyExistsError('rides');
 * ```
 */
export class EventBusAlreadyExistsError extends EventBridgeApiError {
  constructor(readonly eventBusName: string) {
    super('ResourceAlreadyExistsException', `Event bus ${eventBusName} already exists.`);
    this.name = 'EventBusAlreadyExistsError';
  }
}

/**
 * No rule has that name on that bus (`ResourceNotFoundException`).
 *
 * @example
 * ```ts
 * throw new RuleNotFoundError('ride-completed', 'default');
 * ```
 */
export class RuleNotFoundError extends EventBridgeApiError {
  constructor(
    readonly ruleName: string,
    readonly eventBusName: string,
  ) {
    super('ResourceNotFoundException', `Rule ${ruleName} does not exist on EventBus ${eventBusName}.`);
    this.name = 'RuleNotFoundError';
  }
}

/**
 * `addRule` was given the name of a rule that exists on that bus already
 * (`ResourceAlreadyExistsException`); `PutRule` over HTTP updates instead.
 *
 * @example
 * ```ts
 * throw new RuleAlreadyExistsError('ride-completed', 'default');
 * ```
 */
export class RuleAlreadyExistsError extends EventBridgeApiError {
  constructor(
    readonly ruleName: string,
    readonly eventBusName: string,
  ) {
    super('ResourceAlreadyExistsException', `Rule ${ruleName} already exists on EventBus ${eventBusName}.`);
    this.name = 'RuleAlreadyExistsError';
  }
}

/**
 * A rule would get more targets than EventBridge allows (`LimitExceededException`).
 *
 * @example
 * ```ts
 * throw new TargetLimitExceededError('ride-completed', 5);
 * ```
 */
export class TargetLimitExceededError extends EventBridgeApiError {
  constructor(
    readonly ruleName: string,
    readonly maximumTargets: number,
  ) {
    super('LimitExceededException', `The requested resource exceeds the maximum number allowed: rule ${ruleName} can have at most ${maximumTargets} targets.`);
    this.name = 'TargetLimitExceededError';
  }
}

/**
 * An emulator option or programmatic argument that can never work (a negative delay, a retry
 * policy out of EventBridge's range). The message names the value given.
 *
 * @example
 * ```ts
 * throw new InvalidEventBridgeOptionsError('retryBaseDelayMs must be a number >= 0 (given -1)');
 * ```
 */
export class InvalidEventBridgeOptionsError extends EventBridgeApiError {
  constructor(message: string) {
    super('ValidationException', message);
    this.name = 'InvalidEventBridgeOptionsError';
  }
}

/** Why a delivery gave up. */
export type DeliveryFailureReason = 'retries-exhausted' | 'maximum-event-age';

/**
 * Handed to a rule's dead-letter callback when a target kept failing: the retry policy's
 * `maximumRetryAttempts` or `maximumEventAgeSeconds` ran out. `cause` is the target's last error.
 *
 * @example
 * ```ts
 * eventbridge.addRule({
 *   name: 'ride-completed', eventPattern: { source: ['wildrydes.rides'] }, target,
 *   deadLetter: (event, error) => console.error(event.id, error.reason, error.attempts, error.cause),
 * });
 * ```
 */
export class EventDeliveryFailedError extends EventBridgeEmulatorError {
  constructor(
    readonly ruleName: string,
    readonly eventBusName: string,
    readonly eventId: string,
    /** Target invocations made, the first one included. */
    readonly attempts: number,
    readonly reason: DeliveryFailureReason,
    options: { cause: unknown },
  ) {
    super(
      `Delivery of event ${eventId} to rule ${ruleName} on bus ${eventBusName} failed after ${attempts} attempt(s): ` +
        `${reason === 'retries-exhausted' ? 'maximumRetryAttempts exhausted' : 'maximumEventAgeSeconds exceeded'} ` +
        `(last error: ${describe(options.cause)})`,
      options,
    );
    this.name = 'EventDeliveryFailedError';
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

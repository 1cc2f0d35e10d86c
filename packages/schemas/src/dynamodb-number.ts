import * as z from 'zod/mini';

/**
 * What a DynamoDB number can be, per the DynamoDB developer guide ("Supported data types and
 * naming rules", Number): up to 38 digits of precision, positive values from 1E-130 to
 * 9.9999999999999999999999999999999999999E+125, the same range negated, and zero. A value
 * outside it fails the write with a `ValidationException` ("Number underflow", "Number
 * overflow"), which no retry can cure.
 */
export const DYNAMODB_NUMBER_LIMITS = {
  maxSignificantDigits: 38,
  /** The smallest magnitude other than zero. */
  minMagnitude: 1e-130,
  /**
   * Magnitudes must stay below this. The largest storable decimal, 9.99…9E+125 with 38 nines,
   * rounds to the same double as 1e126, so a JavaScript number is storable only when strictly
   * below it.
   */
  magnitudeBelow: 1e126,
} as const;

/**
 * The number of significant digits of a number's shortest decimal form (the one `String(n)` and
 * the SDK's marshaller write), e.g. 3 for `1.25` and for `12500`, 1 for `1e-200`.
 *
 * @example
 * ```ts
 * significantDigits(1250.5); // 5
 * ```
 */
export function significantDigits(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return value === 0 ? 1 : Number.NaN;
  const mantissa = Math.abs(value).toExponential().split('e')[0] ?? '';
  return mantissa.replace('.', '').length;
}

/**
 * Whether DynamoDB can store a number exactly as given: finite, zero or a magnitude in
 * 1e-130 .. below 1e126, at most 38 significant digits.
 *
 * @example
 * ```ts
 * isDynamoDbStorable(12.5); // true
 * isDynamoDbStorable(1e-200); // false: DynamoDB answers "Number underflow"
 * ```
 */
export function isDynamoDbStorable(value: number): boolean {
  if (!Number.isFinite(value)) return false;
  const magnitude = Math.abs(value);
  if (magnitude === 0) return true;
  return (
    magnitude >= DYNAMODB_NUMBER_LIMITS.minMagnitude &&
    magnitude < DYNAMODB_NUMBER_LIMITS.magnitudeBelow &&
    significantDigits(value) <= DYNAMODB_NUMBER_LIMITS.maxSignificantDigits
  );
}

/** The English message of a number DynamoDB cannot store, naming the value. */
export function notStorableMessage(value: unknown): string {
  return (
    'Invalid number: DynamoDB stores only 0 or magnitudes from 1e-130 to below 1e126 ' +
    `with at most 38 significant digits (given ${String(value)})`
  );
}

/**
 * A zod check that a number is {@link isDynamoDbStorable}. It aborts the field's other checks
 * when it fails, so a value like `1e-200` gets this one message rather than a range message
 * too. Every numeric field of the telemetry and the catalog uses it through
 * {@link boundedNumber} / {@link boundedInt}.
 *
 * @example
 * ```ts
 * const Distance = z.number().check(dynamoDbNumber(), z.gte(0), z.lte(1_000_000));
 * ```
 */
export const dynamoDbNumber = () =>
  z.refine<number>((value) => isDynamoDbStorable(value), { error: (issue) => notStorableMessage(issue.input), abort: true });

/** Inclusive bounds of a plausible value. */
export interface NumberRange {
  readonly min: number;
  readonly max: number;
}

/**
 * A number DynamoDB can store and that lies in a plausible range (inclusive).
 *
 * @example
 * ```ts
 * const Latitude = boundedNumber({ min: -90, max: 90 });
 * ```
 */
export const boundedNumber = (range: NumberRange) => z.number().check(dynamoDbNumber(), z.gte(range.min), z.lte(range.max));

/**
 * A whole number DynamoDB can store and that lies in a plausible range (inclusive).
 *
 * @example
 * ```ts
 * const HealthPoints = boundedInt({ min: 0, max: 1_000 });
 * ```
 */
export const boundedInt = (range: NumberRange) => z.int().check(dynamoDbNumber(), z.gte(range.min), z.lte(range.max));

import { InvalidParameterValueError, SqsApiError } from '../errors';

/** A request body: the parsed JSON object of an API call. */
export type RequestBody = Readonly<Record<string, unknown>>;

/**
 * The request body as an object. @throws SqsApiError `SerializationException` for anything else.
 *
 * @example
 * ```ts
 * const body = requestBody(JSON.parse(text));
 * ```
 */
export function requestBody(input: unknown): RequestBody {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new SqsApiError('SerializationException', 'The request body must be a JSON object.');
  return input as RequestBody;
}

/**
 * A required string parameter. @throws SqsApiError `MissingParameter` naming it, as SQS words it.
 *
 * @example
 * ```ts
 * const queueUrl = requiredString(body, 'QueueUrl');
 * ```
 */
export function requiredString(body: RequestBody, field: string): string {
  const value = body[field];
  if (value === undefined || value === null || value === '') throw new SqsApiError('MissingParameter', `The request must contain the parameter ${field}.`);
  if (typeof value !== 'string') throw new InvalidParameterValueError(`Value for parameter ${field} must be a string.`);
  return value;
}

/**
 * An optional integer parameter within `min..max`. @throws InvalidParameterValueError in SQS's words
 * ("Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided."),
 * with `reason` where SQS words it differently.
 *
 * @example
 * ```ts
 * const max = optionalInteger(body, 'MaxNumberOfMessages', 1, 10) ?? 1;
 * ```
 */
export function optionalInteger(body: RequestBody, field: string, min: number, max: number, reason = `Must be between ${min} and ${max}, if provided.`): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidParameterValueError(`Value ${String(value)} for parameter ${field} is invalid. Reason: ${reason}`);
  }
  return value;
}

/**
 * An optional list of strings (`AttributeNames`, `MessageAttributeNames`, …); empty when absent.
 *
 * @example
 * ```ts
 * const names = stringList(body, 'MessageAttributeNames');
 * ```
 */
export function stringList(body: RequestBody, field: string): string[] {
  const value = body[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw new InvalidParameterValueError(`Parameter ${field} must be a list of strings.`);
  return value as string[];
}

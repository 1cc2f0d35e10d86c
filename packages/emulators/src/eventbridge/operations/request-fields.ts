import { EventBridgeValidationError } from '../errors';

/** A request body: the parsed JSON object of an API call. */
export type RequestBody = Readonly<Record<string, unknown>>;

/**
 * The request body as an object. @throws EventBridgeValidationError for anything else.
 *
 * @example
 * ```ts
 * const body = requestBody(JSON.parse(text));
 * ```
 */
export function requestBody(input: unknown): RequestBody {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new EventBridgeValidationError('The request body must be a JSON object.');
  }
  return input as RequestBody;
}

/**
 * A required string parameter. @throws EventBridgeValidationError naming the parameter.
 *
 * @example
 * ```ts
 * const name = requiredString(body, 'Name');
 * ```
 */
export function requiredString(body: RequestBody, field: string): string {
  const value = body[field];
  if (value === undefined || value === null) {
    throw new EventBridgeValidationError(`1 validation error detected: Value null at '${lowerFirst(field)}' failed to satisfy constraint: Member must not be null`);
  }
  if (typeof value !== 'string') throw new EventBridgeValidationError(`Parameter ${field} must be a string.`);
  return value;
}

/**
 * An optional string parameter. @throws EventBridgeValidationError if present and not a string.
 *
 * @example
 * ```ts
 * const busName = optionalString(body, 'EventBusName');
 * ```
 */
export function optionalString(body: RequestBody, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new EventBridgeValidationError(`Parameter ${field} must be a string.`);
  return value;
}

/**
 * A required list parameter with `min..max` members. @throws EventBridgeValidationError naming
 * the parameter and the constraint, as EventBridge words it.
 *
 * @example
 * ```ts
 * const entries = requiredList(body, 'Entries', 1, 10);
 * ```
 */
export function requiredList(body: RequestBody, field: string, min: number, max: number): readonly unknown[] {
  const value = body[field];
  const at = lowerFirst(field);
  if (value === undefined || value === null) {
    throw new EventBridgeValidationError(`1 validation error detected: Value null at '${at}' failed to satisfy constraint: Member must not be null`);
  }
  if (!Array.isArray(value)) throw new EventBridgeValidationError(`Parameter ${field} must be a list.`);
  if (value.length < min) {
    throw new EventBridgeValidationError(`1 validation error detected: Value '[]' at '${at}' failed to satisfy constraint: Member must have length greater than or equal to ${min}`);
  }
  if (value.length > max) {
    throw new EventBridgeValidationError(
      `1 validation error detected: Value of ${value.length} members at '${at}' failed to satisfy constraint: Member must have length less than or equal to ${max}`,
    );
  }
  return value;
}

/**
 * Pagination over a sorted list with `Limit` (1..100) and an opaque `NextToken`.
 *
 * @example
 * ```ts
 * const { page, nextToken } = paginate(body, rules);
 * ```
 */
export function paginate<T>(body: RequestBody, items: readonly T[]): { page: T[]; nextToken: string | undefined } {
  const limit = body['Limit'] ?? 100;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new EventBridgeValidationError(`1 validation error detected: Value '${String(limit)}' at 'limit' failed to satisfy constraint: Member must have value between 1 and 100`);
  }
  const token = optionalString(body, 'NextToken');
  const start = token === undefined ? 0 : Number.parseInt(Buffer.from(token, 'base64url').toString('utf8'), 10);
  if (!Number.isInteger(start) || start < 0) throw new EventBridgeValidationError('The NextToken is not valid.');
  const end = start + limit;
  return {
    page: items.slice(start, end),
    nextToken: end < items.length ? Buffer.from(String(end), 'utf8').toString('base64url') : undefined,
  };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

import { MAX_MESSAGE_ATTRIBUTES } from './constants';
import { InvalidParameterValueError, SqsApiError } from './errors';
import type { MessageAttributeValue } from './md5';

/** Characters a message body may hold (SendMessage, Amazon SQS API Reference): #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF. */
// eslint-disable-next-line no-control-regex -- tab, LF and CR are exactly the control characters SQS allows
const ALLOWED_CHARACTERS = /^[\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;
const INVALID_CHARACTERS_MESSAGE =
  'Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF';
const ATTRIBUTE_NAME = /^[A-Za-z0-9_.-]{1,256}$/;
const RESERVED_PREFIX = /^(aws\.|amazon\.)/i;

/**
 * Validates a message body like SendMessage: present and non-empty (`MissingParameter`), only the
 * allowed Unicode characters (`InvalidMessageContents`).
 *
 * @throws SqsApiError
 * @example
 * ```ts
 * validateMessageBody('{"rideId":"r-1"}');
 * ```
 */
export function validateMessageBody(body: unknown): string {
  if (body === undefined || body === null || body === '') throw new SqsApiError('MissingParameter', 'The request must contain the parameter MessageBody.');
  if (typeof body !== 'string') throw new InvalidParameterValueError('Value for parameter MessageBody must be a string.');
  if (!ALLOWED_CHARACTERS.test(body)) throw new SqsApiError('InvalidMessageContents', INVALID_CHARACTERS_MESSAGE);
  return body;
}

/**
 * Validates `MessageAttributes` like SendMessage ("Message metadata for Amazon SQS"): at most 10;
 * names of A-Z a-z 0-9 _ - . up to 256 characters, not starting with `AWS.`/`Amazon.`, not starting
 * or ending with a period, no two periods in a row; a data type starting with `String`, `Number`
 * or `Binary`; a non-empty value of the matching kind (a number for `Number`, base64 for `Binary`).
 *
 * @throws InvalidParameterValueError naming the attribute
 * @example
 * ```ts
 * validateMessageAttributes({ origin: { DataType: 'String', StringValue: 'kinesis' } });
 * ```
 */
export function validateMessageAttributes(input: unknown): Record<string, MessageAttributeValue> {
  if (input === undefined || input === null) return {};
  if (!isRecord(input)) throw new InvalidParameterValueError('MessageAttributes must be a map of attribute name to value.');
  const names = Object.keys(input);
  if (names.length > MAX_MESSAGE_ATTRIBUTES) {
    throw new InvalidParameterValueError(`Number of message attributes [${names.length}] exceeds the allowed maximum [${MAX_MESSAGE_ATTRIBUTES}].`);
  }
  const attributes: Record<string, MessageAttributeValue> = {};
  for (const name of names) {
    validateAttributeName(name);
    attributes[name] = validateAttributeValue(name, input[name]);
  }
  return attributes;
}

/**
 * Validates `MessageSystemAttributes`: only `AWSTraceHeader`, a `String`.
 *
 * @throws InvalidParameterValueError
 * @example
 * ```ts
 * validateMessageSystemAttributes({ AWSTraceHeader: { DataType: 'String', StringValue: 'Root=1-5759e988-bd862e3fe1be46a994272793' } });
 * ```
 */
export function validateMessageSystemAttributes(input: unknown): Record<string, MessageAttributeValue> {
  if (input === undefined || input === null) return {};
  if (!isRecord(input)) throw new InvalidParameterValueError('MessageSystemAttributes must be a map of attribute name to value.');
  const attributes: Record<string, MessageAttributeValue> = {};
  for (const [name, value] of Object.entries(input)) {
    if (name !== 'AWSTraceHeader') throw new InvalidParameterValueError(`Message system attribute name '${name}' is invalid.`);
    const attribute = validateAttributeValue(name, value);
    if (attribute.DataType !== 'String') throw new InvalidParameterValueError(`Message system attribute '${name}' must be of type 'String'.`);
    attributes[name] = attribute;
  }
  return attributes;
}

/**
 * A message's size as SQS counts it against `MaximumMessageSize`: the body's UTF-8 bytes plus, for
 * every message attribute, its name, data type and value.
 *
 * @example
 * ```ts
 * messageSizeBytes('abc', { a: { DataType: 'String', StringValue: 'b' } }); // 3 + 1 + 6 + 1 = 11
 * ```
 */
export function messageSizeBytes(body: string, attributes: Readonly<Record<string, MessageAttributeValue>>): number {
  let size = Buffer.byteLength(body, 'utf8');
  for (const [name, attribute] of Object.entries(attributes)) {
    size += Buffer.byteLength(name, 'utf8') + Buffer.byteLength(attribute.DataType, 'utf8');
    size += attribute.BinaryValue === undefined ? Buffer.byteLength(attribute.StringValue ?? '', 'utf8') : Buffer.from(attribute.BinaryValue, 'base64').length;
  }
  return size;
}

/**
 * The message attributes ReceiveMessage returns for `MessageAttributeNames`: all of them for
 * `All`, `.*` or `*`; those starting with `prefix.` for `prefix.*`; the named ones otherwise.
 *
 * @example
 * ```ts
 * selectMessageAttributes({ 'Help.Me': a, Hello: b, General: c }, ['Hel.*']); // { 'Help.Me': a, Hello: b }
 * ```
 */
export function selectMessageAttributes<T>(attributes: Readonly<Record<string, T>>, requested: readonly string[]): Record<string, T> {
  if (requested.some((name) => name === 'All' || name === '.*' || name === '*')) return { ...attributes };
  const prefixes = requested.filter((name) => name.endsWith('.*')).map((name) => name.slice(0, -2));
  return Object.fromEntries(
    Object.entries(attributes).filter(([name]) => requested.includes(name) || prefixes.some((prefix) => name.startsWith(prefix))),
  );
}

function validateAttributeName(name: string): void {
  if (!ATTRIBUTE_NAME.test(name)) {
    throw new InvalidParameterValueError(
      `Message (user) attribute name '${name}' is invalid: names can only contain upper and lower case characters, digits, periods, hyphens and underscores, 1 to 256 characters.`,
    );
  }
  if (RESERVED_PREFIX.test(name) || name.startsWith('.') || name.endsWith('.') || name.includes('..')) {
    throw new InvalidParameterValueError(
      `Message (user) attribute name '${name}' is invalid: names can't begin with 'AWS.' or 'Amazon.', begin or end with '.', or contain '..'.`,
    );
  }
}

function validateAttributeValue(name: string, raw: unknown): MessageAttributeValue {
  if (!isRecord(raw)) throw new InvalidParameterValueError(`Message (user) attribute '${name}' must be an object with DataType and a value.`);
  const dataType = raw['DataType'];
  if (typeof dataType !== 'string' || dataType === '') throw new InvalidParameterValueError(`The message attribute '${name}' must contain non-empty message attribute type.`);
  if (!/^(String|Number|Binary)(\.[^\s]{1,250})?$/.test(dataType) || Buffer.byteLength(dataType) > 256) {
    throw new InvalidParameterValueError(`The type of message (user) attribute '${name}' is invalid. You must use only the following supported type prefixes: Binary, Number, String.`);
  }
  const stringValue = raw['StringValue'];
  const binaryValue = raw['BinaryValue'];
  if (dataType.startsWith('Binary')) {
    if (typeof binaryValue !== 'string' || binaryValue === '' || !/^[A-Za-z0-9+/]*={0,2}$/.test(binaryValue)) {
      throw new InvalidParameterValueError(`Message (user) attribute '${name}' must contain a non-empty value of type 'Binary'.`);
    }
    return { DataType: dataType, BinaryValue: binaryValue };
  }
  const kind = dataType.startsWith('Number') ? 'Number' : 'String';
  if (typeof stringValue !== 'string' || stringValue === '') {
    throw new InvalidParameterValueError(`Message (user) attribute '${name}' must contain a non-empty value of type '${kind}'.`);
  }
  if (!ALLOWED_CHARACTERS.test(stringValue)) throw new InvalidParameterValueError(INVALID_CHARACTERS_MESSAGE);
  if (kind === 'Number' && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(stringValue.trim())) {
    throw new InvalidParameterValueError(`Can't cast the value of message (user) attribute '${name}' to a number.`);
  }
  return { DataType: dataType, StringValue: stringValue };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

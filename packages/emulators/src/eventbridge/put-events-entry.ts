import { putEventsEntrySizeBytes } from '@wildrydes/aws-clients';
import { resolveEventBusName } from './arns';
import { parseEntryTime } from './event-time';
import type { PutEventsEntryInput } from './types';

/** A PutEvents entry that passed validation, ready to become an event. */
export interface AcceptedEntry {
  readonly ok: true;
  /** The entry as the SDK would describe it (`Time` as a `Date`). */
  readonly input: PutEventsEntryInput;
  readonly eventBusName: string;
  readonly detail: Record<string, unknown>;
  /** Size as AWS counts it ("Calculating PutEvents event entry size"). */
  readonly sizeBytes: number;
}

/** A PutEvents entry EventBridge refuses, with the per-entry error it reports. */
export interface RejectedEntry {
  readonly ok: false;
  readonly errorCode: string;
  readonly errorMessage: string;
}

/** What {@link validatePutEventsEntry} needs to know about the bus. */
export interface EntryValidationContext {
  readonly eventBusExists: (eventBusName: string) => boolean;
}

/**
 * Validates one PutEvents entry as EventBridge does, returning the per-entry error it would
 * report: `InvalidArgument` for a missing `Source`, `DetailType` or `Detail`, a bad `Time` or
 * `Resources`; `NotAuthorizedForSourceException` for an
 * `aws.` source; `MalformedDetail` when `Detail` is not the text of a JSON object;
 * `ResourceNotFoundException` for a bus that does not exist.
 *
 * @example
 * ```ts
 * validatePutEventsEntry({ Source: 'wildrydes.rides', DetailType: 'RideCompleted', Detail: '[]' }, context);
 * // { ok: false, errorCode: 'MalformedDetail', errorMessage: 'Detail is malformed.' }
 * ```
 */
export function validatePutEventsEntry(raw: unknown, context: EntryValidationContext): AcceptedEntry | RejectedEntry {
  if (!isObject(raw)) return invalid('Entry', 'Entry must be a JSON object.');
  for (const field of ['Source', 'DetailType', 'Detail'] as const) {
    const value = raw[field];
    if (value === undefined || value === null || value === '') return invalid(field, `${field} is a required argument.`);
    if (typeof value !== 'string') return invalid(field, `${field} must be a string.`);
  }
  const source = raw['Source'] as string;
  const detailType = raw['DetailType'] as string;
  const detailText = raw['Detail'] as string;

  const resources = raw['Resources'] ?? [];
  if (!Array.isArray(resources) || !resources.every((resource) => typeof resource === 'string')) {
    return invalid('Resources', 'Resources must be a list of strings.');
  }
  const time = raw['Time'] === undefined || raw['Time'] === null ? undefined : parseEntryTime(raw['Time']);
  if (time === undefined && raw['Time'] !== undefined && raw['Time'] !== null) {
    return invalid('Time', 'Time must be a timestamp.');
  }
  const eventBusName = typeof raw['EventBusName'] === 'string' ? raw['EventBusName'] : undefined;
  const input: PutEventsEntryInput = {
    Source: source,
    DetailType: detailType,
    Detail: detailText,
    Resources: resources as string[],
    ...(time === undefined ? {} : { Time: time }),
    ...(eventBusName === undefined ? {} : { EventBusName: eventBusName }),
    ...(typeof raw['TraceHeader'] === 'string' ? { TraceHeader: raw['TraceHeader'] } : {}),
  };

  const sizeBytes = putEventsEntrySizeBytes({ ...input, Resources: [...(input.Resources ?? [])] });
  if (source.startsWith('aws.')) {
    return { ok: false, errorCode: 'NotAuthorizedForSourceException', errorMessage: 'Not authorized for the source.' };
  }
  const detail = parseDetail(detailText);
  if (detail === undefined) return { ok: false, errorCode: 'MalformedDetail', errorMessage: 'Detail is malformed.' };

  const busName = resolveEventBusName(eventBusName);
  if (!context.eventBusExists(busName)) {
    return { ok: false, errorCode: 'ResourceNotFoundException', errorMessage: `Event bus ${busName} does not exist.` };
  }
  return { ok: true, input, eventBusName: busName, detail, sizeBytes };
}

/**
 * The size EventBridge counts for a raw request entry ("Calculating PutEvents event entry size"),
 * from whatever of its counted fields are present, before any other validation: the request's
 * size limit applies to every entry, valid or not.
 *
 * @example
 * ```ts
 * rawEntrySizeBytes({ Source: 's', DetailType: 't', Detail: '{}' }); // 4
 * ```
 */
export function rawEntrySizeBytes(raw: unknown): number {
  if (!isObject(raw)) return 0;
  const text = (field: string) => (typeof raw[field] === 'string' ? (raw[field] as string) : undefined);
  const resources = Array.isArray(raw['Resources']) ? raw['Resources'].filter((resource) => typeof resource === 'string') : [];
  const hasTime = raw['Time'] !== undefined && raw['Time'] !== null;
  return putEventsEntrySizeBytes({
    Source: text('Source'),
    DetailType: text('DetailType'),
    Detail: text('Detail'),
    Resources: resources as string[],
    ...(hasTime ? { Time: new Date(0) } : {}),
  });
}

function parseDetail(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a parsed JSON value is an object (not `null`, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(parameter: string, reason: string): RejectedEntry {
  return { ok: false, errorCode: 'InvalidArgument', errorMessage: `Parameter ${parameter} is not valid. Reason: ${reason}` };
}

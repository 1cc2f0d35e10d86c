import { PLATFORM_PARAMETERS, functionParameterPath } from '@wildrydes/infra/function-declaration';
import type { ParameterHint } from './adapters/ssm-bucket-name.js';
import { SetupError } from './errors.js';
import type { RedriveOptions } from './options.js';
import type { SourceKind } from './sources.js';

/** Where a function's failures are kept. Each source needs some of these (see {@link resolveLocations}). */
export interface RedriveLocations {
  /** `quarantine`. */
  readonly quarantineBucket?: string;
  /** `on-failure-objects`. */
  readonly failureBucket?: string;
  /** `on-failure-objects`: `aws/lambda/<ESM-UUID>/`. */
  readonly onFailurePrefix?: string;
  /** `dead-letter-queue`. */
  readonly deadLetterQueueUrl?: string;
  /** `on-failure-queue`. */
  readonly onFailureQueueUrl?: string;
  /** `dead-letter-queue` and `on-failure-queue`: the bus for events whose message names none. */
  readonly eventBusName?: string;
}

/** Reads an SSM parameter, or throws naming it and the remedy. */
export type ParameterReader = (name: string, hint: ParameterHint) => Promise<string>;

type LocationName = keyof RedriveLocations;

const NEEDS: Readonly<Record<SourceKind, readonly LocationName[]>> = {
  quarantine: ['quarantineBucket'],
  'on-failure-objects': ['failureBucket', 'onFailurePrefix'],
  'dead-letter-queue': ['deadLetterQueueUrl', 'eventBusName'],
  'on-failure-queue': ['onFailureQueueUrl', 'eventBusName'],
};

/**
 * The locations the sources need: each from its command-line option when given, else from
 * its SSM parameter (platform parameters, or the function stack's own, see
 * `functionParameterPath`). Only what the sources need is read.
 *
 * @throws whatever `read` throws for a parameter it cannot read
 *
 * @example
 * ```ts
 * await resolveLocations(options, ['quarantine'], read); // { quarantineBucket: options.bucketName ?? <SSM value> }
 * ```
 */
export async function resolveLocations(options: RedriveOptions, kinds: readonly SourceKind[], read: ParameterReader): Promise<RedriveLocations> {
  const fn = options.functionName;
  const how: Record<LocationName, { given: string | undefined; parameter: string; hint: ParameterHint }> = {
    quarantineBucket: {
      given: options.bucketName,
      parameter: PLATFORM_PARAMETERS.quarantineBucketName,
      hint: { what: 'the quarantine bucket name', remedy: 'deploy the platform stack, or pass --bucket' },
    },
    failureBucket: {
      given: options.failureBucketName,
      parameter: PLATFORM_PARAMETERS.failureBucketName,
      hint: { what: 'the failure bucket name', remedy: 'deploy the platform stack, or pass --failure-bucket' },
    },
    onFailurePrefix: {
      given: options.onFailurePrefix,
      parameter: functionParameterPath(fn, 'onFailurePrefix'),
      hint: { what: `the on-failure prefix of ${fn}`, remedy: `deploy the stack of ${fn}, or pass --on-failure-prefix` },
    },
    deadLetterQueueUrl: {
      given: options.deadLetterQueueUrl,
      parameter: functionParameterPath(fn, 'deadLetterQueueUrl'),
      hint: { what: `the dead-letter queue URL of ${fn}`, remedy: `deploy the stack of ${fn}, or pass --dead-letter-queue-url` },
    },
    onFailureQueueUrl: {
      given: options.onFailureQueueUrl,
      parameter: functionParameterPath(fn, 'onFailureQueueUrl'),
      hint: { what: `the on-failure queue URL of ${fn}`, remedy: `deploy the stack of ${fn}, or pass --on-failure-queue-url` },
    },
    eventBusName: {
      given: options.eventBusName,
      parameter: PLATFORM_PARAMETERS.eventBusName,
      hint: { what: 'the event bus name', remedy: 'deploy the platform stack, or pass --event-bus' },
    },
  };
  const needed = [...new Set(kinds.flatMap((kind) => NEEDS[kind]))];
  const locations: Partial<Record<LocationName, string>> = {};
  for (const name of needed) {
    const { given, parameter, hint } = how[name];
    locations[name] = given ?? (await read(parameter, hint));
  }
  return locations;
}

/**
 * The location a source needs.
 *
 * @throws SetupError naming it when it is missing (a caller of the library forgot it)
 *
 * @example
 * ```ts
 * const bucket = requireLocation(locations, 'quarantineBucket', 'quarantine');
 * ```
 */
export function requireLocation(locations: RedriveLocations, name: LocationName, kind: SourceKind): string {
  const value = locations[name];
  if (value === undefined || value === '') throw new SetupError(`source ${kind} needs locations.${name}`);
  return value;
}

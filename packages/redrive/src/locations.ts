import { PLATFORM_PARAMETERS, functionParameterPath, type FunctionTriggerType } from '@wildrydes/infra/function-declaration';
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
  /**
   * `on-failure-objects`, optional: one mapping's `aws/lambda/<ESM-UUID>/` to list instead of the
   * whole `aws/lambda/` (objects are chosen by the function they name, see `functionArn`).
   */
  readonly onFailurePrefix?: string;
  /** `dead-letter-queue`. */
  readonly deadLetterQueueUrl?: string;
  /** `on-failure-queue`. */
  readonly onFailureQueueUrl?: string;
  /** `dead-letter-queue` and `on-failure-queue`: the bus for events whose message names none. */
  readonly eventBusName?: string;
  /**
   * The deployed function, as Lambda's Invoke API takes it (name or ARN). CloudFormation generates
   * the deployed name, so it is not the project name (except locally). `on-failure-objects`: only
   * objects whose `requestContext.functionArn` names this function are re-driven. `quarantine` of
   * a DynamoDB-stream function: its quarantined records are re-delivered to it.
   */
  readonly functionArn?: string;
}

/** What the locations are resolved for: the function's trigger and the sources to re-drive. */
export interface LocationNeeds {
  readonly triggerType: FunctionTriggerType;
  readonly sources: readonly SourceKind[];
}

/** Reads an SSM parameter, or throws naming it and the remedy. */
export type ParameterReader = (name: string, hint: ParameterHint) => Promise<string>;

type LocationName = keyof RedriveLocations;
/** The locations read from SSM when not given; `onFailurePrefix` is only ever an option (a narrowing). */
type ResolvedLocationName = Exclude<LocationName, 'onFailurePrefix'>;

const NEEDS: Readonly<Record<SourceKind, readonly ResolvedLocationName[]>> = {
  quarantine: ['quarantineBucket'],
  'on-failure-objects': ['failureBucket', 'functionArn'],
  'dead-letter-queue': ['deadLetterQueueUrl', 'eventBusName'],
  'on-failure-queue': ['onFailureQueueUrl', 'eventBusName'],
};

/**
 * What a source needs for a function with this trigger. A DynamoDB-stream function's quarantine
 * is re-delivered to the function itself, so it needs the deployed function; a Kinesis
 * function's goes back onto streams. On-failure objects need the deployed function to tell the
 * function's objects from others' (`requestContext.functionArn`).
 */
function needsOf(source: SourceKind, triggerType: FunctionTriggerType): readonly ResolvedLocationName[] {
  if (source === 'quarantine' && triggerType === 'dynamodb-stream') return [...NEEDS.quarantine, 'functionArn'];
  return NEEDS[source];
}

/**
 * The locations the sources need: each from its command-line option when given, else from
 * its SSM parameter (platform parameters, or the function stack's own, see
 * `functionParameterPath`). Only what the sources need for this trigger is read (the deployed
 * function for on-failure objects and a DynamoDB-stream function's quarantine). The on-failure
 * prefix is never read from SSM: `--on-failure-prefix` narrows the listing when given, else the
 * whole `aws/lambda/` is listed, so objects of a mapping replaced since are found too.
 *
 * @throws whatever `read` throws for a parameter it cannot read
 *
 * @example
 * ```ts
 * await resolveLocations(options, { triggerType: 'kinesis', sources: ['quarantine'] }, read);
 * // { quarantineBucket: options.bucketName ?? <SSM value> }
 * await resolveLocations(options, { triggerType: 'dynamodb-stream', sources: ['quarantine'] }, read);
 * // { quarantineBucket: …, functionArn: options.functionArn ?? <SSM /wildrydes/functions/<name>/function-arn> }
 * await resolveLocations(options, { triggerType: 'kinesis', sources: ['on-failure-objects'] }, read);
 * // { failureBucket: …, functionArn: …, onFailurePrefix: options.onFailurePrefix (only when given) }
 * ```
 */
export async function resolveLocations(options: RedriveOptions, needs: LocationNeeds, read: ParameterReader): Promise<RedriveLocations> {
  const fn = options.functionName;
  const how: Record<ResolvedLocationName, { given: string | undefined; parameter: string; hint: ParameterHint }> = {
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
    functionArn: {
      given: options.functionArn,
      parameter: functionParameterPath(fn, 'functionArn'),
      hint: { what: `the ARN of the deployed ${fn}`, remedy: `deploy the stack of ${fn}, or pass --function-arn` },
    },
  };
  const needed = [...new Set(needs.sources.flatMap((source) => needsOf(source, needs.triggerType)))];
  const locations: Partial<Record<LocationName, string>> = {};
  for (const name of needed) {
    const { given, parameter, hint } = how[name];
    locations[name] = given ?? (await read(parameter, hint));
  }
  if (options.onFailurePrefix !== undefined && needs.sources.includes('on-failure-objects')) locations.onFailurePrefix = options.onFailurePrefix;
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

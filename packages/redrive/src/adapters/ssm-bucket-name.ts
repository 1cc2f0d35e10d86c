import { GetParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { describeError } from '@wildrydes/aws-clients';
import { PLATFORM_PARAMETERS } from '@wildrydes/infra/function-declaration';
import { SetupError } from '../errors.js';

/** What a parameter holds and how the operator does without it, for the error message. */
export interface ParameterHint {
  /** e.g. `the quarantine bucket name` */
  readonly what: string;
  /** e.g. `deploy the platform stack, or pass --bucket` */
  readonly remedy: string;
}

/**
 * Reads one `String` SSM parameter, trimmed.
 *
 * @throws SetupError naming the parameter and the remedy when it is missing, empty or unreadable
 *
 * @example
 * ```ts
 * await readParameter(ssm, '/wildrydes/platform/event-bus-name', { what: 'the event bus name', remedy: 'deploy the platform stack, or pass --event-bus' });
 * ```
 */
export async function readParameter(client: SSMClient, name: string, hint: ParameterHint): Promise<string> {
  let value: string | undefined;
  try {
    const response = await client.send(new GetParameterCommand({ Name: name }));
    value = response.Parameter?.Value;
  } catch (error) {
    throw new SetupError(`cannot read ${hint.what} from SSM parameter ${name}: ${describeError(error)} (${hint.remedy})`, { cause: error });
  }
  if (value === undefined || value.trim() === '') throw new SetupError(`SSM parameter ${name} is empty (${hint.remedy})`);
  return value.trim();
}

/**
 * Reads the quarantine bucket's name from the SSM parameter the platform stack writes
 * (`/wildrydes/platform/quarantine-bucket-name`).
 *
 * @throws SetupError naming the parameter when it is missing, empty or unreadable
 *
 * @example
 * ```ts
 * const bucketName = options.bucketName ?? (await readQuarantineBucketName(new SSMClient({})));
 * ```
 */
export function readQuarantineBucketName(client: SSMClient): Promise<string> {
  return readParameter(client, PLATFORM_PARAMETERS.quarantineBucketName, { what: 'the quarantine bucket name', remedy: 'deploy the platform stack, or pass --bucket' });
}

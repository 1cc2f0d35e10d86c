import { GetParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { describeError } from '@wildrydes/aws-clients';
import { PLATFORM_PARAMETERS } from '@wildrydes/infra/function-declaration';
import { SetupError } from '../errors.js';

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
export async function readQuarantineBucketName(client: SSMClient): Promise<string> {
  const name = PLATFORM_PARAMETERS.quarantineBucketName;
  let value: string | undefined;
  try {
    const response = await client.send(new GetParameterCommand({ Name: name }));
    value = response.Parameter?.Value;
  } catch (error) {
    throw new SetupError(`cannot read the quarantine bucket name from SSM parameter ${name}: ${describeError(error)} (deploy the platform stack, or pass --bucket)`, {
      cause: error,
    });
  }
  if (value === undefined || value.trim() === '') {
    throw new SetupError(`SSM parameter ${name} is empty (deploy the platform stack, or pass --bucket)`);
  }
  return value.trim();
}

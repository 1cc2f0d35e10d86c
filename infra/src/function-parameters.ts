/**
 * The SSM parameters a function stack writes about itself and its own failure destinations, so
 * that `npm run redrive` finds what a function gave up on, and the function to give it back to,
 * from the function's project name alone. Plain data (no CDK imports), so the redrive command and
 * the local runtime read it too.
 *
 * - every function: `function-arn`, the deployed function's ARN (CloudFormation generates the
 *   function's name, so the project name is not the name Lambda's Invoke API knows it by);
 * - stream functions (Kinesis, DynamoDB Streams): `on-failure-prefix`, the key prefix
 *   `aws/lambda/<ESM-UUID>/` under which Lambda writes the mapping's invocation records in the
 *   platform's failure bucket (Lambda chooses the keys; the mapping's UUID is its prefix);
 * - EventBridge rule targets: `dead-letter-queue-url` (events EventBridge could not deliver) and
 *   `on-failure-queue-url` (invocation records of events the handler failed on after Lambda's
 *   asynchronous retries).
 */

/** Every function parameter starts with this prefix, then the function's project name. */
export const FUNCTION_PARAMETER_PREFIX = '/wildrydes/functions/';

/** What a function stack publishes about itself. */
export const FUNCTION_PARAMETER_SUFFIXES = {
  functionArn: 'function-arn',
  onFailurePrefix: 'on-failure-prefix',
  deadLetterQueueUrl: 'dead-letter-queue-url',
  onFailureQueueUrl: 'on-failure-queue-url',
} as const;

/** A logical function parameter name, e.g. `'onFailurePrefix'`. */
export type FunctionParameterName = keyof typeof FUNCTION_PARAMETER_SUFFIXES;

/**
 * The SSM path of one function parameter.
 *
 * @example
 * ```ts
 * functionParameterPath('kinesis-ddb-writer', 'onFailurePrefix'); // '/wildrydes/functions/kinesis-ddb-writer/on-failure-prefix'
 * ```
 */
export function functionParameterPath(functionName: string, name: FunctionParameterName): string {
  return `${FUNCTION_PARAMETER_PREFIX}${functionName}/${FUNCTION_PARAMETER_SUFFIXES[name]}`;
}

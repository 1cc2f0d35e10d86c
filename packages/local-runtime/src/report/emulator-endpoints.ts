/** The SDK's service identifiers, in the order the pipeline uses the services. */
const SERVICE_ORDER = ['KINESIS', 'DYNAMODB', 'DYNAMODB_STREAMS', 'S3', 'EVENTBRIDGE', 'SQS', 'LAMBDA'];
const PREFIX = 'AWS_ENDPOINT_URL_';
/** The credentials the emulators get when the user has none (any credentials work locally). */
const DUMMY_CREDENTIALS = 'local';

/**
 * Shell lines that point the AWS CLI, the SDKs and `npm run redrive` at a local run: one
 * `export AWS_ENDPOINT_URL_<SERVICE>=...` per emulator (the SDKs' and the CLI's service-specific
 * endpoint variables, AWS SDKs and Tools Reference Guide, "Service-specific endpoints"), the
 * region, and the emulators' dummy credentials when they are in use. Real credentials from the
 * user's environment are never printed. Then how to use them.
 *
 * @example
 * ```ts
 * emulatorEndpointLines({ AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:4569', AWS_REGION: 'us-east-1' }, { quarantineBucketName: 'wildrydes-quarantine' });
 * // ['Reach this run from another terminal: paste these lines there', 'export AWS_ENDPOINT_URL_S3=http://127.0.0.1:4569', ...]
 * ```
 */
export function emulatorEndpointLines(
  env: Readonly<Record<string, string>>,
  context: { quarantineBucketName: string; redriveCommands?: readonly string[] },
): string[] {
  const rank = (name: string) => {
    const index = SERVICE_ORDER.indexOf(name.slice(PREFIX.length));
    return index === -1 ? SERVICE_ORDER.length : index;
  };
  const endpoints = Object.keys(env)
    .filter((name) => name.startsWith(PREFIX))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const dummyCredentials = env['AWS_ACCESS_KEY_ID'] === DUMMY_CREDENTIALS && env['AWS_SECRET_ACCESS_KEY'] === DUMMY_CREDENTIALS;
  return [
    'Reach this run from another terminal: paste these lines there',
    ...endpoints.map((name) => `export ${name}=${env[name]}`),
    ...(env['AWS_REGION'] ? [`export AWS_REGION=${env['AWS_REGION']}`] : []),
    ...(dummyCredentials ? [`export AWS_ACCESS_KEY_ID=${DUMMY_CREDENTIALS} AWS_SECRET_ACCESS_KEY=${DUMMY_CREDENTIALS}`] : []),
    'then, for example:',
    `aws s3 ls s3://${context.quarantineBucketName}/ --recursive`,
    ...(context.redriveCommands && context.redriveCommands.length > 0
      ? ['and to recover what a function failed on (quarantine, on-failure, DLQs):', ...context.redriveCommands]
      : [`npm run redrive -- --bucket ${context.quarantineBucketName} --function <name>`]),
  ];
}

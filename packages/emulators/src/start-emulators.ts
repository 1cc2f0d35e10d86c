import { startDynamoDbLocal, type DynamoDbLocalOptions } from './dynamodb-local';
import { EmulatorStopError } from './errors';
import { startEventBridge, type EventBridgeOptions, type RunningEventBridge } from './eventbridge/start-eventbridge';
import { startKinesalite, type KinesaliteOptions } from './kinesalite';
import type { RunningEmulator } from './running-emulator';
import { startS3rver, type RunningS3rver, type S3rverOptions } from './s3rver';
import { startSqs, type RunningSqs, type SqsOptions } from './sqs/start-sqs';

/** Which emulators {@link startEmulators} starts: `true` for defaults, or that emulator's options. */
export interface StartEmulatorsOptions {
  kinesis?: boolean | KinesaliteOptions;
  dynamodb?: boolean | DynamoDbLocalOptions;
  s3?: boolean | S3rverOptions;
  /** The workspace's EventBridge emulator (in-process, with the `default` bus). */
  eventbridge?: boolean | EventBridgeOptions;
  /** The workspace's SQS emulator (in-process, standard queues). */
  sqs?: boolean | SqsOptions;
}

/** The emulators that were started, plus the environment that points SDK v3 clients at them. */
export interface RunningEmulators {
  kinesis?: RunningEmulator;
  dynamodb?: RunningEmulator;
  s3?: RunningS3rver;
  eventbridge?: RunningEventBridge;
  sqs?: RunningSqs;
  /**
   * `AWS_ENDPOINT_URL_KINESIS`, `AWS_ENDPOINT_URL_DYNAMODB`, `AWS_ENDPOINT_URL_DYNAMODB_STREAMS`,
   * `AWS_ENDPOINT_URL_S3`, `AWS_ENDPOINT_URL_EVENTBRIDGE`, `AWS_ENDPOINT_URL_SQS` for the started emulators, plus `AWS_REGION` (default `us-east-1`) and
   * dummy `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` unless already set in `process.env`.
   */
  env: Record<string, string>;
  /** Stops every started emulator, even if some fail; then throws {@link EmulatorStopError}. */
  stop(): Promise<void>;
}

const optionsOf = <T extends object>(value: boolean | T | undefined): T | undefined =>
  value === undefined || value === false ? undefined : value === true ? ({} as T) : value;

/**
 * Starts the selected emulators in parallel. If any fails to start, the others are stopped and
 * the first start error is rethrown.
 *
 * @example
 * ```ts
 * const emulators = await startEmulators({ kinesis: true, dynamodb: true, s3: true, eventbridge: true, sqs: true });
 * const child = spawn('node', ['app.js'], { env: { ...process.env, ...emulators.env } });
 * // ...
 * await emulators.stop();
 * ```
 */
export async function startEmulators(options: StartEmulatorsOptions): Promise<RunningEmulators> {
  const kinesisOptions = optionsOf(options.kinesis);
  const dynamodbOptions = optionsOf(options.dynamodb);
  const s3Options = optionsOf(options.s3);
  const eventbridgeOptions = optionsOf(options.eventbridge);
  const sqsOptions = optionsOf(options.sqs);

  const [kinesis, dynamodb, s3, eventbridge, sqs] = await Promise.allSettled([
    kinesisOptions && startKinesalite(kinesisOptions),
    dynamodbOptions && startDynamoDbLocal(dynamodbOptions),
    s3Options && startS3rver(s3Options),
    eventbridgeOptions && startEventBridge(eventbridgeOptions),
    sqsOptions && startSqs(sqsOptions),
  ]);
  const results = [kinesis, dynamodb, s3, eventbridge, sqs];
  const started = results.flatMap((result) => (result.status === 'fulfilled' && result.value ? [result.value] : []));
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) {
    await Promise.allSettled(started.map((emulator) => emulator.stop()));
    throw failure.reason;
  }

  const value = (result: PromiseSettledResult<RunningEmulator | undefined>): RunningEmulator | undefined =>
    result.status === 'fulfilled' ? result.value : undefined;
  const running: RunningEmulators = {
    env: buildEmulatorEnv({ kinesis: value(kinesis), dynamodb: value(dynamodb), s3: value(s3), eventbridge: value(eventbridge), sqs: value(sqs) }),
    stop: () => stopAll(started),
  };
  if (value(kinesis)) running.kinesis = value(kinesis);
  if (value(dynamodb)) running.dynamodb = value(dynamodb);
  if (s3.status === 'fulfilled' && s3.value) running.s3 = s3.value;
  if (eventbridge.status === 'fulfilled' && eventbridge.value) running.eventbridge = eventbridge.value;
  if (sqs.status === 'fulfilled' && sqs.value) running.sqs = sqs.value;
  return running;
}

/**
 * Builds the SDK v3 environment variables for the given emulators.
 *
 * @example
 * ```ts
 * buildEmulatorEnv({ kinesis }); // { AWS_ENDPOINT_URL_KINESIS: 'http://127.0.0.1:…', AWS_REGION: 'us-east-1', … }
 * ```
 */
export function buildEmulatorEnv(
  emulators: {
    kinesis?: RunningEmulator | undefined;
    dynamodb?: RunningEmulator | undefined;
    s3?: RunningEmulator | undefined;
    eventbridge?: RunningEmulator | undefined;
    sqs?: RunningEmulator | undefined;
  },
  baseEnv: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const env: Record<string, string> = {
    AWS_REGION: baseEnv['AWS_REGION'] ?? baseEnv['AWS_DEFAULT_REGION'] ?? 'us-east-1',
    AWS_ACCESS_KEY_ID: baseEnv['AWS_ACCESS_KEY_ID'] ?? 'local',
    AWS_SECRET_ACCESS_KEY: baseEnv['AWS_SECRET_ACCESS_KEY'] ?? 'local',
  };
  if (emulators.kinesis) env['AWS_ENDPOINT_URL_KINESIS'] = emulators.kinesis.endpoint;
  if (emulators.dynamodb) {
    env['AWS_ENDPOINT_URL_DYNAMODB'] = emulators.dynamodb.endpoint;
    env['AWS_ENDPOINT_URL_DYNAMODB_STREAMS'] = emulators.dynamodb.endpoint;
  }
  if (emulators.s3) env['AWS_ENDPOINT_URL_S3'] = emulators.s3.endpoint;
  if (emulators.eventbridge) env['AWS_ENDPOINT_URL_EVENTBRIDGE'] = emulators.eventbridge.endpoint;
  if (emulators.sqs) env['AWS_ENDPOINT_URL_SQS'] = emulators.sqs.endpoint;
  return env;
}

async function stopAll(emulators: readonly RunningEmulator[]): Promise<void> {
  const results = await Promise.allSettled(emulators.map((emulator) => emulator.stop()));
  const failed = emulators.filter((_, index) => results[index]?.status === 'rejected');
  if (failed.length > 0) {
    const reasons = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    throw new EmulatorStopError(
      failed.map((emulator) => emulator.name),
      { cause: new AggregateError(reasons, 'Emulator stop failures') },
    );
  }
}

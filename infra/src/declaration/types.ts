import type { PlatformParameterName } from '../platform-parameters.js';

/**
 * An environment variable value: a literal string, or a reference to a platform SSM
 * parameter that the function stack resolves at deploy time (and the local runtime
 * resolves against its emulators).
 *
 * @example
 * ```ts
 * const environment: Record<string, EnvValue> = {
 *   TABLE_NAME: { platform: 'sensorTableName' },
 *   LOG_LEVEL: 'INFO',
 * };
 * ```
 */
export type EnvValue = string | { readonly platform: PlatformParameterName };

/** Where a stream consumer starts reading when its mapping is created. */
export type StartingPosition = 'TRIM_HORIZON' | 'LATEST';

/**
 * Batching, retry and filtering settings shared by Kinesis and DynamoDB-stream triggers.
 * Units are in the names; optional fields fall back to {@link STREAM_CONSUMER_DEFAULTS}.
 */
export interface StreamBatchSettings {
  /** Records per invocation, 1..10000. */
  readonly batchSize: number;
  /** Seconds to gather records before invoking, 0..300. */
  readonly maxBatchingWindowSeconds: number;
  /**
   * Concurrent batches per shard, 1..10. Values above 1 keep per-partition-key order only.
   * @default 1
   */
  readonly parallelizationFactor?: number;
  /** @default 'TRIM_HORIZON' */
  readonly startingPosition?: StartingPosition;
  /**
   * Retries of a failed batch before it goes to the on-failure destination; -1 is unbounded.
   * @default 3
   */
  readonly retryAttempts?: number;
  /**
   * Records older than this skip the function and go to the on-failure destination;
   * -1 is unbounded, otherwise 60..604800.
   * @default 3600
   */
  readonly maxRecordAgeSeconds?: number;
  /** @default true */
  readonly bisectBatchOnError?: boolean;
  /**
   * Lambda event filter patterns (EventBridge pattern grammar); a record is delivered when
   * any pattern matches. At most 5.
   * @default - no filtering, every record is delivered
   */
  readonly filterPatterns?: readonly Record<string, unknown>[];
}

/** The function consumes one of the platform's Kinesis streams. */
export interface KinesisTrigger extends StreamBatchSettings {
  readonly type: 'kinesis';
  /** `telemetryRaw` is `unicorn-telemetry`, `telemetryClean` is `unicorn-telemetry-clean`. */
  readonly stream: 'telemetryRaw' | 'telemetryClean';
}

/** The function consumes the DynamoDB stream of a platform table. */
export interface DynamoDbStreamTrigger extends StreamBatchSettings {
  readonly type: 'dynamodb-stream';
  /** `sensorTable` is `UnicornSensorData` (stream view NEW_AND_OLD_IMAGES). */
  readonly table: 'sensorTable';
}

/** Any stream trigger. */
export type StreamTrigger = KinesisTrigger | DynamoDbStreamTrigger;

/**
 * The single declaration of a stream-consuming function. Plain data (no CDK objects), so both
 * the function's CDK stack and the local runtime read the same thing.
 *
 * @example
 * ```ts
 * export const declaration = {
 *   name: 'kinesis-ddb-writer',
 *   description: 'unicorn-telemetry-clean -> UnicornSensorData',
 *   handler: 'index.handler',
 *   memorySizeMb: 512,
 *   timeoutSeconds: 60,
 *   trigger: { type: 'kinesis', stream: 'telemetryClean', batchSize: 500, maxBatchingWindowSeconds: 1 },
 *   environment: { TABLE_NAME: { platform: 'sensorTableName' } },
 * } satisfies StreamFunctionDeclaration;
 * ```
 */
export interface StreamFunctionDeclaration {
  /** The Nx project name, e.g. `kinesis-ddb-writer`; also the bundle folder and service name. */
  readonly name: string;
  /** Shown on the Lambda function, at most 256 characters. */
  readonly description: string;
  /** The bundle `dist/apps/<name>/index.mjs` exports `handler`. */
  readonly handler: 'index.handler';
  /** 128..10240. */
  readonly memorySizeMb: number;
  /** 1..900. */
  readonly timeoutSeconds: number;
  readonly trigger: StreamTrigger;
  /** Names follow Lambda's rules: a letter first, then letters, digits or `_`, at least 2 characters. */
  readonly environment: Readonly<Record<string, EnvValue>>;
  /**
   * Reserved concurrency, a positive integer.
   * @default - unreserved, shares the account's pool
   */
  readonly reservedConcurrency?: number;
}

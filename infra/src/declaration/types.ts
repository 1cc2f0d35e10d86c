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
   * Lambda event filter patterns; a record is delivered when any pattern matches. At most 5, each
   * at most 4096 characters as JSON, each valid EventBridge grammar restricted to Lambda's filter
   * rule syntax: exact values, `null`, `""`, `numeric`, `exists`, `prefix` and `suffix` (with a
   * string), `equals-ignore-case`, `anything-but` (with values) and `$or`; no `wildcard` or `cidr`.
   * Kinesis mappings filter on the record's `data` key only, DynamoDB ones on `dynamodb` only.
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
 * The function is the target of an EventBridge rule on a platform bus. EventBridge invokes it
 * asynchronously: `retryAttempts` and `maxEventAgeSeconds` bound EventBridge's delivery to Lambda
 * (what is still undelivered goes to the rule target's dead-letter queue), while
 * `functionRetryAttempts` and `functionMaxEventAgeSeconds` bound Lambda's retries of an
 * invocation whose handler threw (what still fails goes to the function's on-failure queue).
 * Optional fields fall back to {@link EVENT_RULE_DEFAULTS}.
 *
 * @example
 * ```ts
 * const trigger: EventBridgeRuleTrigger = {
 *   type: 'eventbridge-rule',
 *   bus: 'eventBus',
 *   eventPattern: { source: ['wildrydes.rides'], 'detail-type': ['RideCompleted'] },
 * };
 * ```
 */
export interface EventBridgeRuleTrigger {
  readonly type: 'eventbridge-rule';
  /** `eventBus` is `wildrydes-bus`. */
  readonly bus: 'eventBus';
  /**
   * The rule's event pattern in EventBridge's JSON grammar (keys as in the event, e.g.
   * `detail-type`); validated with `validatePattern` from `@wildrydes/event-patterns`.
   */
  readonly eventPattern: Readonly<Record<string, unknown>>;
  /**
   * EventBridge's retries of a delivery to Lambda that failed (throttled, service error), 0..185.
   * @default 8
   */
  readonly retryAttempts?: number;
  /**
   * EventBridge stops retrying a delivery after this, 60..86400.
   * @default 3600
   */
  readonly maxEventAgeSeconds?: number;
  /**
   * Lambda's retries of an asynchronous invocation whose handler threw, 0..2.
   * @default 2
   */
  readonly functionRetryAttempts?: number;
  /**
   * Lambda discards (to the on-failure queue) an event still queued for the function after this,
   * 60..21600.
   * @default 21600
   */
  readonly functionMaxEventAgeSeconds?: number;
}

/**
 * The function is invoked over HTTPS through its Lambda Function URL. Only IAM-authenticated
 * (SigV4-signed) requests are accepted: a function URL is never public.
 *
 * @example
 * ```ts
 * const trigger: FunctionUrlTrigger = { type: 'function-url', authType: 'AWS_IAM' };
 * ```
 */
export interface FunctionUrlTrigger {
  readonly type: 'function-url';
  /** Callers sign requests with SigV4 and need `lambda:InvokeFunctionUrl` and `lambda:InvokeFunction`. */
  readonly authType: 'AWS_IAM';
  /**
   * The response is returned whole (payloads up to 6 MB).
   * @default 'BUFFERED'
   */
  readonly invokeMode?: 'BUFFERED';
}

/** Anything that invokes a function. */
export type FunctionTrigger = StreamTrigger | EventBridgeRuleTrigger | FunctionUrlTrigger;

/** The kind of a trigger: `'kinesis' | 'dynamodb-stream' | 'eventbridge-rule' | 'function-url'`. */
export type FunctionTriggerType = FunctionTrigger['type'];

/**
 * The single declaration of a function. Plain data (no CDK objects), so both the function's CDK
 * stack and the local runtime read the same thing. Narrow the trigger with the type parameter,
 * or use {@link StreamFunctionDeclaration}, {@link EventRuleFunctionDeclaration} or
 * {@link HttpFunctionDeclaration}.
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
 * } as const satisfies FunctionDeclaration;
 * ```
 */
export interface FunctionDeclaration<TTrigger extends FunctionTrigger = FunctionTrigger> {
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
  readonly trigger: TTrigger;
  /** Names follow Lambda's rules: a letter first, then letters, digits or `_`, at least 2 characters. */
  readonly environment: Readonly<Record<string, EnvValue>>;
  /**
   * Reserved concurrency, a positive integer.
   * @default - unreserved, shares the account's pool
   */
  readonly reservedConcurrency?: number;
  /**
   * DynamoDB tables the function's own stack creates (not the platform's), e.g. a read model.
   * The stack builds them from this, and the local runtime creates them from this.
   * @default - none
   */
  readonly ownedTables?: readonly OwnedTableDeclaration[];
}

/** A DynamoDB table a function's own stack owns: a fixed name and string keys. */
export interface OwnedTableDeclaration {
  /** 3..255 characters: letters, digits, `_`, `-`, `.`. */
  readonly tableName: string;
  /** The partition key attribute (a string). */
  readonly partitionKey: string;
  /** The sort key attribute (a string), if any. */
  readonly sortKey?: string;
}

/**
 * A function consuming a Kinesis stream or a DynamoDB stream.
 *
 * @example
 * ```ts
 * export const writer = { ...common, trigger: { type: 'kinesis', stream: 'telemetryClean', batchSize: 500, maxBatchingWindowSeconds: 1 } }
 *   as const satisfies StreamFunctionDeclaration;
 * ```
 */
export type StreamFunctionDeclaration = FunctionDeclaration<StreamTrigger>;

/**
 * A function targeted by an EventBridge rule on the platform bus.
 *
 * @example
 * ```ts
 * export const consumer = {
 *   ...common,
 *   trigger: { type: 'eventbridge-rule', bus: 'eventBus', eventPattern: { source: ['wildrydes.rides'] } },
 * } as const satisfies EventRuleFunctionDeclaration;
 * ```
 */
export type EventRuleFunctionDeclaration = FunctionDeclaration<EventBridgeRuleTrigger>;

/**
 * A function invoked through its IAM-authenticated Function URL.
 *
 * @example
 * ```ts
 * export const producer = { ...common, trigger: { type: 'function-url', authType: 'AWS_IAM' } }
 *   as const satisfies HttpFunctionDeclaration;
 * ```
 */
export type HttpFunctionDeclaration = FunctionDeclaration<FunctionUrlTrigger>;

import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { KinesisClient } from '@aws-sdk/client-kinesis';
import { S3Client } from '@aws-sdk/client-s3';
import { createKeepAliveHttpHandler, type HttpHandlerSettings } from './http-handler.js';

/**
 * What a caller may choose about a client. There is deliberately no `endpoint`: the SDK reads
 * `AWS_ENDPOINT_URL_<SERVICE>` (and `AWS_ENDPOINT_URL`) itself, which is how local runs reach
 * the emulators while the same code reaches AWS when the variables are unset.
 */
export interface ClientFactoryOptions extends HttpHandlerSettings {
  /** Defaults to the SDK's resolution (`AWS_REGION`, which Lambda sets). */
  region?: string;
  /**
   * The SDK's own attempts per `send`, the first included. The batch writers retry on top of
   * this, bounded by their deadline's AbortSignal. Defaults to the SDK's (3).
   */
  maxAttempts?: number;
  /**
   * Replaces the keep-alive HTTP/1.1 handler (and `maxSockets`/timeouts), for tests.
   */
  requestHandler?: DynamoDBClientConfig['requestHandler'];
}

/**
 * A DynamoDB client with keep-alive connections and connection/request timeouts.
 * Create it once per container, outside the handler.
 *
 * @example
 * ```ts
 * const ddb = createDynamoDbClient();
 * export const handler = async (event: KinesisStreamEvent, context: Context) => { ... };
 * ```
 */
export function createDynamoDbClient(options: ClientFactoryOptions = {}): DynamoDBClient {
  return new DynamoDBClient(commonConfig(options));
}

/**
 * A Kinesis client on the HTTP/1.1 `NodeHttpHandler`. The SDK's default Kinesis handler speaks
 * HTTP/2, which kinesalite (the local emulator) cannot; HTTP/1.1 works in AWS for every API
 * we call (only SubscribeToShard, enhanced fan-out, needs HTTP/2, and we do not use it).
 *
 * @example
 * ```ts
 * const kinesis = createKinesisClient({ maxSockets: 20 });
 * ```
 */
export function createKinesisClient(options: ClientFactoryOptions = {}): KinesisClient {
  return new KinesisClient(commonConfig(options));
}

/**
 * An EventBridge client with keep-alive connections and connection/request timeouts. Its
 * endpoint comes from `AWS_ENDPOINT_URL_EVENTBRIDGE` when set (the local bus), from the region
 * otherwise.
 *
 * @example
 * ```ts
 * const events = createEventBridgeClient();
 * await putEvents(events, { entries, deadline });
 * ```
 */
export function createEventBridgeClient(options: ClientFactoryOptions = {}): EventBridgeClient {
  return new EventBridgeClient(commonConfig(options));
}

/**
 * An S3 client with keep-alive connections, addressing buckets path-style
 * (`forcePathStyle: true`): the local S3 emulator only understands path-style addressing, and
 * in AWS path style works for bucket names without dots (ours have none).
 *
 * Checksums keep the SDK's default (`WHEN_SUPPORTED`, since SDK 3.729): a CRC32 checksum with
 * every upload and validation of every download that carries one, as described in "Data
 * Integrity Protections for Amazon S3" (AWS SDKs and Tools Reference Guide). The settings
 * `AWS_REQUEST_CHECKSUM_CALCULATION` / `AWS_RESPONSE_CHECKSUM_VALIDATION` still apply. The
 * local emulator decodes the SDK's aws-chunked uploads with their trailing checksum itself.
 *
 * @example
 * ```ts
 * const s3 = createS3Client();
 * await quarantineRecords(s3, { bucketName: config.QUARANTINE_BUCKET_NAME, records, deadline });
 * ```
 */
export function createS3Client(options: ClientFactoryOptions = {}): S3Client {
  return new S3Client({ ...commonConfig(options), forcePathStyle: true });
}

function commonConfig(options: ClientFactoryOptions): Pick<DynamoDBClientConfig, 'region' | 'maxAttempts' | 'requestHandler'> {
  const { region, maxAttempts, requestHandler, ...httpSettings } = options;
  return {
    ...(region === undefined ? {} : { region }),
    ...(maxAttempts === undefined ? {} : { maxAttempts }),
    requestHandler: requestHandler ?? createKeepAliveHttpHandler(httpSettings),
  };
}

import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import {
  createDynamoDbClient,
  createEventBridgeClient,
  createS3Client,
  deadlineFromLambdaContext,
  putEvents,
  quarantineRecords,
} from '@wildrydes/aws-clients';
import { loadConfig } from './config.js';
import { processBatch, type ReactorPorts } from './process-batch.js';
import { readNeighbourWindow } from './read-neighbour-window.js';

const FUNCTION_NAME = 'ddb-stream-reactor';

// Once per container: configuration (fails fast, naming the bad variable) and the clients.
const config = loadConfig();
const logger = new Logger({ serviceName: FUNCTION_NAME });
const eventBridge = createEventBridgeClient();
const s3 = createS3Client();
const dynamodb = createDynamoDbClient();

/** Lambda entry: DynamoDB `UnicornSensorData` stream -> domain events on the EventBridge bus. */
export async function handler(event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> {
  const deadline = deadlineFromLambdaContext(context, { safetyMarginMs: config.DEADLINE_SAFETY_MARGIN_MS });
  const ports: ReactorPorts = {
    readNeighbours: (request) => readNeighbourWindow(dynamodb, { tableName: config.TABLE_NAME, deadline }, request),
    publish: (entries) => putEvents(eventBridge, { entries, deadline, limits: { maxEntryBytes: config.MAX_EVENT_ENTRY_BYTES } }),
    quarantine: async (records) => {
      const { failed } = await quarantineRecords(s3, { bucketName: config.QUARANTINE_BUCKET_NAME, records, deadline });
      return { failed: failed.map(({ record }) => record) };
    },
    now: () => new Date(),
  };

  const result = await processBatch(event.Records, ports, {
    functionName: FUNCTION_NAME,
    eventBusName: config.EVENT_BUS_NAME,
    healthLowThreshold: config.HEALTH_LOW_THRESHOLD,
  });
  for (const skipped of result.skipped) logger.warn('record skipped: it can never cause an event', skipped);
  for (const quarantined of result.quarantined) logger.error('events can never be published; record quarantined', quarantined);
  for (const failure of result.failures) logger.warn('record handed back for retry', failure);
  logger.info('batch processed', { ...result.summary });
  return result.response;
}

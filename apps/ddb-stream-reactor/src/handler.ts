import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { createEventBridgeClient, deadlineFromLambdaContext, putEvents } from '@wildrydes/aws-clients';
import { loadConfig } from './config.js';
import { processBatch, type ReactorPorts } from './process-batch.js';

// Once per container: configuration (fails fast, naming the bad variable) and the client.
const config = loadConfig();
const logger = new Logger({ serviceName: 'ddb-stream-reactor' });
const eventBridge = createEventBridgeClient();

/** Lambda entry: DynamoDB `UnicornSensorData` stream -> domain events on the EventBridge bus. */
export async function handler(event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> {
  const deadline = deadlineFromLambdaContext(context, { safetyMarginMs: config.DEADLINE_SAFETY_MARGIN_MS });
  const ports: ReactorPorts = {
    publish: (entries) => putEvents(eventBridge, { entries, deadline, limits: { maxEntryBytes: config.MAX_EVENT_ENTRY_BYTES } }),
  };

  const result = await processBatch(event.Records, ports, {
    eventBusName: config.EVENT_BUS_NAME,
    healthLowThreshold: config.HEALTH_LOW_THRESHOLD,
  });
  for (const skipped of result.skipped) logger.warn('record skipped: it can never cause an event', skipped);
  for (const failure of result.failures) {
    if (failure.fate === 'rejected') logger.error('events can never be published; record handed back for the on-failure destination', failure);
    else logger.warn('record handed back for retry', failure);
  }
  logger.info('batch processed', { ...result.summary });
  return result.response;
}

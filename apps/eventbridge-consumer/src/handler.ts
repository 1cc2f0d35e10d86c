import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import { createDynamoDbClient, deadlineFromLambdaContext } from '@wildrydes/aws-clients';
import { applyWritePlan } from './apply-write-plan.js';
import { loadConfig } from './config.js';
import { consumeEvent, type ConsumeResult } from './consume-event.js';
import { RetryableEventError } from './errors.js';

// Once per container: configuration (fails fast, naming the bad variable), logger and client.
const config = loadConfig();
const logger = new Logger({ serviceName: 'eventbridge-consumer' });
const dynamodb = createDynamoDbClient();

/**
 * Lambda entry, the target of the rule on the platform bus: applies one `UnicornHealthLow`,
 * `UnicornHealthRestored` or `RideCompleted` event to the fleet read model.
 *
 * Throws only when a retry can help (DynamoDB throttled, unreachable, conflicting): Lambda then
 * retries the asynchronous invocation and finally sends the event to the on-failure queue. An
 * event that can never be applied is logged whole with `outcome: "rejected"` (the stack counts
 * those lines into a metric with an alarm) and the handler returns: a throw would only buy
 * pointless retries, and neither EventBridge nor Lambda can tell a permanent error from a
 * transient one.
 */
export async function handler(event: EventBridgeEvent<string, unknown>, context: Context): Promise<ConsumeResult> {
  const deadline = deadlineFromLambdaContext(context, { safetyMarginMs: config.DEADLINE_SAFETY_MARGIN_MS });
  const result = await consumeEvent(event, {
    tableName: config.READ_MODEL_TABLE_NAME,
    applyPlan: (plan) => applyWritePlan(dynamodb, plan, { deadline }),
  });
  // Optional chaining: a manual invocation may send anything, and it must still be logged.
  const envelope = { id: event?.id, source: event?.source, detailType: event?.['detail-type'] };
  switch (result.outcome) {
    case 'rejected':
      logger.error('event rejected: it can never be applied, so it is not retried', { ...result, envelope, event });
      return result;
    case 'retry':
      logger.warn('event not applied yet: handing it back to Lambda for a retry', { ...result, envelope });
      throw new RetryableEventError(`${result.detailType} ${result.eventId}: ${result.reason}`);
    default:
      if (result.outcome === 'duplicate' && result.conflictingEventId !== undefined) {
        logger.warn('ride already counted by another event: not counted again', { ...result, envelope });
      } else {
        logger.info(`event ${result.outcome}`, { ...result, envelope });
      }
      return result;
  }
}

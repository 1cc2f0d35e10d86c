import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { createEventBridgeClient, deadlineFromLambdaContext, putEvents } from '@wildrydes/aws-clients';
import { loadConfig } from './config.js';
import { handleRequest, type ProducerPorts, type ProducerSettings } from './handle-request.js';
import { requestIdOf } from './invocation.js';
import { failureKind } from './publish-outcome.js';
import { problemResponse } from './responses.js';

// Once per container: configuration (fails fast, naming the bad variable) and the client.
const config = loadConfig();
const logger = new Logger({ serviceName: 'eventbridge-producer' });
const eventBridge = createEventBridgeClient();
const settings: ProducerSettings = {
  eventBusName: config.EVENT_BUS_NAME,
  maxBodyBytes: config.MAX_BODY_BYTES,
  maxEntriesPerRequest: config.MAX_ENTRIES_PER_REQUEST,
  maxEntryBytes: config.MAX_EVENT_ENTRY_BYTES,
};

/** Lambda entry: the Function URL through which the ride app publishes ride events to the bus. */
export async function handler(event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> {
  const deadline = deadlineFromLambdaContext(context, { safetyMarginMs: config.DEADLINE_SAFETY_MARGIN_MS });
  const ports: ProducerPorts = {
    publish: async (entries) => {
      const result = await putEvents(eventBridge, {
        entries: entries.map((entry, index) => ({ ref: index, entry })),
        deadline,
        limits: { maxEntryBytes: config.MAX_EVENT_ENTRY_BYTES },
      });
      return {
        published: result.published.map(({ ref, eventId }) => ({ index: ref, eventId })),
        failed: result.failed.map(({ ref, retryable, code, reason }) => ({ index: ref, retryable, code, reason })),
      };
    },
  };

  // Read defensively: a direct invoke may carry any JSON, and must still get a JSON answer.
  const requestId = requestIdOf(event, context);
  try {
    const { response, summary, failures } = await handleRequest(event, ports, settings);
    // Exhausted retries are EventBridge's load and clear on their own; an environment failure
    // (access, missing bus) is an operator's problem and a rejected entry a catalog/EventBridge
    // disagreement: both need someone, whatever status the client gets (503 or 422).
    for (const failure of failures) {
      const log = failureKind(failure) === 'exhausted' ? logger.warn.bind(logger) : logger.error.bind(logger);
      log('entry not published', { requestId, ...failure });
    }
    if (summary.status >= 500 || summary.status === 422) logger.error('request failed', { requestId, ...summary });
    else logger.info('request handled', { requestId, ...summary });
    return response;
  } catch (error) {
    // A bug, not the client's fault: answer in JSON rather than with the Function URL's bare 502.
    logger.error('unexpected error', { requestId, error: error as Error });
    return problemResponse({ status: 500, error: 'InternalError', message: `internal error; request ID ${requestId}` });
  }
}

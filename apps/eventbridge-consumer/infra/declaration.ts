import type { EventRuleFunctionDeclaration } from '@wildrydes/infra';
import { CONSUMER_EVENT_PATTERN } from '../src/owned-catalog.js';
import { READ_MODEL_KEY } from '../src/read-model.js';

/**
 * The fleet read model's table, created by this function's own stack. A fixed name, so that the
 * declaration (and with it the local runtime) knows it without a deploy-time lookup.
 */
export const READ_MODEL_TABLE_NAME = 'UnicornFleetReadModel';

/**
 * The consumer, declared once: its CDK stack builds it from this, and the local runtime wires it
 * from this, so what runs locally is what deploys.
 */
export const eventbridgeConsumer = {
  name: 'eventbridge-consumer',
  description: 'EventBridge rule on UnicornHealthLow, UnicornHealthRestored and RideCompleted -> idempotent, order-safe updates of the fleet read model',
  handler: 'index.handler',
  memorySizeMb: 256,
  // One transaction per event; its retries stop DEADLINE_SAFETY_MARGIN_MS before this.
  timeoutSeconds: 20,
  trigger: {
    type: 'eventbridge-rule',
    bus: 'eventBus',
    eventPattern: CONSUMER_EVENT_PATTERN,
    // Writes are idempotent and order-safe, so a late delivery is harmless: EventBridge retries a
    // failed delivery to Lambda for up to an hour before the event goes to the target's DLQ.
    retryAttempts: 8,
    maxEventAgeSeconds: 3600,
    // The handler throws only for retryable failures (DynamoDB throttled or unreachable); Lambda
    // retries those twice (after about 1 and 2 more minutes), then the on-failure queue holds them.
    functionRetryAttempts: 2,
    functionMaxEventAgeSeconds: 21_600,
  },
  ownedTables: [{ tableName: READ_MODEL_TABLE_NAME, partitionKey: READ_MODEL_KEY.partitionKey, sortKey: READ_MODEL_KEY.sortKey }],
  environment: {
    READ_MODEL_TABLE_NAME,
    DEADLINE_SAFETY_MARGIN_MS: '1000',
  },
} as const satisfies EventRuleFunctionDeclaration;

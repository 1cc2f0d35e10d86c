import type { HttpFunctionDeclaration } from '@wildrydes/infra';

/**
 * The producer, declared once: its CDK stack builds it from this, and the local runtime wires it
 * from this, so what runs locally is what deploys.
 */
export const eventbridgeProducer = {
  name: 'eventbridge-producer',
  description: 'Function URL (AWS_IAM) for the ride app: validated RideRequested/RideCompleted events -> PutEvents on the platform bus',
  handler: 'index.handler',
  memorySizeMb: 512,
  // Callers wait for the answer: 10 s covers PutEvents retries through a burst of throttling
  // (the handler stops retrying DEADLINE_SAFETY_MARGIN_MS before this and answers 503).
  timeoutSeconds: 10,
  trigger: { type: 'function-url', authType: 'AWS_IAM' },
  environment: {
    EVENT_BUS_NAME: { platform: 'eventBusName' },
    MAX_BODY_BYTES: '1048576',
    MAX_ENTRIES_PER_REQUEST: '100',
    MAX_EVENT_ENTRY_BYTES: '1048576',
    DEADLINE_SAFETY_MARGIN_MS: '1000',
  },
} as const satisfies HttpFunctionDeclaration;

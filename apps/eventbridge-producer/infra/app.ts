import { applyNagChecks, createCdkApp } from '@wildrydes/infra';
import { EventbridgeProducerStack } from './stack.js';

// The producer's own CDK app, so `nx run eventbridge-producer:deploy` deploys this stack alone.
// No `env` (and, from createCdkApp, no analytics reporting): the template is environment-agnostic
// and Region-free, so the cached assembly deploys to whichever account and Region the deploy runs
// against (see infra/src/app.ts).
const app = createCdkApp();
new EventbridgeProducerStack(app, 'WildRydesEventbridgeProducer', {
  description: 'Wild Rydes: HTTP producer of ride events to the platform EventBridge bus',
});
applyNagChecks(app);

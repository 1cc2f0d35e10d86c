import { applyNagChecks, createCdkApp } from '@wildrydes/infra';
import { EventbridgeConsumerStack } from './stack.js';

// The consumer's own CDK app, so `nx run eventbridge-consumer:deploy` deploys this stack alone.
// No `env` (and, from createCdkApp, no analytics reporting): the template is environment-agnostic
// and Region-free, so the cached assembly deploys to whichever account and Region the deploy runs
// against (see infra/src/app.ts).
const app = createCdkApp();
new EventbridgeConsumerStack(app, 'WildRydesEventbridgeConsumer', {
  description: 'Wild Rydes: EventBridge consumer and its fleet read model',
});
applyNagChecks(app);

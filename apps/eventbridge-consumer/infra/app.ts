import { App } from 'aws-cdk-lib';
import { applyNagChecks } from '@wildrydes/infra';
import { EventbridgeConsumerStack } from './stack.js';

// The consumer's own CDK app, so `nx run eventbridge-consumer:deploy` deploys this stack alone.
// No `env` and no analytics reporting: the template is environment-agnostic and Region-free, so
// the cached assembly deploys to whichever account and Region the deploy runs against (see
// infra/src/app.ts).
const app = new App({ analyticsReporting: false });
new EventbridgeConsumerStack(app, 'WildRydesEventbridgeConsumer', {
  description: 'Wild Rydes: EventBridge consumer and its fleet read model',
});
applyNagChecks(app);

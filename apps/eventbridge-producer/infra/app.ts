import { App } from 'aws-cdk-lib';
import { applyNagChecks } from '@wildrydes/infra';
import { EventbridgeProducerStack } from './stack.js';

// The producer's own CDK app, so `nx run eventbridge-producer:deploy` deploys this stack alone.
// No `env` and no analytics reporting: the template is environment-agnostic and Region-free, so
// the cached assembly deploys to whichever account and Region the deploy runs against (see
// infra/src/app.ts).
const app = new App({ analyticsReporting: false });
new EventbridgeProducerStack(app, 'WildRydesEventbridgeProducer', {
  description: 'Wild Rydes: HTTP producer of ride events to the platform EventBridge bus',
});
applyNagChecks(app);

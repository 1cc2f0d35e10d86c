import { App } from 'aws-cdk-lib';
import { applyNagChecks } from '@wildrydes/infra';
import { EventbridgeProducerStack } from './stack.js';

// The producer's own CDK app, so `nx run eventbridge-producer:deploy` deploys this stack alone.
const app = new App();
new EventbridgeProducerStack(app, 'WildRydesEventbridgeProducer', {
  env: { account: process.env['CDK_DEFAULT_ACCOUNT'], region: process.env['CDK_DEFAULT_REGION'] },
  description: 'Wild Rydes: HTTP producer of ride events to the platform EventBridge bus',
});
applyNagChecks(app);

import { App } from 'aws-cdk-lib';
import { applyNagChecks } from '@wildrydes/infra';
import { EventbridgeConsumerStack } from './stack.js';

// The consumer's own CDK app, so `nx run eventbridge-consumer:deploy` deploys this stack alone.
const app = new App();
new EventbridgeConsumerStack(app, 'WildRydesEventbridgeConsumer', {
  env: { account: process.env['CDK_DEFAULT_ACCOUNT'], region: process.env['CDK_DEFAULT_REGION'] },
  description: 'Wild Rydes: EventBridge consumer and its fleet read model',
});
applyNagChecks(app);

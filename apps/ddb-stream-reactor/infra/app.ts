import { App } from 'aws-cdk-lib';
import { applyNagChecks } from '@wildrydes/infra';
import { DdbStreamReactorStack } from './stack.js';

// The reactor's own CDK app, so `nx run ddb-stream-reactor:deploy` deploys this stack alone.
const app = new App();
new DdbStreamReactorStack(app, 'WildRydesDdbStreamReactor', {
  env: { account: process.env['CDK_DEFAULT_ACCOUNT'], region: process.env['CDK_DEFAULT_REGION'] },
  description: 'Wild Rydes: DynamoDB UnicornSensorData stream to domain events on the EventBridge bus',
});
applyNagChecks(app);

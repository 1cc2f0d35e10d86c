import { App } from 'aws-cdk-lib';
import { applyNagChecks } from '@wildrydes/infra';
import { KinesisDdbWriterStack } from './stack.js';

// The writer's own CDK app, so `nx run kinesis-ddb-writer:deploy` deploys this stack alone.
const app = new App();
new KinesisDdbWriterStack(app, 'WildRydesKinesisDdbWriter', {
  env: { account: process.env['CDK_DEFAULT_ACCOUNT'], region: process.env['CDK_DEFAULT_REGION'] },
  description: 'Wild Rydes: Kinesis unicorn-telemetry-clean to DynamoDB UnicornSensorData',
});
applyNagChecks(app);

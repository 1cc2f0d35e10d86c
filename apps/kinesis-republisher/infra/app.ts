import { App } from 'aws-cdk-lib';
import { applyNagChecks } from '@wildrydes/infra';
import { KinesisRepublisherStack } from './stack.js';

// The re-publisher's own CDK app, so `nx run kinesis-republisher:deploy` deploys this stack alone.
const app = new App();
new KinesisRepublisherStack(app, 'WildRydesKinesisRepublisher', {
  env: { account: process.env['CDK_DEFAULT_ACCOUNT'], region: process.env['CDK_DEFAULT_REGION'] },
  description: 'Wild Rydes: Kinesis unicorn-telemetry (raw) to unicorn-telemetry-clean, validated and normalised',
});
applyNagChecks(app);

import { App } from 'aws-cdk-lib';
import { applyNagChecks } from './nag.js';
import { PLATFORM_STACK_NAME, PlatformStack } from './platform-stack.js';

// The platform's CDK app: `nx synth infra`, then `nx deploy infra` before any function stack.
const app = new App();
new PlatformStack(app, PLATFORM_STACK_NAME, {
  env: { account: process.env['CDK_DEFAULT_ACCOUNT'], region: process.env['CDK_DEFAULT_REGION'] },
});
applyNagChecks(app);

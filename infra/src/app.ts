import { App } from 'aws-cdk-lib';
import { applyNagChecks } from './nag.js';
import { PLATFORM_STACK_NAME, PlatformStack } from './platform-stack.js';

// The platform's CDK app: `nx synth infra`, then `nx deploy infra` before any function stack.
//
// Environment-agnostic on purpose (no `env`): Nx caches the synthesized assembly and `deploy`
// reuses it, so account and Region must be resolved by CloudFormation at deploy time
// (AWS::AccountId, AWS::Region), never taken from the CDK_DEFAULT_* variables the CLI sets
// at synth time (offline, CDK_DEFAULT_REGION is us-east-1 whatever AWS_REGION says).
// No analytics reporting: on an environment-agnostic stack, CDK's metadata resource carries a
// condition listing every Region name, so the template would not be Region-free.
export const app = new App({ analyticsReporting: false });
export const platformStack = new PlatformStack(app, PLATFORM_STACK_NAME);
applyNagChecks(app);

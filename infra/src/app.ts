import { createCdkApp } from './cdk-app.js';
import { applyNagChecks } from './nag.js';
import { PLATFORM_STACK_NAME, PlatformStack } from './platform-stack.js';

// The platform's CDK app: `nx synth infra`, then `nx deploy infra` before any function stack.
//
// Environment-agnostic on purpose (no `env`): Nx caches the synthesized assembly and `deploy`
// reuses it, so account and Region must be resolved by CloudFormation at deploy time
// (AWS::AccountId, AWS::Region), never taken from the CDK_DEFAULT_* variables the CLI sets
// at synth time (offline, CDK_DEFAULT_REGION is us-east-1 whatever AWS_REGION says).
// createCdkApp turns analytics reporting off (it would make the template list every Region) and
// sets the workspace's pinned feature flags.
//
// Nothing here reads the environment: the alarm topic's email subscription is the stack's
// CloudFormation parameter AlarmEmail, passed at deploy time by infra/src/platform-cdk.ts from
// WILDRYDES_ALARM_EMAIL, and kept from the previous deploy when the variable is not set.
export const app = createCdkApp();
export const platformStack = new PlatformStack(app, PLATFORM_STACK_NAME);
applyNagChecks(app);

import { Stack } from 'aws-cdk-lib';
import { createCdkApp } from '../../src/cdk-app.js';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudFormationStackArtifact } from 'aws-cdk-lib/cx-api';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  EventRuleFunction,
  HttpFunction,
  PlatformImports,
  StreamConsumerFunction,
  applyNagChecks,
  suppressKmsGrantWildcards,
  type StreamFunctionDeclaration,
} from '../../src/index.js';
import { dynamoDbDeclaration, eventRuleDeclaration, httpDeclaration, kinesisDeclaration } from '../support/declarations.js';
import { TEST_APP_CONTEXT } from '../support/function-stack.js';
import { inlineCode } from '../support/inline-code.js';

/**
 * Nx caches the synthesized assembly and `deploy` reuses it, so a template must not depend on
 * where it was synthesized: no `env`, no Region name anywhere, account and Region left to the
 * CloudFormation pseudo parameters at deploy time.
 */
const AGNOSTIC = 'aws://unknown-account/unknown-region';

/**
 * What the CDK CLI gives an app offline: CDK_DEFAULT_REGION is us-east-1 whatever Region the
 * user deploys to, and version reporting is on.
 */
function stubCliEnvironment(): void {
  vi.stubEnv('CDK_DEFAULT_ACCOUNT', '123456789012');
  vi.stubEnv('CDK_DEFAULT_REGION', 'us-east-1');
  vi.stubEnv('AWS_REGION', 'eu-west-1');
  vi.stubEnv('CDK_CONTEXT_JSON', JSON.stringify({ 'aws:cdk:version-reporting': true }));
}

/** Every known Region name (us-east-1, eu-west-1, ...) found in `template`. */
function regionNamesIn(template: unknown): string[] {
  const text = JSON.stringify(template);
  return RegionInfo.regions.map((region) => region.name).filter((name) => text.includes(name));
}

function expectEnvironmentAgnostic(stack: Stack, artifact: CloudFormationStackArtifact): void {
  expect(stack.environment).toBe(AGNOSTIC);
  expect(`aws://${artifact.environment.account}/${artifact.environment.region}`).toBe(AGNOSTIC);
  expect(regionNamesIn(artifact.template)).toEqual([]);
}

describe('given the CDK CLI environment of an offline synth (CDK_DEFAULT_REGION=us-east-1)', () => {
  beforeAll(stubCliEnvironment);
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  describe('when the platform app (infra/src/app.ts) is synthesized', () => {
    let stack: Stack;
    let artifact: CloudFormationStackArtifact;

    beforeAll(async () => {
      const { app, platformStack } = await import('../../src/app.js');
      stack = platformStack;
      artifact = app.synth().getStackByName(platformStack.stackName);
    });

    it('then the platform stack is environment-agnostic and names no Region', () => {
      expectEnvironmentAgnostic(stack, artifact);
    });

    it('then the key policy takes the CloudWatch Logs principal and the log-group ARN from AWS::Region', () => {
      const template = Template.fromJSON(artifact.template as Record<string, unknown>);
      const key = Object.values(template.findResources('AWS::KMS::Key'))[0] as {
        Properties: { KeyPolicy: { Statement: { Sid?: string; Principal: unknown; Condition: unknown }[] } };
      };
      const logs = key.Properties.KeyPolicy.Statement.find((s) => s.Sid === 'AllowCloudWatchLogsOfThisAccountAndRegion');
      expect(logs?.Principal).toEqual({ Service: { 'Fn::Join': ['', ['logs.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } });
      expect(JSON.stringify(logs?.Condition)).toContain('{"Ref":"AWS::Region"}');
    });
  });

  describe('when function stacks are synthesized the way the apps build them', () => {
    const cases: [string, (stack: Stack, platform: PlatformImports) => void][] = [
      ['a Kinesis consumer', (stack, platform) => streamConsumer(stack, platform, kinesisDeclaration)],
      ['a DynamoDB-stream consumer', (stack, platform) => streamConsumer(stack, platform, dynamoDbDeclaration)],
      ['an EventBridge rule target', (stack, platform) => new EventRuleFunction(stack, 'Consumer', { declaration: eventRuleDeclaration, platform, code: inlineCode() })],
      ['an HTTP function', (stack, platform) => new HttpFunction(stack, 'Producer', { declaration: httpDeclaration, platform, code: inlineCode() })],
    ];

    it.each(cases)('then %s is environment-agnostic and names no Region', (_name, build) => {
      // Like apps/*/infra/app.ts: no `env`, no analytics reporting
      const app = createCdkApp({ context: TEST_APP_CONTEXT });
      const stack = new Stack(app, 'FunctionUnderTest');
      build(stack, PlatformImports.fromParameters(stack));
      applyNagChecks(app);

      expectEnvironmentAgnostic(stack, app.synth().getStackByName(stack.stackName));
    });
  });
});

function streamConsumer(stack: Stack, platform: PlatformImports, declaration: StreamFunctionDeclaration): void {
  const consumer = new StreamConsumerFunction(stack, 'Consumer', { declaration, platform, code: inlineCode() });
  if (declaration.trigger.type === 'kinesis') {
    platform.sensorTable.grantWriteData(consumer.fn);
    platform.grantQuarantineWrite(consumer.fn, `${declaration.name}/`);
    // As the function stacks do: with the recommended flags, a nag error fails synth.
    suppressKmsGrantWildcards(consumer.role);
  } else {
    platform.eventBus.grantPutEventsTo(consumer.fn);
  }
}

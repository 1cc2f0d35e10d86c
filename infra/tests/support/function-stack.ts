import { Stack, type App } from 'aws-cdk-lib';
import { createCdkApp } from '../../src/cdk-app.js';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import {
  PlatformImports,
  StreamConsumerFunction,
  applyNagChecks,
  suppressKmsGrantWildcards,
  type StreamFunctionDeclaration,
} from '../../src/index.js';

/** Skips asset bundling; tests never need a built bundle. */
export const TEST_APP_CONTEXT = { 'aws:cdk:bundling-stacks': [] };

/** An app (asset bundling off) with one empty stack and the platform imported into it. */
export function newPlatformStack(
  id: string,
  options: { readonly env?: { account: string; region: string } } = {},
): { readonly app: App; readonly stack: Stack; readonly platform: PlatformImports } {
  const app = createCdkApp({ context: TEST_APP_CONTEXT });
  const stack = new Stack(app, id, { env: options.env });
  return { app, stack, platform: PlatformImports.fromParameters(stack) };
}

export interface FunctionTestStack {
  readonly app: App;
  readonly stack: Stack;
  readonly consumer: StreamConsumerFunction;
  readonly platform: PlatformImports;
}

/**
 * A function stack like the ones the apps define: the platform imported from SSM, one
 * StreamConsumerFunction with inline code, and the grants its handler would need.
 */
export function buildFunctionStack(
  declaration: StreamFunctionDeclaration,
  options: { readonly nag?: boolean; readonly env?: { account: string; region: string } } = {},
): FunctionTestStack {
  const { app, stack, platform } = newPlatformStack('FunctionUnderTest', options);
  const consumer = new StreamConsumerFunction(stack, 'Consumer', {
    declaration,
    platform,
    code: lambda.Code.fromInline('export const handler = async () => ({ batchItemFailures: [] });'),
  });
  if (declaration.trigger.type === 'kinesis') {
    platform.sensorTable.grantWriteData(consumer.fn);
    platform.grantQuarantineWrite(consumer.fn, 'kinesis-ddb-writer/');
  } else {
    platform.eventBus.grantPutEventsTo(consumer.fn);
  }
  suppressKmsGrantWildcards(consumer.role);
  if (options.nag === true) {
    applyNagChecks(app);
  }
  return { app, stack, consumer, platform };
}

import { App, type AppProps } from 'aws-cdk-lib';
import { CDK_FEATURE_FLAGS } from './feature-flags.js';

/**
 * A CDK app as every app and stack test of this workspace makes it: the pinned
 * {@link CDK_FEATURE_FLAGS} in its context (under any context the caller adds) and no analytics
 * reporting (on an environment-agnostic stack, CDK's metadata resource carries a condition
 * listing every Region name, so the template would not be Region-free).
 *
 * @example
 * ```ts
 * const app = createCdkApp();
 * new PlatformStack(app, PLATFORM_STACK_NAME);
 * const testApp = createCdkApp({ context: { 'aws:cdk:bundling-stacks': [] } });
 * ```
 */
export function createCdkApp(props: AppProps = {}): App {
  return new App({ analyticsReporting: false, ...props, context: { ...CDK_FEATURE_FLAGS, ...props.context } });
}

/**
 * The platform stack's default stack name: the stack that `--parameters <stack>:<key>=<value>`
 * of `cdk deploy` addresses. CDK-free, so the deploy command can name it without loading the CDK.
 */
export const PLATFORM_STACK_NAME = 'WildRydesPlatform';

/**
 * The AWS SDK for JavaScript v3's switch for its Node.js support warning (`@aws-sdk/core`,
 * `emitWarningIfUnsupportedVersion`; announced in aws/aws-sdk-js-v3 issue 7983): set to `true`,
 * no client prints `NodeVersionSupportWarning`. Every other warning still prints.
 */
export const SDK_NODE_VERSION_WARNING_SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

/**
 * The variables a local container gets besides its function's own environment, as Lambda's
 * runtime adds its own to every function.
 *
 * The SDK warns, once per process and so once per worker thread, when Node.js is older than the
 * versions its future releases support. A container here runs on this machine's Node.js (20 on
 * the project's machines), but it stands for the function deployed on Lambda's Node.js 24 runtime,
 * where that warning never prints: so containers switch it off, unless the caller's own
 * environment sets the switch (then its value is passed on). The function's environment, applied
 * after these, can still override it.
 *
 * @example
 * ```ts
 * new Worker(url, { env: { ...containerRuntimeEnvironment(process.env), ...fn.environment } });
 * ```
 */
export function containerRuntimeEnvironment(parent: NodeJS.ProcessEnv): Record<string, string> {
  return { [SDK_NODE_VERSION_WARNING_SWITCH]: parent[SDK_NODE_VERSION_WARNING_SWITCH] ?? 'true' };
}

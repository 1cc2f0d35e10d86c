// What a deploy needs from the environment, asked of the AWS SDK's own default chains
// (environment, shared config and credentials files, SSO, web identity, container and instance
// metadata), so whatever `cdk deploy` would use is accepted.
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { NODE_REGION_CONFIG_FILE_OPTIONS, NODE_REGION_CONFIG_OPTIONS, loadConfig } from '@smithy/core/config';

/**
 * What is missing for a deploy: `credentials` and/or `region`, each with the reason the SDK gave.
 *
 * @example
 * ```js
 * const missing = await findMissingDeploySettings(); // [] when both resolve
 * ```
 */
export async function findMissingDeploySettings() {
  const missing = [];
  try {
    await defaultProvider()();
  } catch (error) {
    missing.push({ setting: 'credentials', reason: error instanceof Error ? error.message : String(error) });
  }
  try {
    const region = await loadConfig(NODE_REGION_CONFIG_OPTIONS, NODE_REGION_CONFIG_FILE_OPTIONS)();
    if (!region) missing.push({ setting: 'region', reason: 'no Region is configured' });
  } catch (error) {
    missing.push({ setting: 'region', reason: error instanceof Error ? error.message : String(error) });
  }
  return missing;
}

/**
 * The message for what is missing, naming the variables that fix it.
 *
 * @example
 * ```js
 * describeMissing([{ setting: 'region', reason: 'Region is missing' }]);
 * // 'Cannot deploy: ...\n- No AWS Region was found (Region is missing). Set AWS_REGION ...'
 * ```
 */
export function describeMissing(missing) {
  const lines = ['Cannot deploy: AWS credentials and a Region are needed.'];
  for (const { setting, reason } of missing) {
    lines.push(
      setting === 'credentials'
        ? `- No AWS credentials were found (${reason}). Set AWS_PROFILE to a profile of ~/.aws/config ` +
            '(after `aws sso login --profile <name>` if it uses IAM Identity Center), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.'
        : `- No AWS Region was found (${reason}). Set AWS_REGION (e.g. AWS_REGION=eu-west-1), or a region in the AWS_PROFILE's profile.`,
    );
  }
  lines.push('The account must be bootstrapped once with `npx cdk bootstrap`. See the README, "Build, synthesize, deploy".');
  return lines.join('\n');
}

#!/usr/bin/env node
// Runs before `cdk deploy` and `cdk diff` (nx.json): fails fast, with a message that says what to
// set, when the AWS SDK can resolve no credentials or no Region. Without it, the CDK CLI either
// stops with "Unable to resolve AWS account to use" after probing every credential source, or,
// without a Region, deploys to us-east-1 without saying so.
import { describeMissing, findMissingDeploySettings } from './deploy-settings.mjs';

const missing = await findMissingDeploySettings();
if (missing.length > 0) {
  console.error(describeMissing(missing));
  process.exit(1);
}

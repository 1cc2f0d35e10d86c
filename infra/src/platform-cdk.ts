// `nx run infra:deploy` and `nx run infra:diff` (infra/package.json), after the credentials preflight:
// runs the CDK CLI on the synthesized platform assembly with the alarm email parameter built by
// platformCdkArguments from WILDRYDES_ALARM_EMAIL. A malformed address stops here, exit 1, before
// cdk runs. Usage: node --import tsx infra/src/platform-cdk.ts deploy|diff
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { PlatformConfigError } from './errors.js';
import { isPlatformCdkCommand, platformCdkArguments } from './platform-cdk-arguments.js';

const command = process.argv[2];
if (!isPlatformCdkCommand(command)) {
  console.error(`Usage: platform-cdk.ts deploy|diff (given "${command ?? ''}")`);
  process.exit(2);
}

let cdkArguments: string[];
try {
  cdkArguments = platformCdkArguments(command, process.env);
} catch (error) {
  if (!(error instanceof PlatformConfigError)) throw error;
  console.error(`Cannot ${command}: ${error.message}`);
  process.exit(1);
}

const cdk = createRequire(import.meta.url).resolve('aws-cdk/bin/cdk');
const result = spawnSync(process.execPath, [cdk, ...cdkArguments], { stdio: 'inherit' });
if (result.error !== undefined) throw result.error;
process.exit(result.status ?? 1);

import { applyNagChecks, createCdkApp } from '@wildrydes/infra';
import { KinesisRepublisherStack } from './stack.js';

// The re-publisher's own CDK app, so `nx run kinesis-republisher:deploy` deploys this stack alone.
// No `env` (and, from createCdkApp, no analytics reporting): the template is environment-agnostic
// and Region-free, so the cached assembly deploys to whichever account and Region the deploy runs
// against (see infra/src/app.ts).
const app = createCdkApp();
new KinesisRepublisherStack(app, 'WildRydesKinesisRepublisher', {
  description: 'Wild Rydes: Kinesis unicorn-telemetry (raw) to unicorn-telemetry-clean, validated and normalised',
});
applyNagChecks(app);

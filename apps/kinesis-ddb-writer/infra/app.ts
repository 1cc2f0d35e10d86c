import { applyNagChecks, createCdkApp } from '@wildrydes/infra';
import { KinesisDdbWriterStack } from './stack.js';

// The writer's own CDK app, so `nx run kinesis-ddb-writer:deploy` deploys this stack alone.
// No `env` (and, from createCdkApp, no analytics reporting): the template is environment-agnostic
// and Region-free, so the cached assembly deploys to whichever account and Region the deploy runs
// against (see infra/src/app.ts).
const app = createCdkApp();
new KinesisDdbWriterStack(app, 'WildRydesKinesisDdbWriter', {
  description: 'Wild Rydes: Kinesis unicorn-telemetry-clean to DynamoDB UnicornSensorData',
});
applyNagChecks(app);

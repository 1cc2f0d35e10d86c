import { applyNagChecks, createCdkApp } from '@wildrydes/infra';
import { DdbStreamReactorStack } from './stack.js';

// The reactor's own CDK app, so `nx run ddb-stream-reactor:deploy` deploys this stack alone.
// No `env` (and, from createCdkApp, no analytics reporting): the template is environment-agnostic
// and Region-free, so the cached assembly deploys to whichever account and Region the deploy runs
// against (see infra/src/app.ts).
const app = createCdkApp();
new DdbStreamReactorStack(app, 'WildRydesDdbStreamReactor', {
  description: 'Wild Rydes: DynamoDB UnicornSensorData stream to domain events on the EventBridge bus',
});
applyNagChecks(app);

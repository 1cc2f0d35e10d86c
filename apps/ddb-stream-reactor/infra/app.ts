import { App } from 'aws-cdk-lib';
import { applyNagChecks } from '@wildrydes/infra';
import { DdbStreamReactorStack } from './stack.js';

// The reactor's own CDK app, so `nx run ddb-stream-reactor:deploy` deploys this stack alone.
// No `env` and no analytics reporting: the template is environment-agnostic and Region-free, so
// the cached assembly deploys to whichever account and Region the deploy runs against (see
// infra/src/app.ts).
const app = new App({ analyticsReporting: false });
new DdbStreamReactorStack(app, 'WildRydesDdbStreamReactor', {
  description: 'Wild Rydes: DynamoDB UnicornSensorData stream to domain events on the EventBridge bus',
});
applyNagChecks(app);

// One Lambda "container": loads a function bundle once (cold start) in its own worker thread,
// with its own environment, and runs one invocation at a time. Plain JavaScript on purpose: a
// worker thread cannot load TypeScript without a loader, and this file must not need one.
import { parentPort, workerData } from 'node:worker_threads';
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';

const { bundlePath, functionName, memorySizeMb, region, accountId } = workerData;
const module = await import(pathToFileURL(bundlePath).href);
if (typeof module.handler !== 'function') {
  throw new Error(`${bundlePath} does not export a function named "handler"`);
}

parentPort.on('message', async ({ id, event, deadlineEpochMs }) => {
  const awsRequestId = randomUUID();
  const context = {
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:${accountId}:function:${functionName}`,
    memoryLimitInMB: String(memorySizeMb),
    awsRequestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/${awsRequestId}`,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadlineEpochMs - Date.now()),
  };
  try {
    const response = await module.handler(event, context);
    parentPort.postMessage({ id, ok: true, response });
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    parentPort.postMessage({ id, ok: false, error: { name: err.name, message: err.message, stack: err.stack } });
  }
});
parentPort.postMessage({ ready: true });

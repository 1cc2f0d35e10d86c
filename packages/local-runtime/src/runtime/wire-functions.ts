import { join } from 'node:path';
import { createWriteStream } from 'node:fs';
import type { KinesisClient, _Record as KinesisRecord } from '@aws-sdk/client-kinesis';
import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { RunningEventBridge } from '@wildrydes/emulators';
import {
  resolveEnvironment,
  resolveEventRuleSettings,
  resolveTriggerSettings,
  type FunctionDeclaration,
} from '@wildrydes/infra/function-declaration';
import { FunctionHost, type Invocation } from '../function-host/function-host.js';
import { StreamMapping } from '../event-source-mapping/stream-mapping.js';
import { onFailureMappingPrefix } from '@wildrydes/schemas';
import { startFunctionUrlServer, type FunctionUrlServer } from '../http/function-url-server.js';
import { AsyncInvoker } from './async-invoker.js';
import { eventKey } from './event-key.js';
import { eventBridgeErrorCode, type FailureDestinations } from './failure-destinations.js';
import type { DeclaredLocalFunction } from './load-declarations.js';
import type { LocalPlatform } from './local-platform.js';

/** What the live view shows for one function. */
export interface FunctionStatus {
  readonly name: string;
  readonly trigger: string;
  readonly recordsIn: number;
  readonly recordsOut: number;
  readonly failures: number;
  readonly retries: number;
  readonly onFailure: number;
  readonly lagMs: number;
}

/** A function running locally, wired to its trigger. */
export interface WiredFunction {
  readonly name: string;
  readonly declaration: FunctionDeclaration;
  /** EventBridge rule targets: the events handled successfully, by {@link eventKey} (copies count once). */
  consumedEventKeys?(): ReadonlySet<string>;
  /** Invokes the function synchronously, as Lambda's Invoke API does (RequestResponse). */
  invoke(event: unknown): Promise<Invocation>;
  status(): FunctionStatus;
  /** Whether its trigger has nothing left to deliver. */
  isIdle(): boolean;
  stop(): Promise<void>;
}

export interface WiringContext {
  readonly platform: LocalPlatform;
  /** Endpoint overrides, region and credentials every function gets. */
  readonly baseEnvironment: Readonly<Record<string, string>>;
  readonly kinesis: KinesisClient;
  readonly streams: DynamoDBStreamsClient;
  readonly eventbridge: RunningEventBridge;
  readonly region: string;
  readonly accountId: string;
  readonly logsDirectory: string;
  readonly producerPort?: number;
  /** Pause between Lambda's asynchronous retries (its real pauses are 1 and 2 minutes). */
  readonly asyncRetryDelaysMs: readonly number[];
  /** Where what the functions' triggers give up on goes (the failure bucket, the rule targets' queues). */
  readonly destinations: FailureDestinations;
  /** Records a Kinesis-triggered function handled successfully. */
  succeeded?(functionName: string, records: readonly KinesisRecord[]): void;
}

/**
 * Starts every declared function from its bundle, with the environment its stack gives it
 * (`POWERTOOLS_SERVICE_NAME` and the declared variables, platform references resolved to the local
 * platform), and wires its trigger with the declared settings: an emulated event source mapping
 * for Kinesis and DynamoDB streams, a rule on the local bus with Lambda's asynchronous invocation
 * for EventBridge targets, a localhost HTTP server for a Function URL.
 */
export async function wireFunctions(
  functions: readonly DeclaredLocalFunction[],
  context: WiringContext,
): Promise<{ wired: WiredFunction[]; producerUrl: string | undefined }> {
  const wired: WiredFunction[] = [];
  let producerUrl: string | undefined;
  for (const { declaration, bundlePath } of functions) {
    const host = new FunctionHost(
      {
        name: declaration.name,
        bundlePath,
        timeoutSeconds: declaration.timeoutSeconds,
        memorySizeMb: declaration.memorySizeMb,
        region: context.region,
        accountId: context.accountId,
        environment: {
          ...context.baseEnvironment,
          AWS_LAMBDA_FUNCTION_NAME: declaration.name,
          AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(declaration.memorySizeMb),
          AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
          POWERTOOLS_SERVICE_NAME: declaration.name,
          ...resolveEnvironment(declaration.environment, (name) => context.platform[name]),
        },
      },
      createWriteStream(join(context.logsDirectory, `${declaration.name}.log`)),
    );
    const invoke = async (event: unknown): Promise<Invocation> => host.invoke(event);
    const { trigger } = declaration;
    const functionArn = `arn:aws:lambda:${context.region}:${context.accountId}:function:${declaration.name}`;

    if (trigger.type === 'kinesis' || trigger.type === 'dynamodb-stream') {
      const settings = resolveTriggerSettings(trigger);
      const mapping = new StreamMapping({
        functionName: declaration.name,
        functionArn,
        source:
          trigger.type === 'kinesis'
            ? {
                kind: 'kinesis',
                client: context.kinesis,
                streamName: context.platform[trigger.stream === 'telemetryRaw' ? 'telemetryRawStreamName' : 'telemetryCleanStreamName'],
                streamArn: context.platform[trigger.stream === 'telemetryRaw' ? 'telemetryRawStreamArn' : 'telemetryCleanStreamArn'],
              }
            : { kind: 'dynamodb-stream', client: context.streams, streamArn: context.platform.sensorTableStreamArn },
        settings: { ...settings, reportBatchItemFailures: settings.reportBatchItemFailures ?? true },
        invoke: async (event) => {
          const result = await invoke(event);
          return result.kind === 'returned' ? { kind: 'returned', response: result.response } : { kind: 'error', message: result.message };
        },
        onFailure: (delivery) => context.destinations.streamBatch(declaration.name, delivery),
        ...(context.succeeded ? { succeeded: (records: readonly KinesisRecord[]) => context.succeeded?.(declaration.name, records) } : {}),
      });
      context.destinations.locate(declaration.name, { onFailurePrefix: onFailureMappingPrefix(mapping.uuid) });
      await mapping.start();
      wired.push({
        name: declaration.name,
        declaration,
        invoke,
        status: () => {
          const stats = mapping.stats();
          return {
            name: declaration.name,
            trigger: trigger.type === 'kinesis' ? `kinesis ${trigger.stream}` : 'dynamodb stream',
            recordsIn: stats.recordsIn - stats.filtered,
            recordsOut: stats.succeeded,
            failures: stats.failedInvocations,
            retries: stats.retries,
            onFailure: stats.discarded,
            lagMs: stats.lagMs,
          };
        },
        isIdle: () => mapping.isIdle,
        stop: async () => {
          await mapping.stop();
          await host.close();
        },
      });
    } else if (trigger.type === 'eventbridge-rule') {
      const settings = resolveEventRuleSettings(trigger);
      await context.destinations.createQueues(declaration.name);
      const consumed = new Set<string>();
      const lambda = new AsyncInvoker({
        succeeded: (event) => consumed.add(eventKey(event)),
        invoke,
        retryAttempts: settings.functionRetryAttempts,
        maxEventAgeSeconds: settings.functionMaxEventAgeSeconds,
        retryDelaysMs: context.asyncRetryDelaysMs,
        onFailure: (event, lastError, condition, invokeCount) =>
          context.destinations.asyncInvocation(declaration.name, { functionArn, event, condition, invokeCount, lastError }),
      });
      const ruleName = `${declaration.name}-rule`;
      const rule = context.eventbridge.addRule({
        name: ruleName,
        eventBusName: context.platform.eventBusName,
        eventPattern: trigger.eventPattern,
        // The bus hands the event to Lambda, which accepts it at once: function errors are Lambda's to retry.
        target: async (event) => lambda.accept(event),
        retryPolicy: { maximumRetryAttempts: settings.retryAttempts, maximumEventAgeSeconds: settings.maxEventAgeSeconds },
        deadLetter: (event, error) =>
          context.destinations.deadLetter(declaration.name, event, {
            ruleArn: `arn:aws:events:${context.region}:${context.accountId}:rule/${context.platform.eventBusName}/${ruleName}`,
            targetArn: functionArn,
            errorCode: eventBridgeErrorCode(error.cause),
            errorMessage: error.message,
            exhaustedRetryCondition: error.reason === 'retries-exhausted' ? 'MaximumRetryAttempts' : 'MaximumEventAgeInSeconds',
            retryAttempts: error.attempts - 1,
          }),
      });
      wired.push({
        name: declaration.name,
        declaration,
        invoke,
        consumedEventKeys: () => consumed,
        status: () => {
          const counters = rule.counters();
          return {
            name: declaration.name,
            trigger: `rule on ${context.platform.eventBusName}`,
            recordsIn: counters.matched,
            recordsOut: lambda.stats.succeeded,
            failures: lambda.stats.retries + lambda.stats.failed,
            retries: lambda.stats.retries + counters.retried,
            onFailure: lambda.stats.failed + counters.deadLettered + counters.dropped,
            lagMs: lambda.stats.lagMs,
          };
        },
        isIdle: () => lambda.isIdle && context.eventbridge.pendingDeliveries() === 0,
        stop: async () => {
          rule.remove();
          await lambda.whenIdle();
          await host.close();
        },
      });
    } else {
      const server: FunctionUrlServer = await startFunctionUrlServer({
        invoke,
        accountId: context.accountId,
        urlId: declaration.name,
        ...(context.producerPort !== undefined ? { port: context.producerPort } : {}),
      });
      producerUrl = server.url;
      wired.push({
        name: declaration.name,
        declaration,
        invoke,
        status: () => {
          const byStatus = [...server.responses];
          const total = byStatus.reduce((sum, [, n]) => sum + n, 0);
          const ok = byStatus.filter(([code]) => code < 400).reduce((sum, [, n]) => sum + n, 0);
          return {
            name: declaration.name,
            trigger: `http ${server.url}`,
            recordsIn: total,
            recordsOut: ok,
            failures: total - ok,
            retries: 0,
            onFailure: 0,
            lagMs: 0,
          };
        },
        isIdle: () => true,
        stop: async () => {
          await server.close();
          await host.close();
        },
      });
    }
  }
  return { wired, producerUrl };
}

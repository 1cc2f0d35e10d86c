import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { createDynamoDbClient, createEventBridgeClient, createKinesisClient, createS3Client } from '@wildrydes/aws-clients';
import { startEmulators, type BusEvent, type RunningEmulators, type RunningEventBridge, type RunningS3rver } from '@wildrydes/emulators';
import { SENSOR_TABLE_KEY } from '@wildrydes/schemas';
import { emulatorEndpointLines } from '../report/emulator-endpoints.js';
import { formatReconciliation, reconcile, type Reconciliation } from '../report/reconcile.js';
import { renderLiveView, type RunClock } from '../report/live-view.js';
import { LiveViewPainter } from '../report/live-view-painter.js';
import { QuarantineTally } from '../report/quarantine-tally.js';
import { SimulatorDriver } from '../simulator/driver.js';
import { waitUntilSettled } from './drain.js';
import { loadDeclarations } from './load-declarations.js';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SQSClient } from '@aws-sdk/client-sqs';
import { startLambdaInvokeServer, type LambdaInvokeServer } from '../http/lambda-invoke-server.js';
import { Chaos, heavyOutage, type ChaosProfile } from './chaos.js';
import { redriveEverything, redriveUntilEmpty } from './drain-redrive.js';
import { FailureDestinations } from './failure-destinations.js';
import { failureInventory, totalLeft } from './failure-inventory.js';
import { createLocalPlatform, createOwnedTable, type OwnedTable } from './local-platform.js';
import { observeRun } from './observe-run.js';
import { redriveCommandLines } from './redrive-commands.js';
import { wireFunctions, type WiredFunction } from './wire-functions.js';

export interface PipelineOptions {
  readonly workspaceRoot: string;
  /** Stop after this many seconds; run until `signal` aborts otherwise. */
  readonly durationSeconds?: number;
  readonly rate: number;
  readonly unicorns: number;
  readonly badRatio: number;
  readonly ridesPerSecond: number;
  readonly seed: number;
  /** `--faults`: inject AWS's failure modes into every emulator the functions call (default none). */
  readonly faults?: 'none' | ChaosProfile;
  readonly shardCount: number;
  readonly producerPort?: number;
  /** Stops the simulator: the run drains, then reconciles (a first Ctrl-C). */
  readonly signal?: AbortSignal;
  /**
   * Quits at once (a second Ctrl-C): the emulators are stopped and their temporary folders
   * removed, nothing is reconciled, and the run rejects with {@link RunInterruptedError}.
   */
  readonly stopNow?: AbortSignal;
  /** Called once when the simulator stops and draining begins (after `signal` or the duration). */
  onDraining?(): void;
  /** Where the live view and the reconciliation go. */
  write(text: string): void;
  /** Redraw the live view in place (a terminal) or print a line now and then (a log). */
  readonly interactive: boolean;
  /** How long draining may take before the run is reconciled anyway. */
  readonly drainTimeoutSeconds?: number;
}

const REGION = 'us-east-1';
/** The run length the heavy profile's outage is scheduled for when the run has no --duration. */
const NOMINAL_RUN_SECONDS = 60;

function chaosBanner(chaos: Chaos): string {
  const outage = chaos.outage;
  return (
    `Chaos (${chaos.profile}): the functions' calls go through fault proxies (throttling, 5xx, dropped connections, partial batches)` +
    (outage ? `; ${outage.service} will be out (${outage.kind}) for ${Math.round(outage.durationMs / 1000)} s from ${Math.round(outage.startAfterMs / 1000)} s in.` : '.') +
    '\n'
  );
}
const ACCOUNT = '000000000000';

/** The run was told to quit at once (`stopNow`): the emulators are stopped, nothing was reconciled. */
export class RunInterruptedError extends Error {
  constructor() {
    super('stopped at once: the emulators were stopped without draining or reconciling');
    this.name = 'RunInterruptedError';
  }
}

/**
 * `npm start`: the whole pipeline on this machine. Starts the emulators, creates the platform,
 * runs every function from its bundle wired as its stack wires it, drives the simulator, shows
 * a live view, then drains and reconciles. `stopNow` skips all that and only stops the emulators.
 *
 * @example
 * ```ts
 * const result = await runPipeline({ workspaceRoot, durationSeconds: 30, rate: 50, unicorns: 10, badRatio: 0.05,
 *   ridesPerSecond: 1, seed: 1, shardCount: 2, interactive: false, write: (text) => process.stdout.write(text) });
 * process.exitCode = result.ok ? 0 : 1;
 * ```
 */
export async function runPipeline(options: PipelineOptions): Promise<Reconciliation> {
  const functions = await loadDeclarations(options.workspaceRoot);
  const painter = new LiveViewPainter({ write: (text) => options.write(text), interactive: options.interactive });
  options.write('Starting emulators: kinesalite, DynamoDB Local, s3rver, EventBridge, SQS\n');
  // A bounded event history: the run may be long, and the runtime never reads it.
  const starting = startEmulators({ kinesis: true, dynamodb: true, s3: true, eventbridge: { historyLimit: 1_000 }, sqs: true });
  const interrupted = rejectWhenAborted(options.stopNow, () =>
    painter.print('Quitting now: stopping the emulators and removing their temporary folders.\n'),
  );
  const wired: WiredFunction[] = [];
  let invokeServer: LambdaInvokeServer | undefined;
  let chaos: Chaos | undefined;
  let simulator: SimulatorDriver | undefined;
  let viewTimer: ReturnType<typeof setInterval> | undefined;
  try {
    const emulators = await Promise.race([starting, interrupted]);
    return await Promise.race([run(emulators), interrupted]);
  } finally {
    clearInterval(viewTimer);
    if (!options.stopNow?.aborted) {
      await simulator?.stop();
      await Promise.allSettled(wired.map((fn) => fn.stop()));
      await invokeServer?.close();
    }
    await chaos?.stop();
    // When quitting at once, the functions' workers end with the process; the emulators must not outlive it.
    const emulators = await starting.catch(() => undefined);
    await emulators?.stop();
  }

  async function run(emulators: RunningEmulators): Promise<Reconciliation> {
    Object.assign(process.env, emulators.env);
    const eventbridge = emulators.eventbridge as RunningEventBridge;
    const kinesis = createKinesisClient();
    const dynamodb = createDynamoDbClient();
    const s3 = createS3Client();
    const streams = new DynamoDBStreamsClient({});
    const platform = await createLocalPlatform({ kinesis, dynamodb, s3, eventbridge, shardCount: options.shardCount, region: REGION, accountId: ACCOUNT });
    const ownedTables: OwnedTable[] = functions.flatMap(({ declaration }) => declaration.ownedTables ?? []);
    // What the bus accepted, whoever sent it (the functions, or a person posting to the producer).
    const busEvents: BusEvent[] = [];
    eventbridge.subscribe((event, { eventBusName }) => {
      if (eventBusName === platform.eventBusName) busEvents.push(event);
    });
    // What is quarantined, counted as the objects are written: the live view never lists the bucket.
    const quarantine = new QuarantineTally(platform.quarantineBucketName);
    (emulators.s3 as RunningS3rver).onObjectEvent((event) => quarantine.record(event));
    for (const table of ownedTables) await createOwnedTable(dynamodb, table);

    const logsDirectory = await mkdtemp(join(tmpdir(), 'wildrydes-local-'));
    const sqs = new SQSClient({});
    const eventBridgeClient = createEventBridgeClient();
    const destinations = new FailureDestinations({ s3, sqs }, platform.failureBucketName);
    const latenciesMs: number[] = [];
    if (options.faults !== undefined && options.faults !== 'none') {
      // The functions' calls go through fault proxies; the runtime's own calls do not.
      chaos = await Chaos.start({
        profile: options.faults,
        seed: options.seed,
        targets: {
          kinesis: emulators.kinesis?.endpoint ?? '',
          dynamodb: emulators.dynamodb?.endpoint ?? '',
          s3: emulators.s3?.endpoint ?? '',
          eventbridge: emulators.eventbridge?.endpoint ?? '',
          // No function calls SQS (the consumer's queues are written by EventBridge and Lambda, the runtime here).
        },
        outage: heavyOutage(options.durationSeconds ?? NOMINAL_RUN_SECONDS),
      });
    }
    const wiring = await wireFunctions(functions, {
      platform,
      baseEnvironment: { ...emulators.env, ...chaos?.functionEnvironment() },
      kinesis,
      streams,
      eventbridge,
      region: REGION,
      accountId: ACCOUNT,
      logsDirectory,
      ...(options.producerPort !== undefined ? { producerPort: options.producerPort } : {}),
      asyncRetryDelaysMs: [500, 1_000],
      destinations,
      succeeded: (functionName, records) => {
        // The writer is the function whose success means "stored": measure put -> stored there.
        const fn = functions.find(({ declaration }) => declaration.name === functionName);
        if (fn?.declaration.trigger.type !== 'kinesis' || fn.declaration.trigger.stream !== 'telemetryClean') return;
        const now = Date.now();
        for (const record of records) {
          try {
            const reading = JSON.parse(Buffer.from(record.Data ?? []).toString('utf8')) as Record<string, unknown>;
            const sent = simulator?.sentValid.get(`${String(reading[SENSOR_TABLE_KEY.partitionKey])}|${String(reading[SENSOR_TABLE_KEY.sortKey])}`);
            if (sent) latenciesMs.push(now - sent.putMs);
          } catch {
            // Poison handed to the writer is quarantined, not stored: no latency to measure.
          }
        }
      },
    });
    wired.push(...wiring.wired);
    // Lambda's Invoke API for this run's functions: `npm run redrive` re-delivers DynamoDB-stream batches through it.
    invokeServer = await startLambdaInvokeServer(new Map(wired.map((fn) => [fn.name, (event: unknown) => fn.invoke(event)])), { region: REGION, accountId: ACCOUNT });
    const endpoints = { ...emulators.env, AWS_ENDPOINT_URL_LAMBDA: invokeServer.endpoint };
    painter.print(
      [
        `Running ${wired.length} functions, each from its bundle in dist/apps.`,
        ...(wiring.producerUrl ? [`Producer endpoint (the Function URL): POST ${wiring.producerUrl}/events`] : []),
        `Function logs: ${logsDirectory}`,
        '',
        ...emulatorEndpointLines(endpoints, {
          quarantineBucketName: platform.quarantineBucketName,
          redriveCommands: redriveCommandLines({ functions: wired.map((fn) => fn.declaration), platform, locations: destinations.locations }),
        }),
        '',
      ].join('\n') + '\n',
    );

    const startedMs = Date.now();
    simulator = new SimulatorDriver({
      kinesis,
      rawStreamName: platform.telemetryRawStreamName,
      rate: options.rate,
      unicorns: options.unicorns,
      badRatio: options.badRatio,
      ridesPerSecond: options.ridesPerSecond,
      producerUrl: wiring.producerUrl,
      seed: options.seed,
      runId: `run${startedMs.toString(36)}`,
    });
    let drainStartedMs: number | undefined = undefined;
    // The clock starts with the simulator, as the duration does, so it never shows more than the duration.
    const clock = (): RunClock =>
      drainStartedMs === undefined
        ? { phase: 'running', elapsedSeconds: (Date.now() - startedMs) / 1000, durationSeconds: options.durationSeconds }
        : { phase: 'draining', ranSeconds: (drainStartedMs - startedMs) / 1000, drainingSeconds: (Date.now() - drainStartedMs) / 1000 };
    /** Objects and messages the drain-time re-drive put back (with --faults). */
    let redriven = 0;
    const show = (force = false) =>
      painter.paint(
        renderLiveView({
          clock: clock(),
          simulator: {
            readingsSent: (simulator?.sentValid.size ?? 0) + (simulator?.sentMalformed ?? 0),
            malformedSent: simulator?.sentMalformed ?? 0,
            rideEventsPosted: simulator?.rideEventsPosted ?? 0,
            rideEventsAccepted: simulator?.rideEventsAccepted ?? 0,
          },
          functions: wired.map((fn) => fn.status()),
          quarantinedBy: quarantine.byFunction(),
          ...(chaos ? { faults: chaos.liveStatus() } : {}),
          onFailure: { reached: destinations.totalReached, records: destinations.totalRecordsReached, redriven },
          producerUrl: wiring.producerUrl,
        }),
        { force },
      );
    viewTimer = setInterval(() => show(), 1_000);

    simulator.start();
    chaos?.begin();
    if (chaos) painter.print(chaosBanner(chaos));
    show(true);
    await untilDurationOrAbort(options.durationSeconds, options.signal);
    await simulator.stop();
    drainStartedMs = Date.now();
    options.onDraining?.();
    painter.print('Simulator stopped: draining the pipeline, then reconciling.\n');
    show(true);
    const settled = await waitUntilSettled(() => wired.every((fn) => fn.isIdle()) && eventbridge.pendingDeliveries() === 0, {
      settleChecks: 4,
      intervalMs: 500,
      timeoutMs: (options.drainTimeoutSeconds ?? 120) * 1000,
      ...(options.stopNow ? { signal: options.stopNow } : {}),
    });
    if (chaos) {
      // Faults stop once the pipeline has settled: what reached the on-failure destinations is re-driven, as `npm run redrive` does.
      chaos.calm();
      const lambda = new LambdaClient({ endpoint: invokeServer?.endpoint });
      redriven = await redriveUntilEmpty({
        write: (text) => painter.print(text),
        left: async () => totalLeft(await failureInventory({ s3, sqs }, platform.failureBucketName, destinations.locations)),
        redrive: () =>
          redriveEverything({
            functions: wired.map((fn) => fn.declaration),
            platform,
            locations: destinations.locations,
            clients: { s3, sqs, kinesis, eventbridge: eventBridgeClient, lambda },
            write: (line) => painter.print(`  ${line}\n`),
          }),
        settle: () =>
          waitUntilSettled(() => wired.every((fn) => fn.isIdle()) && eventbridge.pendingDeliveries() === 0, {
            settleChecks: 4,
            intervalMs: 500,
            timeoutMs: (options.drainTimeoutSeconds ?? 120) * 1000,
            ...(options.stopNow ? { signal: options.stopNow } : {}),
          }),
      }).finally(() => lambda.destroy());
    }
    clearInterval(viewTimer);
    show(true);
    painter.release();
    if (!settled) options.write('Draining timed out: reconciling what arrived so far.\n');

    const observations = await observeRun({
      dynamodb,
      s3,
      sqs,
      platform,
      functions,
      wired,
      simulator,
      destinations,
      redriven,
      faultsOn: chaos !== undefined,
      faults: chaos?.report(),
      latenciesMs,
      ownedTables,
      busEvents,
    });
    const result = reconcile({ ...observations, durationSeconds: (Date.now() - startedMs) / 1000 });
    options.write(`${formatReconciliation(result)}\n`);
    return result;
  }
}

/** Resolves after `durationSeconds`, or when `signal` aborts (already aborted: at once). */
function untilDurationOrAbort(durationSeconds: number | undefined, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = durationSeconds !== undefined ? setTimeout(resolve, durationSeconds * 1000) : undefined;
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/** Never settles without a signal; rejects with {@link RunInterruptedError} once `signal` aborts. */
function rejectWhenAborted(signal: AbortSignal | undefined, onAbort: () => void): Promise<never> {
  return new Promise<never>((_, reject) => {
    const abort = () => {
      onAbort();
      reject(new RunInterruptedError());
    };
    if (signal?.aborted) abort();
    else signal?.addEventListener('abort', abort, { once: true });
  });
}

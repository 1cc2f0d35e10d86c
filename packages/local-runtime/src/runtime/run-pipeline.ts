import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { createDynamoDbClient, createKinesisClient, createS3Client, listQuarantined, readQuarantined } from '@wildrydes/aws-clients';
import { startEmulators, type BusEvent, type RunningEventBridge } from '@wildrydes/emulators';
import { compilePattern } from '@wildrydes/event-patterns';
import { SENSOR_TABLE_KEY } from '@wildrydes/schemas';
import { formatReconciliation, reconcile, type Reconciliation } from '../report/reconcile.js';
import { renderLiveView } from '../report/live-view.js';
import { SimulatorDriver } from '../simulator/driver.js';
import { waitUntilSettled } from './drain.js';
import { loadDeclarations } from './load-declarations.js';
import { createLocalPlatform, createOwnedTable, type OwnedTable } from './local-platform.js';
import { checkReadModel } from './read-model-check.js';
import { wireFunctions, type LocalFailure, type WiredFunction } from './wire-functions.js';

export interface PipelineOptions {
  readonly workspaceRoot: string;
  /** Stop after this many seconds; run until `signal` aborts otherwise. */
  readonly durationSeconds?: number;
  readonly rate: number;
  readonly unicorns: number;
  readonly badRatio: number;
  readonly ridesPerSecond: number;
  readonly seed: number;
  readonly shardCount: number;
  readonly producerPort?: number;
  readonly signal?: AbortSignal;
  /** Where the live view and the reconciliation go. */
  write(text: string): void;
  /** Redraw the live view in place (a terminal) or print a line now and then (a log). */
  readonly interactive: boolean;
  /** How long draining may take before the run is reconciled anyway. */
  readonly drainTimeoutSeconds?: number;
}

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';

/**
 * `npm start`: the whole pipeline on this machine. Starts the emulators, creates the platform,
 * runs every function from its bundle wired as its stack wires it, drives the simulator, shows
 * a live view, then drains and reconciles.
 */
export async function runPipeline(options: PipelineOptions): Promise<Reconciliation> {
  const started = Date.now();
  const functions = await loadDeclarations(options.workspaceRoot);
  options.write(`Starting emulators (kinesalite, DynamoDB Local, s3rver, the local EventBridge) for ${functions.length} functions...\n`);
  // A bounded event history: the run may be long, and the runtime never reads it.
  const emulators = await startEmulators({ kinesis: true, dynamodb: true, s3: true, eventbridge: { historyLimit: 1_000 } });
  const wired: WiredFunction[] = [];
  let simulator: SimulatorDriver | undefined;
  try {
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
    for (const table of ownedTables) await createOwnedTable(dynamodb, table);

    const logsDirectory = await mkdtemp(join(tmpdir(), 'wildrydes-local-'));
    const failures: LocalFailure[] = [];
    const latenciesMs: number[] = [];
    const wiring = await wireFunctions(functions, {
      platform,
      baseEnvironment: emulators.env,
      kinesis,
      streams,
      eventbridge,
      region: REGION,
      accountId: ACCOUNT,
      logsDirectory,
      ...(options.producerPort !== undefined ? { producerPort: options.producerPort } : {}),
      asyncRetryDelaysMs: [500, 1_000],
      failure: (failure) => failures.push(failure),
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
    options.write(
      `Running ${wired.map((fn) => fn.name).join(', ')}.\n` +
        (wiring.producerUrl ? `Producer endpoint (the Function URL): POST ${wiring.producerUrl}/events\n` : '') +
        `Function logs: ${logsDirectory}\n`,
    );

    simulator = new SimulatorDriver({
      kinesis,
      rawStreamName: platform.telemetryRawStreamName,
      rate: options.rate,
      unicorns: options.unicorns,
      badRatio: options.badRatio,
      ridesPerSecond: options.ridesPerSecond,
      producerUrl: wiring.producerUrl,
      seed: options.seed,
      runId: `run${started.toString(36)}`,
    });
    const quarantinedBy: Record<string, number> = {};
    const refreshQuarantine = async () => {
      const counts: Record<string, number> = {};
      for await (const key of listQuarantined(s3, { bucketName: platform.quarantineBucketName })) {
        const owner = key.split('/')[0] ?? '?';
        counts[owner] = (counts[owner] ?? 0) + 1;
      }
      Object.assign(quarantinedBy, counts);
    };
    let draining = false;
    let lastLineMs = 0;
    let listingFailed = false;
    const show = async (force = false) => {
      await refreshQuarantine().catch((error: unknown) => {
        // The live view keeps the last counts; say once why they stopped moving.
        if (!listingFailed) options.write(`warning: could not list the quarantine for the live view: ${(error as Error).message}\n`);
        listingFailed = true;
      });
      const view = renderLiveView({
        elapsedSeconds: (Date.now() - started) / 1000,
        durationSeconds: options.durationSeconds,
        simulator: {
          readingsSent: (simulator?.sentValid.size ?? 0) + (simulator?.sentMalformed ?? 0),
          malformedSent: simulator?.sentMalformed ?? 0,
          rideEventsPosted: simulator?.rideEventsPosted ?? 0,
          rideEventsAccepted: simulator?.rideEventsAccepted ?? 0,
        },
        functions: wired.map((fn) => fn.status()),
        quarantinedBy,
        producerUrl: wiring.producerUrl,
        draining,
      });
      if (options.interactive) options.write(`\x1b[H\x1b[2J${view}\n`);
      else if (force || Date.now() - lastLineMs >= 5_000) {
        lastLineMs = Date.now();
        options.write(`${view}\n\n`);
      }
    };
    const viewTimer = setInterval(() => void show(), 1_000);

    simulator.start();
    await new Promise<void>((resolve) => {
      const timer = options.durationSeconds !== undefined ? setTimeout(resolve, options.durationSeconds * 1000) : undefined;
      options.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    await simulator.stop();
    draining = true;
    await show();
    const settled = await waitUntilSettled(() => wired.every((fn) => fn.isIdle()) && eventbridge.pendingDeliveries() === 0, {
      settleChecks: 4,
      intervalMs: 500,
      timeoutMs: (options.drainTimeoutSeconds ?? 120) * 1000,
    });
    clearInterval(viewTimer);
    await show(true);
    if (!settled) options.write('Draining timed out: reconciling what arrived so far.\n');

    const observations = await observe({ dynamodb, s3, platform, functions, wired, simulator, failures, latenciesMs, ownedTables, busEvents });
    const result = reconcile({ ...observations, durationSeconds: (Date.now() - started) / 1000 });
    options.write(`${formatReconciliation(result)}\n`);
    return result;
  } finally {
    await simulator?.stop();
    await Promise.allSettled(wired.map((fn) => fn.stop()));
    await emulators.stop();
  }

  async function observe(context: {
    dynamodb: ReturnType<typeof createDynamoDbClient>;
    s3: ReturnType<typeof createS3Client>;
    platform: Awaited<ReturnType<typeof createLocalPlatform>>;
    functions: Awaited<ReturnType<typeof loadDeclarations>>;
    wired: WiredFunction[];
    simulator: SimulatorDriver;
    failures: LocalFailure[];
    latenciesMs: number[];
    ownedTables: OwnedTable[];
    busEvents: BusEvent[];
  }) {
    const storedKeys = new Set<string>();
    let startKey: Record<string, never> | undefined;
    do {
      const page = await context.dynamodb.send(
        new ScanCommand({ TableName: context.platform.sensorTableName, ProjectionExpression: '#n, #t', ExpressionAttributeNames: { '#n': 'Name', '#t': 'StatusTime' }, ExclusiveStartKey: startKey, ConsistentRead: true }),
      );
      for (const item of page.Items ?? []) storedKeys.add(`${item['Name']?.S ?? ''}|${item['StatusTime']?.S ?? ''}`);
      startKey = page.LastEvaluatedKey as Record<string, never> | undefined;
    } while (startKey);

    const quarantined: Array<{ quarantinedBy: string; reason: string }> = [];
    for await (const key of listQuarantined(context.s3, { bucketName: context.platform.quarantineBucketName })) {
      const record = await readQuarantined(context.s3, { bucketName: context.platform.quarantineBucketName, key });
      quarantined.push({ quarantinedBy: record.quarantinedBy, reason: record.reason });
    }

    const consumer = context.wired.find((fn) => fn.declaration.trigger.type === 'eventbridge-rule');
    const consumerTrigger = consumer?.declaration.trigger;
    const selects = consumerTrigger?.type === 'eventbridge-rule' ? compilePattern(consumerTrigger.eventPattern) : () => false;
    const reactor = context.functions.find(({ declaration }) => declaration.trigger.type === 'dynamodb-stream');
    const threshold = Number(reactor?.declaration.environment['HEALTH_LOW_THRESHOLD'] ?? 20);
    const lowReadings = [...context.simulator.sentValid.values()].filter(
      (reading) => reading.healthPoints < threshold && storedKeys.has(`${reading.name}|${reading.statusTime}`),
    );

    const eventsByType: Record<string, number> = {};
    const alerted = new Set<string>();
    const completedRides = new Map<string, { unicorn: string; rideId: string; distanceMetres: number }>();
    for (const event of context.busEvents) {
      eventsByType[event['detail-type']] = (eventsByType[event['detail-type']] ?? 0) + 1;
      const detail = event.detail;
      if (event['detail-type'] === 'UnicornHealthLow') alerted.add(`${String(detail['unicorn'])}|${String(detail['statusTime'])}`);
      if (event['detail-type'] === 'RideCompleted' && !completedRides.has(String(detail['rideId']))) {
        // The consumer counts a ride once, by rideId: so does the expectation.
        completedRides.set(String(detail['rideId']), {
          unicorn: String(detail['unicorn']),
          rideId: String(detail['rideId']),
          distanceMetres: Number(detail['distanceMetres']),
        });
      }
    }

    const readModelTable = context.ownedTables[0];
    const readModel = readModelTable
      ? await checkReadModel({ dynamodb: context.dynamodb, tableName: readModelTable.tableName, completedRides: [...completedRides.values()], lowReadings })
      : { unicorns: 0, mismatches: ['no read model table declared'] };
    return {
      sentValid: new Set(context.simulator.sentValid.keys()),
      sentMalformed: context.simulator.sentMalformed,
      storedKeys,
      quarantined,
      eventsPublished: context.busEvents.filter((event) => selects(event)).length,
      eventsConsumed: consumer?.status().recordsOut ?? 0,
      eventsByType,
      lowReadingsWithoutAlert: lowReadings.filter((reading) => !alerted.has(`${reading.name}|${reading.statusTime}`)).length,
      simulatorPutFailures: context.simulator.putFailures,
      readModelMismatches: readModel.mismatches,
      readModelUnicorns: readModel.unicorns,
      onFailure: context.failures.length,
      latenciesMs: context.latenciesMs,
      rideEventsAccepted: context.simulator.rideEventsAccepted,
    };
  }
}

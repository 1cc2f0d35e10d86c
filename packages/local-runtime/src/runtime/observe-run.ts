import { ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { listQuarantined, readQuarantined } from '@wildrydes/aws-clients';
import type { BusEvent } from '@wildrydes/emulators';
import { compilePattern } from '@wildrydes/event-patterns';
import type { FaultReport, RunObservations } from '../report/reconcile.js';
import type { SimulatorDriver } from '../simulator/driver.js';
import { eventKey } from './event-key.js';
import type { FailureDestinations } from './failure-destinations.js';
import { failureInventory, totalLeft } from './failure-inventory.js';
import type { DeclaredLocalFunction } from './load-declarations.js';
import type { LocalPlatform, OwnedTable } from './local-platform.js';
import { checkReadModel } from './read-model-check.js';
import type { WiredFunction } from './wire-functions.js';

/** What {@link observeRun} reads the run's outcome from. */
export interface RunContext {
  dynamodb: DynamoDBClient;
  s3: S3Client;
  platform: LocalPlatform;
  functions: readonly DeclaredLocalFunction[];
  wired: readonly WiredFunction[];
  simulator: SimulatorDriver;
  destinations: FailureDestinations;
  sqs: SQSClient;
  redriven: number;
  faultsOn: boolean;
  faults: FaultReport | undefined;
  latenciesMs: readonly number[];
  ownedTables: readonly OwnedTable[];
  busEvents: readonly BusEvent[];
}

/**
 * Gathers what the reconciliation compares, once the pipeline has drained: the readings stored in
 * the sensor table, the quarantine (listed once), the events on the bus and what the consumer
 * handled (copies of an event count once, by its `detail.metadata.eventId`), the read model, the
 * on-failure destinations (what reached them, was re-driven, is left) and the faults injected.
 */
export async function observeRun(context: RunContext): Promise<Omit<RunObservations, 'durationSeconds'>> {
  const storedKeys = new Set<string>();
  let startKey: Record<string, never> | undefined;
  do {
    const page = await context.dynamodb.send(
      new ScanCommand({ TableName: context.platform.sensorTableName, ProjectionExpression: '#n, #t', ExpressionAttributeNames: { '#n': 'Name', '#t': 'StatusTime' }, ExclusiveStartKey: startKey, ConsistentRead: true }),
    );
    for (const item of page.Items ?? []) storedKeys.add(`${item['Name']?.S ?? ''}|${item['StatusTime']?.S ?? ''}`);
    startKey = page.LastEvaluatedKey as Record<string, never> | undefined;
  } while (startKey);

  const quarantined: Array<{ quarantinedBy: string; reason: string; origin: 'kinesis' | 'dynamodb-stream' }> = [];
  for await (const key of listQuarantined(context.s3, { bucketName: context.platform.quarantineBucketName })) {
    const record = await readQuarantined(context.s3, { bucketName: context.platform.quarantineBucketName, key });
    quarantined.push({ quarantinedBy: record.quarantinedBy, reason: record.reason, origin: record.origin.kind });
  }

  const consumer = context.wired.find((fn) => fn.declaration.trigger.type === 'eventbridge-rule');
  const consumerTrigger = consumer?.declaration.trigger;
  const selects = consumerTrigger?.type === 'eventbridge-rule' ? compilePattern(consumerTrigger.eventPattern) : () => false;
  const reactor = context.functions.find(({ declaration }) => declaration.trigger.type === 'dynamodb-stream');
  const threshold = Number(reactor?.declaration.environment['HEALTH_LOW_THRESHOLD'] ?? 20);
  const storedReadings = [...context.simulator.sentValid.values()].filter((reading) => storedKeys.has(`${reading.name}|${reading.statusTime}`));
  const lowReadings = storedReadings.filter((reading) => reading.healthPoints < threshold);

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
    ? await checkReadModel({
        dynamodb: context.dynamodb,
        tableName: readModelTable.tableName,
        completedRides: [...completedRides.values()],
        storedReadings,
        healthLowThreshold: threshold,
      })
    : { unicorns: 0, mismatches: ['no read model table declared'] };
  return {
    sentValid: new Set(context.simulator.sentValid.keys()),
    sentMalformed: context.simulator.sentMalformed,
    storedKeys,
    quarantined,
    // Copies of one event (a re-drive re-puts it, a retried put may land twice) count once.
    eventsPublished: new Set(context.busEvents.filter((event) => selects(event)).map(eventKey)).size,
    eventsConsumed: consumer?.consumedEventKeys?.().size ?? 0,
    eventsByType,
    lowReadingsWithoutAlert: lowReadings.filter((reading) => !alerted.has(`${reading.name}|${reading.statusTime}`)).length,
    simulatorPutFailures: context.simulator.putFailures,
    readModelMismatches: readModel.mismatches,
    readModelUnicorns: readModel.unicorns,
    onFailure: {
      reached: context.destinations.totalReached,
      records: context.destinations.totalRecordsReached,
      redriven: context.redriven,
      remaining: totalLeft(await failureInventory({ s3: context.s3, sqs: context.sqs }, context.platform.failureBucketName, context.destinations.locations)),
      deliveryFailures: context.destinations.totalDeliveryFailures,
      expected: context.faultsOn,
    },
    ...(context.faults ? { faults: context.faults } : {}),
    latenciesMs: context.latenciesMs,
    rideEventsAccepted: context.simulator.rideEventsAccepted,
  };
}
